using System.Text.Json;
using System.Text.Json.Nodes;
using Emulator.Commercetools.Infrastructure;
using Emulator.Commercetools.Store;

namespace Emulator.Commercetools.TaxCategories;

/// <summary>Tax categories: rates per country (and optional state), net or included in price.</summary>
internal sealed class TaxCategoryBehavior : NamedResourceBehavior
{
    public override string TypeId => "tax-category";

    protected override JsonObject FieldsFromDraft(JsonObject draft, ResourceContext context) => new()
    {
        ["description"] = JsonUtil.OptString(draft, "description"),
        ["rates"] = JsonUtil.ReadObjects(draft, "rates", RateFromDraft),
    };

    protected override bool ApplyOwn(JsonObject resource, string action, JsonObject payload, ResourceContext context)
    {
        var rates = (JsonArray)resource["rates"]!;
        switch (action)
        {
            case "addTaxRate":
                rates.Add(RateFromDraft(JsonUtil.ReqObject(payload, "taxRate")));
                return true;
            case "removeTaxRate":
                rates.Remove(FindRate(rates, payload));
                return true;
            case "replaceTaxRate":
                var existing = FindRate(rates, payload);
                var replacement = RateFromDraft(JsonUtil.ReqObject(payload, "taxRate"));
                replacement["id"] = existing["id"]!.DeepClone();
                rates[rates.IndexOf(existing)] = replacement;
                return true;
            case "setDescription":
                return JsonUtil.SetIfChanged(resource, "description", JsonUtil.OptString(payload, "description"));
            default:
                throw UnknownAction(action);
        }
    }

    private static JsonObject FindRate(JsonArray rates, JsonObject payload) =>
        EntryRef.From(payload, "taxRate").Find(rates, _ => Errors.InvalidOperation("The tax rate does not exist."));

    private static JsonObject RateFromDraft(JsonObject draft)
    {
        var amountNode = draft["amount"];
        if (amountNode is not JsonValue v || v.GetValueKind() != JsonValueKind.Number || !v.TryGetValue<decimal>(out var amount) || amount < 0 || amount > 1)
        {
            throw Errors.InvalidField("amount", amountNode, "The tax rate amount must be a number between 0 and 1.");
        }

        var country = JsonUtil.ReqString(draft, "country", "taxRate.country");
        return new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString("N")[..8],
            ["key"] = JsonUtil.OptString(draft, "key"),
            ["name"] = JsonUtil.ReqString(draft, "name", "taxRate.name"),
            ["amount"] = amount,
            ["includedInPrice"] = JsonUtil.OptBool(draft, "includedInPrice") ?? throw Errors.MissingValue("includedInPrice"),
            ["country"] = country,
            ["state"] = JsonUtil.OptString(draft, "state"),
            ["subRates"] = JsonUtil.OptArray(draft, "subRates")?.DeepClone() ?? new JsonArray(),
        }.WithoutNulls();
    }

    /// <summary>The rate for a country/state: a state-specific rate wins over a country-wide one.</summary>
    public static JsonObject? FindRateFor(JsonElement taxCategory, string country, string? state)
    {
        JsonElement? countryWide = null;
        foreach (var rate in taxCategory.GetProperty("rates").EnumerateArray())
        {
            if (rate.GetProperty("country").GetString() != country)
            {
                continue;
            }

            var rateState = rate.TryGetProperty("state", out var s) ? s.GetString() : null;
            if (rateState is not null && state is not null && string.Equals(rateState, state, StringComparison.OrdinalIgnoreCase))
            {
                return JsonUtil.ToObject(rate);
            }

            if (rateState is null)
            {
                countryWide ??= rate;
            }
        }

        return countryWide is { } found ? JsonUtil.ToObject(found) : null;
    }
}
