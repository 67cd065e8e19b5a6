using System.Text.Json;
using System.Text.Json.Nodes;
using Emulator.Commercetools.Infrastructure;
using Emulator.Commercetools.Products;
using Emulator.Commercetools.ShippingMethods;
using Emulator.Commercetools.Store;
using Emulator.Commercetools.TaxCategories;

namespace Emulator.Commercetools.Carts;

/// <summary>
/// Prices and taxes a cart with exact integer cent arithmetic (decimal intermediates, one rounding step per the cart's
/// taxRoundingMode). Tax rates follow the shipping address; LineItemLevel rounds per line, UnitPriceLevel per unit.
/// </summary>
internal static class CartCalculator
{
    public static long Round(decimal value, string mode)
    {
        switch (mode)
        {
            case "HalfUp":
                return (long)Math.Round(value, MidpointRounding.AwayFromZero);
            case "HalfDown":
                var floor = Math.Floor(value);
                var fraction = value - floor;
                return (long)(fraction > 0.5m ? floor + 1 : floor);
            default:
                return (long)Math.Round(value, MidpointRounding.ToEven);
        }
    }

    /// <summary>Net, gross and tax of <paramref name="quantity"/> units at <paramref name="unitCents"/>.</summary>
    public static (long Net, long Gross, long Tax) Tax(long unitCents, long quantity, decimal rate, bool includedInPrice, string roundingMode, string calculationMode)
    {
        long net;
        long gross;
        if (calculationMode == "UnitPriceLevel")
        {
            if (includedInPrice)
            {
                gross = unitCents * quantity;
                net = Round(unitCents / (1 + rate), roundingMode) * quantity;
            }
            else
            {
                net = unitCents * quantity;
                gross = (unitCents + Round(unitCents * rate, roundingMode)) * quantity;
            }
        }
        else
        {
            var total = unitCents * quantity;
            if (includedInPrice)
            {
                gross = total;
                net = Round(total / (1 + rate), roundingMode);
            }
            else
            {
                net = total;
                gross = total + Round(total * rate, roundingMode);
            }
        }

        return (net, gross, gross - net);
    }

    /// <summary>Chooses a variant price for the cart: the currency must match; a price for the cart's country wins over a country-less one.</summary>
    public static JsonObject? SelectPrice(JsonElement variant, string currency, string? country)
    {
        JsonElement? fallback = null;
        foreach (var price in variant.GetProperty("prices").EnumerateArray())
        {
            if (price.GetProperty("value").GetProperty("currencyCode").GetString() != currency)
            {
                continue;
            }

            var priceCountry = price.TryGetProperty("country", out var c) ? c.GetString() : null;
            if (priceCountry is not null && priceCountry == country)
            {
                return JsonUtil.ToObject(price);
            }

            if (priceCountry is null)
            {
                fallback ??= price;
            }
        }

        return fallback is { } f ? JsonUtil.ToObject(f) : null;
    }

