using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Connector.Service.Webhooks;

/// <summary>The parts of a PayPal webhook event the connector reads (<c>id</c>, <c>event_type</c>, <c>create_time</c>, <c>resource</c>).</summary>
internal sealed record PayPalWebhookEvent(string Id, string EventType, DateTimeOffset? CreateTime, JsonObject Resource)
{
    /// <summary>Null when the body is not a webhook event (no id, type or resource object).</summary>
    public static PayPalWebhookEvent? Parse(byte[] body)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }

        if (root is not JsonObject obj || Text(obj, "id") is not { } id || Text(obj, "event_type") is not { } type || obj["resource"] is not JsonObject resource)
        {
            return null;
        }

        DateTimeOffset? created = Text(obj, "create_time") is { } t
            && DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed : null;
        return new PayPalWebhookEvent(id, type, created, resource);
    }

    /// <summary>
    /// The PayPal order the event belongs to: the resource itself for order events, else
    /// <c>resource.supplementary_data.related_ids.order_id</c>.
    /// </summary>
    public string? OrderId => EventType.StartsWith("CHECKOUT.ORDER.", StringComparison.Ordinal)
        ? Text(Resource, "id")
        : Text(Resource["supplementary_data"]?["related_ids"] as JsonObject, "order_id");

    /// <summary>The capture a refund or reversal belongs to (<c>related_ids.capture_id</c>, or the <c>up</c> link), for events without an order id.</summary>
    public string? CaptureId
    {
        get
        {
            if (Text(Resource["supplementary_data"]?["related_ids"] as JsonObject, "capture_id") is { } id)
            {
                return id;
            }

            var up = (Resource["links"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(l => Text(l, "rel") == "up");
            var href = up is null ? null : Text(up, "href");
            return href is not null && href.Contains("/captures/", StringComparison.Ordinal) ? href[(href.LastIndexOf('/') + 1)..] : null;
        }
    }

    public static string? Text(JsonObject? obj, string property) =>
        obj?[property] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 ? s : null;
}
