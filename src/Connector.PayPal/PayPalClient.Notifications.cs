using System.Text.Json.Nodes;

namespace Connector.PayPal;

/// <summary>Webhooks management and verification (https://developer.paypal.com/docs/api/webhooks/v1/).</summary>
public sealed partial class PayPalClient
{
    /// <summary><c>GET /v1/notifications/webhooks?anchor_type=APPLICATION</c>: the app's webhooks.</summary>
    public Task<PayPalResponse<JsonNode>> ListWebhooksAsync(CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, "v1/notifications/webhooks?anchor_type=APPLICATION", null, Json.JsonNode, cancellationToken);

    /// <summary><c>POST /v1/notifications/webhooks</c> with <c>{url, event_types:[{name}]}</c>.</summary>
    public Task<PayPalResponse<JsonNode>> CreateWebhookAsync(JsonObject body, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, "v1/notifications/webhooks", body, Json.JsonNode, cancellationToken);

    /// <summary><c>PATCH /v1/notifications/webhooks/{id}</c> (JSON Patch, e.g. a new <c>/event_types</c>).</summary>
    public Task<PayPalResponse<JsonNode>> PatchWebhookAsync(string webhookId, JsonArray patch, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Patch, $"v1/notifications/webhooks/{Segment(webhookId)}", patch, Json.JsonNode, cancellationToken);

    /// <summary><c>DELETE /v1/notifications/webhooks/{id}</c> (204).</summary>
    public Task<PayPalResponse<JsonNode>> DeleteWebhookAsync(string webhookId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Delete, $"v1/notifications/webhooks/{Segment(webhookId)}", null, Json.JsonNode, cancellationToken);

    /// <summary><c>POST /v1/notifications/verify-webhook-signature</c>: PayPal checks a delivery's signature.</summary>
    public Task<PayPalResponse<JsonNode>> VerifyWebhookSignatureAsync(JsonObject request, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, "v1/notifications/verify-webhook-signature", request, Json.JsonNode, cancellationToken);
}
