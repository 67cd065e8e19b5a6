using System.Text.Json.Nodes;
using Connector.PayPal.Models;
using static Connector.PayPal.PayPalTransport;

namespace Connector.PayPal;

/// <summary>Orders v2 (https://developer.paypal.com/docs/api/orders/v2/): create, show, capture, authorize, update.</summary>
public sealed class PayPalOrders(PayPalTransport transport)
{
    /// <summary>
    /// <c>POST /v2/checkout/orders</c>. The body stays JSON: it carries the client's payment source and experience
    /// context unchanged beside the purchase units the connector computed from the cart.
    /// </summary>
    public Task<PayPalResponse<PayPalOrder>> CreateAsync(JsonObject body, string requestId, string? clientMetadataId, CancellationToken cancellationToken) =>
        transport.SendAsync(HttpMethod.Post, "v2/checkout/orders", body, Json.PayPalOrder, cancellationToken, requestId, clientMetadataId);

    /// <summary><c>GET /v2/checkout/orders/{id}</c> (show order details).</summary>
    public Task<PayPalResponse<PayPalOrder>> GetAsync(string orderId, CancellationToken cancellationToken) =>
        transport.SendAsync(HttpMethod.Get, $"v2/checkout/orders/{Segment(orderId)}", null, Json.PayPalOrder, cancellationToken);

    /// <summary><c>POST /v2/checkout/orders/{id}/capture</c>; the body is the client's (a payment source) or empty.</summary>
    public Task<PayPalResponse<PayPalOrder>> CaptureAsync(string orderId, JsonObject? body, string requestId, CancellationToken cancellationToken) =>
        transport.SendAsync(HttpMethod.Post, $"v2/checkout/orders/{Segment(orderId)}/capture", body ?? [], Json.PayPalOrder, cancellationToken, requestId);

    /// <summary><c>POST /v2/checkout/orders/{id}/authorize</c>; the body is the client's (a payment source) or empty.</summary>
    public Task<PayPalResponse<PayPalOrder>> AuthorizeAsync(string orderId, JsonObject? body, string requestId, CancellationToken cancellationToken) =>
        transport.SendAsync(HttpMethod.Post, $"v2/checkout/orders/{Segment(orderId)}/authorize", body ?? [], Json.PayPalOrder, cancellationToken, requestId);

    /// <summary><c>PATCH /v2/checkout/orders/{id}</c> (a JSON Patch; 204 on success).</summary>
    public Task<PayPalResponse<JsonNode>> PatchAsync(string orderId, JsonArray patch, CancellationToken cancellationToken) =>
        transport.SendAsync(HttpMethod.Patch, $"v2/checkout/orders/{Segment(orderId)}", patch, Json.JsonNode, cancellationToken);
}
