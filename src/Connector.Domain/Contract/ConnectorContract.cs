namespace Connector.Domain.Contract;

/// <summary>
/// Names shared with the TypeScript connector's wire contract: operation names (each gives a <c>&lt;name&gt;Request</c>
/// and <c>&lt;name&gt;Response</c> custom field), default type keys and the other custom fields.
/// </summary>
public static class ConnectorContract
{
    public const string DefaultPaymentTypeKey = "paypal-payment-type";
    public const string DefaultCustomerTypeKey = "paypal-customer-type";
    public const string DefaultInteractionTypeKey = "paypal-payment-interaction-type";
    public const string PaymentExtensionKey = "paypal-payment-extension";
    public const string CustomerExtensionKey = "paypal-customer-extension";
    public const string SubscriptionKey = "paypal-parcelAddedToDelivery";

    public const string PayPalOrderIdField = "PayPalOrderId";
    public const string PayPalCustomIdField = "PayPalCustomId";
    public const string PayPalUserIdField = "PayPalUserId";

    /// <summary>
    /// Custom-object container of the vault bindings: key = commercetools customer id, value <c>{"payPalCustomerId": ...}</c>.
    /// Written only by the connector (shoppers cannot write custom objects); it, not <see cref="PayPalUserIdField"/>, says whose vault is whose.
    /// </summary>
    public const string VaultBindingContainer = "paypal-commercetools-vault";

    /// <summary>The property of a vault binding's value that holds the PayPal vault customer id.</summary>
    public const string VaultBindingProperty = "payPalCustomerId";

    /// <summary>The payment's current (latest) PayPal dispute id, kept by the connector.</summary>
    public const string PayPalDisputeIdField = "PayPalDisputeId";

    /// <summary>A compact JSON view of the payment's current PayPal dispute (status, stage, reason, amount, due date, outcome).</summary>
    public const string PayPalDisputeField = "PayPalDispute";

    /// <summary>Payment operations in the order the extension runs them.</summary>
    public static IReadOnlyList<string> PaymentOperations { get; } =
    [
        "createPayPalOrder", "getClientToken", "authorizePayPalOrder", "capturePayPalOrder", "capturePayPalAuthorization",
        "voidPayPalAuthorization", "getPayPalOrder", "getPayPalCapture", "refundPayPalOrder", "createTrackingInformation",
        "updateTrackingInformation", "updatePayPalOrder", "getPayPalDispute", "acceptPayPalDisputeClaim", "providePayPalDisputeEvidence",
    ];

    /// <summary>Customer operations in the order the extension runs them.</summary>
    public static IReadOnlyList<string> CustomerOperations { get; } =
        ["getUserIDToken", "createVaultSetupToken", "createPaymentToken", "getPaymentTokens", "deletePaymentToken"];

    /// <summary>The extension trigger condition: fires only when one of the request fields is set.</summary>
    public static string TriggerCondition(IEnumerable<string> operations) =>
        "custom is defined AND custom(fields is defined) AND ("
        + string.Join(" or ", operations.Select(o => $"custom(fields({o}Request is defined))"))
        + ")";
}
