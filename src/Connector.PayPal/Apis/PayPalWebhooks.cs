using System.Text.Json.Nodes;
using Connector.PayPal.Models;
using static Connector.PayPal.PayPalTransport;

namespace Connector.PayPal;

/// <summary>Webhooks management and verification (https://developer.paypal.com/docs/api/webhooks/v1/).</summary>
public sealed class PayPalWebhooks(PayPalTransport transport)
{
    /// <summary><c>GET /v1/notifications/webhooks?anchor_type=APPLICATION</c>: the app's webhooks.</summary>
    public Task<PayPalResponse<JsonNode>> ListAsync(CancellationToken cancellationToken) =>
        transport.SendAsync(HttpMethod.Get, "v1/notifications/webhooks?anchor_type=APPLICATION", null, Json.JsonNode, cancellationToken);

    /// <summary><c>POST /v1/notifications/webhooks</c>.</summary>
    public Task<PayPalResponse<JsonNode>> CreateAsync(CreateWebhookRequest body, CancellationToken cancellationToken) =>
        transport.SendAsync(HttpMethod.Post, "v1/notifications/webhooks", body, Json.CreateWebhookRequest, Json.JsonNode, cancellationToken);

    /// <summary><c>PATCH /v1/notifications/webhooks/{id}</c>: replaces the webhook's event types.</summary>
    public Task<PayPalResponse<JsonNode>> ReplaceEventTypesAsync(string webhookId, IReadOnlyList<WebhookEventType> eventTypes, CancellationToken cancellationToken)
    {
        var patch = new JsonArray(new JsonObject
        {
            ["op"] = "replace",
            ["path"] = "/event_types",
            ["value"] = new JsonArray([.. eventTypes.Select(e => (JsonNode)new JsonObject { ["name"] = e.Name })]),
        });
        return transport.SendAsync(HttpMethod.Patch, $"v1/notifications/webhooks/{Segment(webhookId)}", patch, Json.JsonNode, cancellationToken);
    }

    /// <summary><c>DELETE /v1/notifications/webhooks/{id}</c> (204).</summary>
    public Task<PayPalResponse<JsonNode>> DeleteAsync(string webhookId, CancellationToken cancellationToken) =>
        transport.SendAsync(HttpMethod.Delete, $"v1/notifications/webhooks/{Segment(webhookId)}", null, Json.JsonNode, cancellationToken);

    /// <summary><c>POST /v1/notifications/verify-webhook-signature</c>: PayPal checks a delivery's signature.</summary>
    public Task<PayPalResponse<VerifyWebhookSignatureResponse>> VerifySignatureAsync(VerifyWebhookSignatureRequest request, CancellationToken cancellationToken) =>
        transport.SendAsync(HttpMethod.Post, "v1/notifications/verify-webhook-signature", request, Json.VerifyWebhookSignatureRequest,
            Json.VerifyWebhookSignatureResponse, cancellationToken);
}
