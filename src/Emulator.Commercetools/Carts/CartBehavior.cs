using System.Text.Json.Nodes;
using Emulator.Commercetools.Infrastructure;
using Emulator.Commercetools.Store;

namespace Emulator.Commercetools.Carts;

/// <summary>Carts (spec §4).</summary>
internal sealed class CartBehavior : ResourceBehavior
{
    public override string TypeId => "cart";

    public override string? ExtensionTypeId => "cart";

    public override JsonObject CreateFromDraft(JsonObject draft, ResourceContext context)
    {
        var currency = JsonUtil.ReqString(draft, "currency");
        if (!Currencies.IsKnown(currency))
        {
            throw Errors.InvalidField("currency", currency);
        }

        var key = JsonUtil.OptString(draft, "key");
        JsonUtil.ValidateKey(key);
        return new JsonObject
        {
            ["key"] = key,
            ["customerId"] = JsonUtil.OptString(draft, "customerId"),
            ["customerEmail"] = JsonUtil.OptString(draft, "customerEmail"),
            ["anonymousId"] = JsonUtil.OptString(draft, "anonymousId"),
            ["lineItems"] = new JsonArray(),
            ["customLineItems"] = new JsonArray(),
            ["totalPrice"] = Currencies.Money(currency, 0),
            ["cartState"] = "Active",
            ["country"] = JsonUtil.OptString(draft, "country"),
            ["locale"] = JsonUtil.OptString(draft, "locale"),
            ["custom"] = context.CustomFields.FromDraft(JsonUtil.OptObject(draft, "custom"), "order"),
        };
    }

    public override bool Apply(JsonObject resource, string action, JsonObject payload, ResourceContext context)
    {
        switch (action)
        {
            case "addPayment":
                var payment = References.Resolve(context.Store, JsonUtil.ReqObject(payload, "payment"), "payment", "payment");
                var info = resource["paymentInfo"] as JsonObject ?? new JsonObject { ["payments"] = new JsonArray() };
                resource["paymentInfo"] = info;
                var payments = (JsonArray)info["payments"]!;
                if (payments.Any(p => (string?)p!["id"] == (string?)payment["id"]))
                {
                    return false;
                }

                payments.Add(payment);
                return true;
            case "removePayment":
                var toRemove = References.Resolve(context.Store, JsonUtil.ReqObject(payload, "payment"), "payment", "payment");
                if (resource["paymentInfo"]?["payments"] is not JsonArray list || list.FirstOrDefault(p => (string?)p!["id"] == (string?)toRemove["id"]) is not { } existing)
                {
                    return false;
                }

                list.Remove(existing);
                if (list.Count == 0)
                {
                    resource.Remove("paymentInfo");
                }

                return true;
            case "setCustomType":
                return context.CustomFields.SetCustomType(resource, payload, "order");
            case "setCustomField":
                return context.CustomFields.SetCustomField(resource, payload);
            default:
                throw UnknownAction(action);
        }
    }
}
