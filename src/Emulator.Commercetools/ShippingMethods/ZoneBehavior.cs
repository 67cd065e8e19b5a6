using System.Text.Json.Nodes;
using Emulator.Commercetools.Infrastructure;
using Emulator.Commercetools.Store;

namespace Emulator.Commercetools.ShippingMethods;

/// <summary>Zones: sets of countries (and states) that shipping rates apply to.</summary>
internal sealed class ZoneBehavior : ResourceBehavior
{
    public override string TypeId => "zone";

    public override JsonObject CreateFromDraft(JsonObject draft, ResourceContext context)
    {
        var key = JsonUtil.OptString(draft, "key");
        JsonUtil.ValidateKey(key);
        return new JsonObject
        {
            ["key"] = key,
            ["name"] = JsonUtil.ReqString(draft, "name"),
            ["description"] = JsonUtil.OptString(draft, "description"),
            ["locations"] = new JsonArray(JsonUtil.Objects(JsonUtil.OptArray(draft, "locations"), "locations").Select(l => (JsonNode)Location(l)).ToArray()),
        };
    }

    public override bool Apply(JsonObject resource, string action, JsonObject payload, ResourceContext context)
    {
        var locations = (JsonArray)resource["locations"]!;
        switch (action)
        {
            case "addLocation":
                var location = Location(JsonUtil.ReqObject(payload, "location"));
                if (locations.Any(l => JsonNode.DeepEquals(l, location)))
                {
                    return false;
                }

                locations.Add(location);
                return true;
            case "removeLocation":
                var toRemove = Location(JsonUtil.ReqObject(payload, "location"));
                var existing = locations.FirstOrDefault(l => JsonNode.DeepEquals(l, toRemove));
                return existing is not null && locations.Remove(existing);
            case "changeName":
                return JsonUtil.SetIfChanged(resource, "name", JsonUtil.ReqString(payload, "name"));
            case "setKey":
                return JsonUtil.SetIfChanged(resource, "key", JsonUtil.OptString(payload, "key"));
            default:
                throw UnknownAction(action);
        }
    }

    private static JsonObject Location(JsonObject draft)
    {
        var location = new JsonObject { ["country"] = JsonUtil.ReqString(draft, "country", "location.country") };
        JsonUtil.Set(location, "state", JsonUtil.OptString(draft, "state", "location.state"));
        return location;
    }
}
