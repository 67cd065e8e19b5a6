using System.Text.Json.Nodes;
using Connector.PayPal.Models;
using static Connector.PayPal.PayPalTransport;

namespace Connector.PayPal;

/// <summary>Order trackers (https://developer.paypal.com/docs/api/orders/v2/#orders_track_create): add and update shipment tracking.</summary>
public sealed class PayPalTracking(PayPalTransport transport)
{
    /// <summary><c>POST /v2/checkout/orders/{id}/track</c> (add tracking information; answers the order).</summary>
    public Task<PayPalResponse<PayPalOrder>> AddAsync(string orderId, AddTrackerRequest tracker, string requestId, CancellationToken cancellationToken) =>
        transport.SendAsync(HttpMethod.Post, $"v2/checkout/orders/{Segment(orderId)}/track", tracker, Json.AddTrackerRequest, Json.PayPalOrder,
            cancellationToken, requestId);

    /// <summary><c>PATCH /v2/checkout/orders/{id}/trackers/{tracker_id}</c> (the client's JSON Patch: update or cancel; 204).</summary>
    public Task<PayPalResponse<JsonNode>> UpdateAsync(string orderId, string trackerId, JsonArray patch, CancellationToken cancellationToken) =>
        transport.SendAsync(HttpMethod.Patch, $"v2/checkout/orders/{Segment(orderId)}/trackers/{Segment(trackerId)}", patch, Json.JsonNode, cancellationToken);
}
