using System.Text.Json;
using System.Text.Json.Nodes;

namespace Connector.Service.Events;

/// <summary>
/// A commercetools Message delivered through a Google Pub/Sub push: <c>{message:{data:base64(notification), messageId, ...}, subscription}</c>.
/// </summary>
internal sealed record PubSubPush(string? MessageId, JsonObject Notification)
{
    /// <summary>Null when the body is not a push envelope whose data is a JSON object.</summary>
    public static PubSubPush? Parse(byte[] body)
    {
        try
        {
            if (JsonNode.Parse(body) is not JsonObject envelope || envelope["message"] is not JsonObject message
                || message["data"] is not JsonValue data || !data.TryGetValue<string>(out var base64))
            {
                return null;
            }

            var decoded = Convert.FromBase64String(base64);
            return JsonNode.Parse(decoded) is JsonObject notification
                ? new PubSubPush(Text(message, "messageId") ?? Text(message, "message_id"), notification)
                : null;
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            return null;
        }
    }

    public string? Type => Text(Notification, "type");

    public string? NotificationType => Text(Notification, "notificationType");

    public string? ResourceTypeId => Text(Notification["resource"] as JsonObject, "typeId");

    public string? ResourceId => Text(Notification["resource"] as JsonObject, "id");

    public static string? Text(JsonObject? obj, string property) =>
        obj?[property] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 ? s : null;
}
