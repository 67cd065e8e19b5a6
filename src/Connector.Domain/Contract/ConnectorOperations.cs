namespace Connector.Domain.Contract;

/// <summary>
/// One operation of the wire contract: its name gives the custom fields <c>&lt;name&gt;Request</c> and
/// <c>&lt;name&gt;Response</c> on the resource's custom type (<c>payment</c> or <c>customer</c>).
/// </summary>
public sealed record ConnectorOperation(string Name, string Resource)
{
    public string RequestField => Name + "Request";

    public string ResponseField => Name + "Response";
}

/// <summary>
/// The connector's operations, each declared once, in the order the extension runs them when several request fields
/// are set in one update. Deploy derives the custom-type fields and the extension trigger conditions from this list;
/// the service's operation table maps each name to its handler.
/// </summary>
public static class ConnectorOperations
{
    public const string Payment = "payment";
    public const string Customer = "customer";

    public static IReadOnlyList<ConnectorOperation> All { get; } =
    [
        new("createPayPalOrder", Payment),
        new("getClientToken", Payment),
        new("authorizePayPalOrder", Payment),
        new("capturePayPalOrder", Payment),
        new("capturePayPalAuthorization", Payment),
        new("voidPayPalAuthorization", Payment),
        new("getPayPalOrder", Payment),
        new("getPayPalCapture", Payment),
        new("refundPayPalOrder", Payment),
        new("createTrackingInformation", Payment),
        new("updateTrackingInformation", Payment),
        new("updatePayPalOrder", Payment),
        new("getPayPalDispute", Payment),
        new("acceptPayPalDisputeClaim", Payment),
        new("providePayPalDisputeEvidence", Payment),
        new("getUserIDToken", Customer),
        new("createVaultSetupToken", Customer),
        new("createPaymentToken", Customer),
        new("getPaymentTokens", Customer),
        new("deletePaymentToken", Customer),
    ];

    private static readonly IReadOnlyList<string> PaymentNames = [.. All.Where(o => o.Resource == Payment).Select(o => o.Name)];
    private static readonly IReadOnlyList<string> CustomerNames = [.. All.Where(o => o.Resource == Customer).Select(o => o.Name)];

    /// <summary>The names of the operations on <paramref name="resource"/> (<c>payment</c> or <c>customer</c>), in run order.</summary>
    public static IReadOnlyList<string> On(string resource) => resource switch
    {
        Payment => PaymentNames,
        Customer => CustomerNames,
        _ => throw new ArgumentOutOfRangeException(nameof(resource), resource, "The connector's operations are on payment or customer."),
    };

    /// <summary>The extension trigger condition for <paramref name="resource"/>: fires only when one of its request fields is set.</summary>
    public static string TriggerCondition(string resource) =>
        "custom is defined AND custom(fields is defined) AND ("
        + string.Join(" or ", On(resource).Select(o => $"custom(fields({o}Request is defined))"))
        + ")";
}
