using System.Text.Json.Nodes;
using Emulator.Commercetools.Infrastructure;
using Emulator.Commercetools.Store;

namespace Emulator.Commercetools.ShippingMethods;

/// <summary>Zones: sets of countries (and states) that shipping rates apply to.</summary>
internal sealed class ZoneBehavior : NamedResourceBehavior
{
    public override string TypeId => "zone";

    protected override JsonObject FieldsFromDraft(JsonObject draft, ResourceContext context) => new()
    {
        ["description"] = JsonUtil.OptString(draft, "description"),
        ["locations"] = JsonUtil.ReadObjects(draft, "locations", Location),
    };

    protected override bool ApplyOwn(JsonObject resource, string action, JsonObject payload, ResourceContext context)
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
                return JsonUtil.RemoveEqual(locations, Location(JsonUtil.ReqObject(payload, "location")));
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
