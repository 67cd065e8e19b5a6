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

    public static readonly ConnectorOperation CreatePayPalOrder = new("createPayPalOrder", Payment);
    public static readonly ConnectorOperation GetClientToken = new("getClientToken", Payment);
    public static readonly ConnectorOperation AuthorizePayPalOrder = new("authorizePayPalOrder", Payment);
    public static readonly ConnectorOperation CapturePayPalOrder = new("capturePayPalOrder", Payment);
    public static readonly ConnectorOperation CapturePayPalAuthorization = new("capturePayPalAuthorization", Payment);
    public static readonly ConnectorOperation VoidPayPalAuthorization = new("voidPayPalAuthorization", Payment);
    public static readonly ConnectorOperation GetPayPalOrder = new("getPayPalOrder", Payment);
    public static readonly ConnectorOperation GetPayPalCapture = new("getPayPalCapture", Payment);
    public static readonly ConnectorOperation RefundPayPalOrder = new("refundPayPalOrder", Payment);
    public static readonly ConnectorOperation CreateTrackingInformation = new("createTrackingInformation", Payment);
    public static readonly ConnectorOperation UpdateTrackingInformation = new("updateTrackingInformation", Payment);
    public static readonly ConnectorOperation UpdatePayPalOrder = new("updatePayPalOrder", Payment);
    public static readonly ConnectorOperation GetPayPalDispute = new("getPayPalDispute", Payment);
    public static readonly ConnectorOperation AcceptPayPalDisputeClaim = new("acceptPayPalDisputeClaim", Payment);
    public static readonly ConnectorOperation ProvidePayPalDisputeEvidence = new("providePayPalDisputeEvidence", Payment);
    public static readonly ConnectorOperation GetUserIDToken = new("getUserIDToken", Customer);
    public static readonly ConnectorOperation CreateVaultSetupToken = new("createVaultSetupToken", Customer);
    public static readonly ConnectorOperation CreatePaymentToken = new("createPaymentToken", Customer);
    public static readonly ConnectorOperation GetPaymentTokens = new("getPaymentTokens", Customer);
    public static readonly ConnectorOperation DeletePaymentToken = new("deletePaymentToken", Customer);

    /// <summary>Every operation, in run order (payment operations first, then customer operations).</summary>
    public static IReadOnlyList<ConnectorOperation> All { get; } =
    [
        CreatePayPalOrder,
        GetClientToken,
        AuthorizePayPalOrder,
        CapturePayPalOrder,
        CapturePayPalAuthorization,
        VoidPayPalAuthorization,
        GetPayPalOrder,
        GetPayPalCapture,
        RefundPayPalOrder,
        CreateTrackingInformation,
        UpdateTrackingInformation,
        UpdatePayPalOrder,
        GetPayPalDispute,
        AcceptPayPalDisputeClaim,
        ProvidePayPalDisputeEvidence,
        GetUserIDToken,
        CreateVaultSetupToken,
        CreatePaymentToken,
        GetPaymentTokens,
        DeletePaymentToken,
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

    private static readonly IReadOnlyList<string> PaymentRequestFields = [.. PaymentNames.Select(n => n + "Request")];
    private static readonly IReadOnlyList<string> CustomerRequestFields = [.. CustomerNames.Select(n => n + "Request")];

    /// <summary>The <c>&lt;name&gt;Request</c> field of each name in <paramref name="names"/> (a list returned by <see cref="On"/>), index for index.</summary>
    public static IReadOnlyList<string> RequestFields(IReadOnlyList<string> names) =>
        ReferenceEquals(names, PaymentNames) ? PaymentRequestFields
        : ReferenceEquals(names, CustomerNames) ? CustomerRequestFields
        : [.. names.Select(n => n + "Request")];

    /// <summary>The extension trigger condition for <paramref name="resource"/>: fires only when one of its request fields is set.</summary>
    public static string TriggerCondition(string resource) =>
        "custom is defined AND custom(fields is defined) AND ("
        + string.Join(" or ", On(resource).Select(o => $"custom(fields({o}Request is defined))"))
        + ")";
}
