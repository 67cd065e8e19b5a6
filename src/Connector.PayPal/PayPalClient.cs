namespace Connector.PayPal;

/// <summary>
/// The PayPal REST APIs the connector uses, one typed client per API area
/// (https://developer.paypal.com/api/rest/): <see cref="Orders"/> (Orders v2), <see cref="Tracking"/> (order trackers),
/// <see cref="Payments"/> (Payments v2: authorizations, captures, refunds), <see cref="Vault"/> (Vault v3),
/// <see cref="Identity"/> (client tokens), <see cref="Webhooks"/> (Notifications v1) and <see cref="Disputes"/>
/// (Customer Disputes v1), all sending through one <see cref="PayPalTransport"/>. Every call that creates or moves money
/// takes a <c>requestId</c> sent as <c>PayPal-Request-Id</c>; callers derive it from business ids so a retried call cannot
/// charge twice. Failures throw <see cref="PayPalApiException"/>.
/// </summary>
public sealed class PayPalClient(PayPalTransport transport)
{
    public PayPalOrders Orders { get; } = new(transport);

    public PayPalTracking Tracking { get; } = new(transport);

    public PayPalPayments Payments { get; } = new(transport);

    public PayPalVault Vault { get; } = new(transport);

    public PayPalIdentity Identity { get; } = new(transport);

    public PayPalWebhooks Webhooks { get; } = new(transport);

    public PayPalDisputes Disputes { get; } = new(transport);
}
