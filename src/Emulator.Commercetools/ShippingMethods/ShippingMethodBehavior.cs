using System.Text.Json;
using System.Text.Json.Nodes;
using Emulator.Commercetools.Infrastructure;
using Emulator.Commercetools.Store;

namespace Emulator.Commercetools.ShippingMethods;

/// <summary>Shipping methods: zone rates with a price per currency and an optional free-above threshold.</summary>
internal sealed class ShippingMethodBehavior : NamedResourceBehavior
{
    public override string TypeId => "shipping-method";

    protected override JsonObject FieldsFromDraft(JsonObject draft, ResourceContext context) => new()
    {
        ["localizedName"] = JsonUtil.OptLocalizedString(draft, "localizedName"),
        ["localizedDescription"] = JsonUtil.OptLocalizedString(draft, "localizedDescription"),
        ["taxCategory"] = References.Resolve(context.Store, JsonUtil.OptObject(draft, "taxCategory") ?? throw Errors.MissingValue("taxCategory"), "tax-category", "taxCategory"),
        ["zoneRates"] = JsonUtil.ReadObjects(draft, "zoneRates", z => ZoneRate(z, context)),
        ["isDefault"] = JsonUtil.OptBool(draft, "isDefault") ?? false,
        ["active"] = JsonUtil.OptBool(draft, "active") ?? true,
        ["custom"] = context.CustomFields.FromDraft(JsonUtil.OptObject(draft, "custom"), "shipping-method"),
    };

    protected override bool ApplyOwn(JsonObject resource, string action, JsonObject payload, ResourceContext context)
    {
        var zoneRates = (JsonArray)resource["zoneRates"]!;
        switch (action)
        {
            case "addZone":
                var zone = References.Resolve(context.Store, JsonUtil.ReqObject(payload, "zone"), "zone", "zone");
                if (zoneRates.Any(z => (string?)z!["zone"]!["id"] == (string?)zone["id"]))
                {
                    return false;
                }

                zoneRates.Add(new JsonObject { ["zone"] = zone, ["shippingRates"] = new JsonArray() });
                return true;
            case "addShippingRate":
                var zoneRate = FindZoneRate(zoneRates, JsonUtil.ReqObject(payload, "zone"), context);
                ((JsonArray)zoneRate["shippingRates"]!).Add(ShippingRate(JsonUtil.ReqObject(payload, "shippingRate")));
                return true;
            case "removeShippingRate":
                var rates = (JsonArray)FindZoneRate(zoneRates, JsonUtil.ReqObject(payload, "zone"), context)["shippingRates"]!;
                var rate = ShippingRate(JsonUtil.ReqObject(payload, "shippingRate"));
                return JsonUtil.RemoveEqual(rates, rate);
            case "changeIsDefault":
                return JsonUtil.SetIfChanged(resource, "isDefault", JsonUtil.OptBool(payload, "isDefault") ?? false);
            case "changeTaxCategory":
                return JsonUtil.SetIfChanged(resource, "taxCategory", References.Resolve(context.Store, JsonUtil.ReqObject(payload, "taxCategory"), "tax-category", "taxCategory"));
            default:
                throw UnknownAction(action);
        }
    }

    private static JsonObject FindZoneRate(JsonArray zoneRates, JsonObject zoneIdentifier, ResourceContext context)
    {
        var zone = References.Resolve(context.Store, zoneIdentifier, "zone", "zone");
        return zoneRates.OfType<JsonObject>().FirstOrDefault(z => (string?)z["zone"]!["id"] == (string?)zone["id"])
            ?? throw Errors.InvalidOperation("The zone is not part of this shipping method.");
    }

    private static JsonObject ZoneRate(JsonObject draft, ResourceContext context) => new()
    {
        ["zone"] = References.Resolve(context.Store, JsonUtil.ReqObject(draft, "zone", "zoneRates.zone"), "zone", "zoneRates.zone"),
        ["shippingRates"] = JsonUtil.ReadObjects(draft, "shippingRates", ShippingRate),
    };

    public static JsonObject ShippingRate(JsonObject draft)
    {
        var rate = new JsonObject { ["price"] = Currencies.FromDraft(draft["price"], "shippingRate.price") };
        if (!JsonUtil.IsNull(draft["freeAbove"]))
        {
            rate["freeAbove"] = Currencies.FromDraft(draft["freeAbove"], "shippingRate.freeAbove");
        }

        rate["tiers"] = new JsonArray();
        return rate;
    }

    /// <summary>The shipping rate for a destination and currency, or null when the method does not ship there.</summary>
    public static JsonObject? MatchRate(ResourceStore store, JsonElement method, string country, string? state, string currency)
    {
        foreach (var zoneRate in method.GetProperty("zoneRates").EnumerateArray())
        {
            var zone = store.Collection("zone").Get(zoneRate.GetProperty("zone").GetProperty("id").GetString()!);
            if (zone is null)
            {
                continue;
            }

            var inZone = zone.Body.GetProperty("locations").EnumerateArray().Any(l =>
                l.GetProperty("country").GetString() == country
                && (!l.TryGetProperty("state", out var s) || (state is not null && string.Equals(s.GetString(), state, StringComparison.OrdinalIgnoreCase))));
            if (!inZone)
            {
                continue;
            }

            foreach (var rate in zoneRate.GetProperty("shippingRates").EnumerateArray())
            {
                if (rate.GetProperty("price").GetProperty("currencyCode").GetString() == currency)
                {
                    return JsonUtil.ToObject(rate);
                }
            }
        }

        return null;
    }
}
