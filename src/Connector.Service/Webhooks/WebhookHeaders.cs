namespace Connector.Service.Webhooks;

/// <summary>The PayPal transmission headers of one webhook delivery (null when absent).</summary>
internal sealed record WebhookHeaders(string? TransmissionId, string? TransmissionTime, string? TransmissionSig, string? CertUrl, string? AuthAlgo)
{
    public static WebhookHeaders From(IHeaderDictionary headers) => new(
        Single(headers, "paypal-transmission-id"),
        Single(headers, "paypal-transmission-time"),
        Single(headers, "paypal-transmission-sig"),
        Single(headers, "paypal-cert-url"),
        Single(headers, "paypal-auth-algo"));

    private static string? Single(IHeaderDictionary headers, string name) =>
        headers.TryGetValue(name, out var values) && values.Count == 1 && !string.IsNullOrWhiteSpace(values[0]) ? values[0] : null;
}
