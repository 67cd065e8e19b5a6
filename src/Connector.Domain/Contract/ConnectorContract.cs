namespace Connector.Domain.Contract;

/// <summary>
/// Names shared with the TypeScript connector's wire contract: default type keys, extension keys and the custom fields
/// other than the operations' (those are in <see cref="ConnectorOperations"/>).
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
}
