using System.Text.Json;
using System.Text.Json.Nodes;
using Emulator.Commercetools.Infrastructure;
using Emulator.Commercetools.Store;

namespace Emulator.Commercetools.Subscriptions;

/// <summary>Subscriptions: which messages/changes go to which destination.</summary>
internal sealed class SubscriptionBehavior : ResourceBehavior
{
    private static readonly string[] DestinationTypes =
        ["SQS", "SNS", "EventBridge", "EventGrid", "AzureServiceBus", "GoogleCloudPubSub", "ConfluentCloud", "IronMQ"];

    public override string TypeId => "subscription";

    public override JsonObject CreateFromDraft(JsonObject draft, ResourceContext context)
    {
        var key = KeyOf(draft);
        var messages = Messages(JsonUtil.OptArray(draft, "messages"));
        var changes = Changes(JsonUtil.OptArray(draft, "changes"));
        var events = JsonUtil.OptArray(draft, "events")?.DeepClone() ?? new JsonArray();
        if (messages.Count == 0 && changes.Count == 0 && ((JsonArray)events).Count == 0)
        {
            throw Errors.InvalidInput("A subscription needs at least one of messages, changes or events.");
        }

        var format = JsonUtil.OptObject(draft, "format") is { } f ? Format(f) : new JsonObject { ["type"] = "Platform" };
        return new JsonObject
        {
            ["key"] = key,
            ["destination"] = Destination(JsonUtil.OptObject(draft, "destination") ?? throw Errors.MissingValue("destination")),
            ["messages"] = messages,
            ["changes"] = changes,
            ["events"] = events,
            ["format"] = format,
            ["status"] = "Healthy",
        };
    }

    public override bool Apply(JsonObject resource, string action, JsonObject payload, ResourceContext context) => action switch
    {
        "changeDestination" => JsonUtil.SetIfChanged(resource, "destination", Destination(JsonUtil.OptObject(payload, "destination") ?? throw Errors.MissingValue("destination"))),
        "setMessages" => JsonUtil.SetIfChanged(resource, "messages", Messages(JsonUtil.OptArray(payload, "messages"))),
        "setChanges" => JsonUtil.SetIfChanged(resource, "changes", Changes(JsonUtil.OptArray(payload, "changes"))),
        "setEvents" => JsonUtil.SetIfChanged(resource, "events", JsonUtil.OptArray(payload, "events")?.DeepClone() ?? new JsonArray()),
        "setKey" => SetKey(resource, payload),
        _ => throw UnknownAction(action),
    };

    private static JsonObject Destination(JsonObject destination)
    {
        var type = JsonUtil.ReqString(destination, "type", "destination.type");
        if (!DestinationTypes.Contains(type))
        {
            throw Errors.InvalidField("destination.type", type, null, new JsonArray(DestinationTypes.Select(t => (JsonNode?)t).ToArray()));
        }

        if (type == "GoogleCloudPubSub")
        {
            JsonUtil.ReqString(destination, "projectId", "destination.projectId");
            JsonUtil.ReqString(destination, "topic", "destination.topic");
        }

        var copy = (JsonObject)destination.DeepClone();
        JsonUtil.StripNulls(copy);
        return copy;
    }

    private static JsonObject Format(JsonObject format)
    {
        var type = JsonUtil.ReqString(format, "type", "format.type");
        return type switch
        {
            "Platform" => new JsonObject { ["type"] = "Platform" },
            "CloudEvents" => new JsonObject { ["type"] = "CloudEvents", ["cloudEventsVersion"] = JsonUtil.OptString(format, "cloudEventsVersion") ?? "1.0" },
            _ => throw Errors.InvalidField("format.type", type, null, ["Platform", "CloudEvents"]),
        };
    }

    private static JsonArray Messages(JsonArray? messages)
    {
        var result = new JsonArray();
        foreach (var message in JsonUtil.Objects(messages, "messages"))
        {
            var entry = new JsonObject { ["resourceTypeId"] = JsonUtil.ReqString(message, "resourceTypeId", "messages.resourceTypeId") };
            if (JsonUtil.OptArray(message, "types", "messages.types") is { Count: > 0 } types)
            {
                entry["types"] = types.DeepClone();
            }

            result.Add(entry);
        }

        return result;
    }

    private static JsonArray Changes(JsonArray? changes) =>
        new(JsonUtil.Objects(changes, "changes")
            .Select(c => (JsonNode)new JsonObject { ["resourceTypeId"] = JsonUtil.ReqString(c, "resourceTypeId", "changes.resourceTypeId") })
            .ToArray());

    public static bool WantsMessage(JsonElement subscription, string resourceTypeId, string messageType)
    {
        foreach (var entry in subscription.GetProperty("messages").EnumerateArray())
        {
            if (entry.GetProperty("resourceTypeId").GetString() != resourceTypeId)
            {
                continue;
            }

            if (!entry.TryGetProperty("types", out var types) || types.GetArrayLength() == 0 || types.EnumerateArray().Any(t => t.GetString() == messageType))
            {
                return true;
            }
        }

        return false;
    }

    public static bool WantsChange(JsonElement subscription, string resourceTypeId) =>
        subscription.GetProperty("changes").EnumerateArray().Any(c => c.GetProperty("resourceTypeId").GetString() == resourceTypeId);
}
