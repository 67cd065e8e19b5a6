using System.Text.Json;
using System.Text.Json.Nodes;
using Emulator.Commercetools.Infrastructure;
using Emulator.Commercetools.Products;
using Emulator.Commercetools.ShippingMethods;
using Emulator.Commercetools.Store;

namespace Emulator.Commercetools.Carts;

/// <summary>Carts: line items priced from products, custom line items, shipping, payments; totals recalculated after every action.</summary>
internal sealed class CartBehavior : ResourceBehavior
{
    private static readonly string[] RoundingModes = ["HalfEven", "HalfUp", "HalfDown"];
    private static readonly string[] CalculationModes = ["LineItemLevel", "UnitPriceLevel"];
    private static readonly string[] TaxModes = ["Platform", "Disabled"];

    private static readonly FieldActions Fields = new(CheckoutFields.Actions)
    {
        { "setCustomerId", "customerId", "customerId" },
        { "setAnonymousId", "anonymousId", "anonymousId" },
        { "setCountry", "country", "country" },
        { "setKey", "key", payload => KeyOf(payload) },
        { "freezeCart", "cartState", _ => "Frozen" },
        { "unfreezeCart", "cartState", _ => "Active" },
        { "changeTaxRoundingMode", "taxRoundingMode", payload => OneOf(JsonUtil.ReqString(payload, "taxRoundingMode"), "taxRoundingMode", RoundingModes) },
        { "changeTaxCalculationMode", "taxCalculationMode", payload => OneOf(JsonUtil.ReqString(payload, "taxCalculationMode"), "taxCalculationMode", CalculationModes) },
        { "changeTaxMode", "taxMode", payload => OneOf(JsonUtil.ReqString(payload, "taxMode"), "taxMode", TaxModes) },
    };

    public override string TypeId => "cart";

    public override string? ExtensionTypeId => "cart";

    public override JsonObject CreateFromDraft(JsonObject draft, ResourceContext context)
    {
        var currency = JsonUtil.ReqString(draft, "currency");
        if (!Currencies.IsKnown(currency))
        {
            throw Errors.InvalidField("currency", currency);
        }

        var cart = new JsonObject
        {
            ["key"] = KeyOf(draft),
            ["customerId"] = JsonUtil.OptString(draft, "customerId"),
            ["customerEmail"] = JsonUtil.OptString(draft, "customerEmail"),
            ["anonymousId"] = JsonUtil.OptString(draft, "anonymousId"),
            ["lineItems"] = new JsonArray(),
            ["customLineItems"] = new JsonArray(),
            ["totalPrice"] = Currencies.Money(currency, 0),
            ["cartState"] = "Active",
            ["shippingAddress"] = Addresses.OptFromDraft(draft, "shippingAddress"),
            ["billingAddress"] = Addresses.OptFromDraft(draft, "billingAddress"),
            ["inventoryMode"] = JsonUtil.OptString(draft, "inventoryMode") ?? "None",
            ["taxMode"] = OneOf(JsonUtil.OptString(draft, "taxMode") ?? "Platform", "taxMode", TaxModes),
            ["taxRoundingMode"] = OneOf(JsonUtil.OptString(draft, "taxRoundingMode") ?? "HalfEven", "taxRoundingMode", RoundingModes),
            ["taxCalculationMode"] = OneOf(JsonUtil.OptString(draft, "taxCalculationMode") ?? "LineItemLevel", "taxCalculationMode", CalculationModes),
            ["shippingMode"] = "Single",
            ["shipping"] = new JsonArray(),
            ["itemShippingAddresses"] = new JsonArray(),
            ["discountCodes"] = new JsonArray(),
            ["directDiscounts"] = new JsonArray(),
            ["refusedGifts"] = new JsonArray(),
            ["country"] = JsonUtil.OptString(draft, "country"),
            ["locale"] = JsonUtil.OptString(draft, "locale"),
            ["origin"] = JsonUtil.OptString(draft, "origin") ?? "Customer",
            ["custom"] = context.CustomFields.FromDraft(JsonUtil.OptObject(draft, "custom"), "order"),
        };
        JsonUtil.StripNulls(cart);
        foreach (var line in JsonUtil.Objects(JsonUtil.OptArray(draft, "lineItems"), "lineItems"))
        {
            AddLineItem(cart, line, context);
        }

        foreach (var custom in JsonUtil.Objects(JsonUtil.OptArray(draft, "customLineItems"), "customLineItems"))
        {
            ((JsonArray)cart["customLineItems"]!).Add(CustomLineItem(custom, context));
        }

        if (JsonUtil.OptObject(draft, "shippingMethod") is { } method)
        {
            SetShippingMethod(cart, method, context);
        }

        if (JsonUtil.OptObject(draft, "customShipping") is not null)
        {
            throw Errors.InvalidInput("customShipping (multiple shipping mode) is not supported by the emulator.");
        }

        CartCalculator.Recalculate(cart, context.Store);
        return cart;
    }