    public static void Recalculate(JsonObject cart, ResourceStore store)
    {
        var currency = (string)cart["totalPrice"]!["currencyCode"]!;
        var roundingMode = (string?)cart["taxRoundingMode"] ?? "HalfEven";
        var calculationMode = (string?)cart["taxCalculationMode"] ?? "LineItemLevel";
        var taxMode = (string?)cart["taxMode"] ?? "Platform";
        var frozen = (string?)cart["cartState"] == "Frozen";
        var shippingCountry = (string?)cart["shippingAddress"]?["country"];
        var shippingState = (string?)cart["shippingAddress"]?["state"];
        var cartCountry = (string?)cart["country"];

        long total = 0;
        long totalNet = 0;
        long totalGross = 0;
        var allTaxed = true;
        var portions = new List<(decimal Rate, string Name, long Amount)>();

        void Taxed(JsonObject item, long unitCents, long quantity, JsonObject? taxCategoryRef, string taxedProperty)
        {
            JsonObject? rate = null;
            if (taxMode != "Disabled" && shippingCountry is not null && taxCategoryRef is not null
                && store.Collection("tax-category").Get((string)taxCategoryRef["id"]!) is { } taxCategory)
            {
                rate = TaxCategoryBehavior.FindRateFor(taxCategory.Body, shippingCountry, shippingState);
            }

            if (rate is null)
            {
                item.Remove("taxRate");
                item.Remove(taxedProperty);
                allTaxed = false;
                return;
            }

            var amount = rate["amount"]!.GetValue<decimal>();
            var included = rate["includedInPrice"]!.GetValue<bool>();
            var (net, gross, tax) = Tax(unitCents, quantity, amount, included, roundingMode, calculationMode);
            item["taxRate"] = rate;
            item[taxedProperty] = new JsonObject
            {
                ["totalNet"] = Currencies.Money(currency, net),
                ["totalGross"] = Currencies.Money(currency, gross),
                ["totalTax"] = Currencies.Money(currency, tax),
            };
            totalNet += net;
            totalGross += gross;
            portions.Add((amount, (string)rate["name"]!, tax));
        }

        var lineItems = (JsonArray)cart["lineItems"]!;
        foreach (var line in lineItems.OfType<JsonObject>())
        {
            var product = store.Collection("product").Get((string)line["productId"]!);
            if (!frozen && product is not null)
            {
                var variantId = (int)line["variant"]!["id"]!;
                var variant = ProductBehavior.Variants(product.Body.GetProperty("masterData").GetProperty("current"))
                    .FirstOrDefault(v => v.GetProperty("id").GetInt32() == variantId);
                if (variant.ValueKind == JsonValueKind.Object && SelectPrice(variant, currency, cartCountry) is { } price)
                {
                    line["price"] = price;
                }
            }

            var unit = (long)line["price"]!["value"]!["centAmount"]!;
            var quantity = (long)line["quantity"]!;
            line["totalPrice"] = Currencies.Money(currency, unit * quantity);
            total += unit * quantity;
            var taxCategory = product is not null && product.Body.TryGetProperty("taxCategory", out var tc) ? JsonUtil.ToObject(tc) : null;
            Taxed(line, unit, quantity, taxCategory, "taxedPrice");
        }

        foreach (var custom in ((JsonArray)cart["customLineItems"]!).OfType<JsonObject>())
        {
            var unit = (long)custom["money"]!["centAmount"]!;
            var quantity = (long)custom["quantity"]!;
            custom["totalPrice"] = Currencies.Money(currency, unit * quantity);
            total += unit * quantity;
            Taxed(custom, unit, quantity, custom["taxCategory"] as JsonObject, "taxedPrice");
        }

        var subtotal = total;
        if (cart["shippingInfo"] is JsonObject shipping)
        {
            if (shipping["shippingMethod"] is JsonObject methodRef && shippingCountry is not null
                && store.Collection("shipping-method").Get((string)methodRef["id"]!) is { } method)
            {
                var rate = ShippingMethodBehavior.MatchRate(store, method.Body, shippingCountry, shippingState, currency);
                shipping["shippingMethodState"] = rate is null ? "DoesNotMatchCart" : "MatchesCart";
                if (rate is not null)
                {
                    shipping["shippingRate"] = rate;
                }
            }

            var shippingRate = (JsonObject)shipping["shippingRate"]!;
            var price = (long)shippingRate["price"]!["centAmount"]!;
            if (shippingRate["freeAbove"] is JsonObject freeAbove && subtotal >= (long)freeAbove["centAmount"]!)
            {
                price = 0;
            }

            shipping["price"] = Currencies.Money(currency, price);
            total += price;
            Taxed(shipping, price, 1, shipping["taxCategory"] as JsonObject, "taxedPrice");
        }

        cart["totalPrice"] = Currencies.Money(currency, total);
        cart["totalLineItemQuantity"] = lineItems.OfType<JsonObject>().Sum(l => (long)l["quantity"]!);
        var hasItems = lineItems.Count > 0 || ((JsonArray)cart["customLineItems"]!).Count > 0;
        if (allTaxed && hasItems)
        {
            cart["taxedPrice"] = new JsonObject
            {
                ["totalNet"] = Currencies.Money(currency, totalNet),
                ["totalGross"] = Currencies.Money(currency, totalGross),
                ["taxPortions"] = new JsonArray(portions
                    .GroupBy(p => (p.Rate, p.Name))
                    .Select(g => (JsonNode)new JsonObject
                    {
                        ["rate"] = g.Key.Rate,
                        ["amount"] = Currencies.Money(currency, g.Sum(p => p.Amount)),
                        ["name"] = g.Key.Name,
                    }).ToArray()),
                ["totalTax"] = Currencies.Money(currency, totalGross - totalNet),
            };
        }
        else
        {
            cart.Remove("taxedPrice");
        }
    }
}