    public override bool Apply(JsonObject cart, string action, JsonObject payload, ResourceContext context)
    {
        var changed = Fields.TryApply(cart, action, payload, out var set) ? set : ApplyAction(cart, action, payload, context);
        if (changed)
        {
            CartCalculator.Recalculate(cart, context.Store);
        }

        return changed;
    }

    private static bool ApplyAction(JsonObject cart, string action, JsonObject payload, ResourceContext context)
    {
        var lineItems = (JsonArray)cart["lineItems"]!;
        switch (action)
        {
            case "addLineItem":
                AddLineItem(cart, payload, context);
                return true;
            case "changeLineItemQuantity":
                var line = FindLineItem(lineItems, payload);
                var quantity = JsonUtil.ReqLong(payload, "quantity");
                if (quantity < 0)
                {
                    throw Errors.InvalidField("quantity", quantity);
                }

                if (quantity == 0)
                {
                    return lineItems.Remove(line);
                }

                return JsonUtil.SetIfChanged(line, "quantity", quantity);
            case "removeLineItem":
                var toRemove = FindLineItem(lineItems, payload);
                var removeQuantity = JsonUtil.OptLong(payload, "quantity");
                if (removeQuantity is null || removeQuantity >= (long)toRemove["quantity"]!)
                {
                    return lineItems.Remove(toRemove);
                }

                toRemove["quantity"] = (long)toRemove["quantity"]! - removeQuantity.Value;
                return true;
            case "addCustomLineItem":
                ((JsonArray)cart["customLineItems"]!).Add(CustomLineItem(payload, context));
                return true;
            case "removeCustomLineItem":
                var customId = JsonUtil.ReqString(payload, "customLineItemId");
                var customs = (JsonArray)cart["customLineItems"]!;
                return customs.FirstOrDefault(c => (string?)c!["id"] == customId) is { } custom
                    ? customs.Remove(custom)
                    : throw Errors.InvalidOperation($"The custom line item '{customId}' does not exist.");
            case "setShippingMethod":
                var method = JsonUtil.OptObject(payload, "shippingMethod");
                if (method is null)
                {
                    return cart.Remove("shippingInfo");
                }

                SetShippingMethod(cart, method, context);
                return true;
            case "setCustomShippingMethod":
                var name = JsonUtil.ReqString(payload, "shippingMethodName");
                cart["shippingInfo"] = new JsonObject
                {
                    ["shippingMethodName"] = name,
                    ["price"] = Currencies.Money((string)cart["totalPrice"]!["currencyCode"]!, 0),
                    ["shippingRate"] = ShippingMethodBehavior.ShippingRate(JsonUtil.ReqObject(payload, "shippingRate")),
                    ["deliveries"] = new JsonArray(),
                    ["shippingMethodState"] = "MatchesCart",
                }.With("taxCategory", References.ResolveOptional(context.Store, payload, "taxCategory", "tax-category"));
                return true;
            case "addPayment":
                return PaymentInfo.Add(cart, payload, context);
            case "removePayment":
                return PaymentInfo.Remove(cart, payload, context);
            case "setCustomType":
                return context.CustomFields.SetCustomType(cart, payload, "order");
            case "setCustomField":
                return context.CustomFields.SetCustomField(cart, payload);
            case "recalculate":
                var before = cart.DeepClone();
                CartCalculator.Recalculate(cart, context.Store);
                return !JsonNode.DeepEquals(before, cart);
            default:
                throw UnknownAction(action);
        }
    }

    private static JsonObject FindLineItem(JsonArray lineItems, JsonObject payload) =>
        EntryRef.From(payload, "lineItem").Find(lineItems, item => Errors.InvalidOperation($"The line item '{item.Name}' does not exist in this cart."));

    private static void AddLineItem(JsonObject cart, JsonObject draft, ResourceContext context)
    {
        var quantity = JsonUtil.OptLong(draft, "quantity") ?? 1;
        if (quantity < 1)
        {
            throw Errors.InvalidField("quantity", quantity);
        }

        JsonElement product;
        JsonElement variant;
        if (JsonUtil.OptString(draft, "sku") is { } sku)
        {
            (product, variant) = ProductBehavior.FindBySku(context.Store, sku)
                ?? throw Errors.InvalidOperation($"A product with the SKU '{sku}' does not exist.");
        }
        else
        {
            var productId = JsonUtil.OptString(draft, "productId") ?? throw Errors.InvalidInput("Either 'productId' or 'sku' must be set.");
            product = (context.Store.Collection("product").Get(productId) ?? throw Errors.ReferencedResourceNotFound("product", productId, null)).Body;
            var variantId = JsonUtil.OptLong(draft, "variantId") ?? 1;
            variant = ProductBehavior.Variants(product.GetProperty("masterData").GetProperty("current")).FirstOrDefault(v => v.GetProperty("id").GetInt64() == variantId);
            if (variant.ValueKind != JsonValueKind.Object)
            {
                throw Errors.InvalidOperation($"The product '{productId}' has no variant with id {variantId}.");
            }
        }

        var productIdValue = product.GetProperty("id").GetString()!;
        var variantIdValue = variant.GetProperty("id").GetInt32();
        var lineItems = (JsonArray)cart["lineItems"]!;
        var existing = lineItems.OfType<JsonObject>().FirstOrDefault(l => (string?)l["productId"] == productIdValue && (int)l["variant"]!["id"]! == variantIdValue && l["custom"] is null);
        if (existing is not null)
        {
            existing["quantity"] = (long)existing["quantity"]! + quantity;
            return;
        }

        var currency = (string)cart["totalPrice"]!["currencyCode"]!;
        var price = CartCalculator.SelectPrice(variant, currency, (string?)cart["country"])
            ?? throw new CtException(400, Errors.Error("MatchingPriceNotFound",
                $"The variant '{variantIdValue}' of product '{productIdValue}' does not contain a price for currency '{currency}'{((string?)cart["country"] is { } c ? $", country '{c}'" : string.Empty)}.",
                new JsonObject { ["productId"] = productIdValue, ["variantId"] = variantIdValue, ["currency"] = currency, ["country"] = (string?)cart["country"] }));
        var current = product.GetProperty("masterData").GetProperty("current");
        var line = new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(),
            ["key"] = JsonUtil.OptString(draft, "key"),
            ["productId"] = productIdValue,
            ["productKey"] = product.TryGetProperty("key", out var pk) ? pk.GetString() : null,
            ["name"] = JsonUtil.ToObject(current.GetProperty("name")),
            ["productType"] = JsonUtil.ToObject(product.GetProperty("productType")),
            ["productSlug"] = JsonUtil.ToObject(current.GetProperty("slug")),
            ["variant"] = JsonUtil.ToObject(variant),
            ["price"] = price,
            ["quantity"] = quantity,
            ["totalPrice"] = Currencies.Money(currency, 0),
            ["discountedPricePerQuantity"] = new JsonArray(),
            ["taxedPricePortions"] = new JsonArray(),
            ["perMethodTaxRate"] = new JsonArray(),
            ["state"] = new JsonArray(new JsonObject { ["quantity"] = quantity, ["state"] = JsonUtil.Reference("state", "initial") }),
            ["priceMode"] = "Platform",
            ["lineItemMode"] = "Standard",
            ["inventoryMode"] = "None",
            ["addedAt"] = context.NowText,
            ["lastModifiedAt"] = context.NowText,
            ["custom"] = context.CustomFields.FromDraft(JsonUtil.OptObject(draft, "custom"), "line-item", "custom"),
        };
        JsonUtil.StripNulls(line);
        lineItems.Add(line);
    }

    private static JsonObject CustomLineItem(JsonObject draft, ResourceContext context)
    {
        var money = Currencies.FromDraft(draft["money"], "money");
        var item = new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(),
            ["key"] = JsonUtil.OptString(draft, "key"),
            ["name"] = JsonUtil.OptLocalizedString(draft, "name") ?? throw Errors.MissingValue("name"),
            ["money"] = money,
            ["slug"] = JsonUtil.ReqString(draft, "slug"),
            ["quantity"] = JsonUtil.OptLong(draft, "quantity") ?? 1,
            ["totalPrice"] = Currencies.Money((string)money["currencyCode"]!, 0),
            ["taxCategory"] = References.ResolveOptional(context.Store, draft, "taxCategory", "tax-category"),
            ["discountedPricePerQuantity"] = new JsonArray(),
            ["taxedPricePortions"] = new JsonArray(),
            ["perMethodTaxRate"] = new JsonArray(),
            ["priceMode"] = JsonUtil.OptString(draft, "priceMode") ?? "Standard",
            ["custom"] = context.CustomFields.FromDraft(JsonUtil.OptObject(draft, "custom"), "custom-line-item"),
        };
        JsonUtil.StripNulls(item);
        return item;
    }

    private static void SetShippingMethod(JsonObject cart, JsonObject identifier, ResourceContext context)
    {
        var reference = References.Resolve(context.Store, identifier, "shipping-method", "shippingMethod");
        var method = context.Store.Collection("shipping-method").Get((string)reference["id"]!)!.Body;
        var country = (string?)cart["shippingAddress"]?["country"]
            ?? throw Errors.InvalidOperation("The cart needs a shippingAddress before a shipping method can be set.");
        var currency = (string)cart["totalPrice"]!["currencyCode"]!;
        var rate = ShippingMethodBehavior.MatchRate(context.Store, method, country, (string?)cart["shippingAddress"]?["state"], currency)
            ?? throw new CtException(400, Errors.Error("ShippingMethodDoesNotMatchCart",
                $"The shipping method '{method.GetProperty("name").GetString()}' does not have a rate for country '{country}' and currency '{currency}'."));
        cart["shippingInfo"] = new JsonObject
        {
            ["shippingMethodName"] = method.GetProperty("name").GetString(),
            ["price"] = rate["price"]!.DeepClone(),
            ["shippingRate"] = rate,
            ["taxCategory"] = JsonUtil.ToObject(method.GetProperty("taxCategory")),
            ["shippingMethod"] = reference,
            ["deliveries"] = new JsonArray(),
            ["shippingMethodState"] = "MatchesCart",
        };
    }
}
