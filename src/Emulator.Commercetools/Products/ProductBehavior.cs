using System.Text.Json;
using System.Text.Json.Nodes;
using Emulator.Commercetools.Infrastructure;
using Emulator.Commercetools.Store;

namespace Emulator.Commercetools.Products;

/// <summary>
/// Products with current/staged master data. Enough to build and price a small catalog: variants with sku and
/// prices (optionally per country), a tax category, publish/unpublish.
/// </summary>
internal sealed class ProductBehavior : ResourceBehavior
{
    public override string TypeId => "product";

    public override JsonObject CreateFromDraft(JsonObject draft, ResourceContext context)
    {
        var key = KeyOf(draft);
        var productType = References.Resolve(context.Store, JsonUtil.OptObject(draft, "productType") ?? throw Errors.MissingValue("productType"), "product-type", "productType");
        var data = new JsonObject
        {
            ["name"] = JsonUtil.OptLocalizedString(draft, "name") ?? throw Errors.MissingValue("name"),
            ["description"] = JsonUtil.OptLocalizedString(draft, "description"),
            ["categories"] = new JsonArray(),
            ["slug"] = JsonUtil.OptLocalizedString(draft, "slug") ?? throw Errors.MissingValue("slug"),
            ["masterVariant"] = Variant(JsonUtil.OptObject(draft, "masterVariant") ?? [], 1),
            ["variants"] = new JsonArray(JsonUtil.Objects(JsonUtil.OptArray(draft, "variants"), "variants")
                .Select((v, i) => (JsonNode)Variant(v, i + 2)).ToArray()),
            ["searchKeywords"] = new JsonObject(),
        };
        JsonUtil.StripNulls(data);
        EnsureUniqueSkus(data, context, null);
        var published = JsonUtil.OptBool(draft, "publish") ?? false;
        return new JsonObject
        {
            ["key"] = key,
            ["productType"] = productType,
            ["taxCategory"] = References.ResolveOptional(context.Store, draft, "taxCategory", "tax-category"),
            ["masterData"] = new JsonObject
            {
                ["current"] = data.DeepClone(),
                ["staged"] = data,
                ["published"] = published,
                ["hasStagedChanges"] = false,
            },
        };
    }

    public override void OnCreated(JsonObject resource, ResourceContext context) =>
        context.AddMessage("ProductCreated", new JsonObject { ["productProjection"] = Projection(JsonUtil.ToElement(resource), staged: true) });

    public override bool Apply(JsonObject product, string action, JsonObject payload, ResourceContext context)
    {
        var masterData = (JsonObject)product["masterData"]!;
        var staged = JsonUtil.OptBool(payload, "staged") ?? true;
        switch (action)
        {
            case "publish":
                masterData["current"] = masterData["staged"]!.DeepClone();
                masterData["published"] = true;
                masterData["hasStagedChanges"] = false;
                context.AddMessage("ProductPublished", new JsonObject { ["productProjection"] = Projection(JsonUtil.ToElement(product), staged: false), ["scope"] = "All" });
                return true;
            case "unpublish":
                return JsonUtil.SetIfChanged(masterData, "published", false);
            case "setKey":
                return SetKey(product, payload);
            case "setTaxCategory":
                return JsonUtil.SetIfChanged(product, "taxCategory", References.ResolveOptional(context.Store, payload, "taxCategory", "tax-category"));
            case "changeName":
                return Edit(masterData, staged, d => JsonUtil.SetIfChanged(d, "name", JsonUtil.OptLocalizedString(payload, "name") ?? throw Errors.MissingValue("name")));
            case "changeSlug":
                return Edit(masterData, staged, d => JsonUtil.SetIfChanged(d, "slug", JsonUtil.OptLocalizedString(payload, "slug") ?? throw Errors.MissingValue("slug")));
            case "setDescription":
                return Edit(masterData, staged, d => JsonUtil.SetIfChanged(d, "description", JsonUtil.OptLocalizedString(payload, "description")));
            case "addPrice":
                return Edit(masterData, staged, d =>
                {
                    ((JsonArray)FindVariant(d, payload)["prices"]!).Add(Price(JsonUtil.ReqObject(payload, "price")));
                    return true;
                });
            case "setPrices":
                return Edit(masterData, staged, d =>
                {
                    var prices = JsonUtil.OptArray(payload, "prices") ?? throw Errors.MissingValue("prices");
                    FindVariant(d, payload)["prices"] = new JsonArray(JsonUtil.Objects(prices, "prices").Select(p => (JsonNode)Price(p)).ToArray());
                    return true;
                });
            case "changePrice":
                return Edit(masterData, staged, d =>
                {
                    var priceId = JsonUtil.ReqString(payload, "priceId");
                    var (variant, price) = FindPrice(d, priceId);
                    var replacement = Price(JsonUtil.ReqObject(payload, "price"));
                    replacement["id"] = priceId;
                    var prices = (JsonArray)variant["prices"]!;
                    prices[prices.IndexOf(price)] = replacement;
                    return true;
                });
            case "removePrice":
                return Edit(masterData, staged, d =>
                {
                    var (variant, price) = FindPrice(d, JsonUtil.ReqString(payload, "priceId"));
                    return ((JsonArray)variant["prices"]!).Remove(price);
                });
            case "addVariant":
                return Edit(masterData, staged, d =>
                {
                    var variants = (JsonArray)d["variants"]!;
                    var nextId = variants.Select(v => (int)v!["id"]!).DefaultIfEmpty(1).Max() + 1;
                    variants.Add(Variant(payload, nextId));
                    EnsureUniqueSkus(d, context, (string?)product["id"]);
                    return true;
                });
            case "setSku":
                return Edit(masterData, staged, d =>
                {
                    var changed = JsonUtil.SetIfChanged(FindVariant(d, payload), "sku", JsonUtil.OptString(payload, "sku"));
                    EnsureUniqueSkus(d, context, (string?)product["id"]);
                    return changed;
                });
            default:
                throw UnknownAction(action);
        }
    }

    private static bool Edit(JsonObject masterData, bool staged, Func<JsonObject, bool> edit)
    {
        var changed = edit((JsonObject)masterData["staged"]!);
        if (!staged)
        {
            edit((JsonObject)masterData["current"]!);
        }
        else if (changed)
        {
            masterData["hasStagedChanges"] = true;
        }

        return changed;
    }

    private static JsonObject FindVariant(JsonObject data, JsonObject payload)
    {
        var variantId = JsonUtil.OptLong(payload, "variantId");
        var sku = JsonUtil.OptString(payload, "sku");
        return AllVariants(data).FirstOrDefault(v => (variantId is not null && (long)v["id"]! == variantId) || (sku is not null && (string?)v["sku"] == sku))
            ?? throw Errors.InvalidOperation("The product variant does not exist.");
    }

    private static (JsonObject Variant, JsonObject Price) FindPrice(JsonObject data, string priceId)
    {
        foreach (var variant in AllVariants(data))
        {
            if (((JsonArray)variant["prices"]!).OfType<JsonObject>().FirstOrDefault(p => (string?)p["id"] == priceId) is { } price)
            {
                return (variant, price);
            }
        }

        throw Errors.InvalidOperation($"The price with id '{priceId}' does not exist.");
    }

    private static IEnumerable<JsonObject> AllVariants(JsonObject data) =>
        new[] { (JsonObject)data["masterVariant"]! }.Concat(((JsonArray)data["variants"]!).OfType<JsonObject>());

    private static void EnsureUniqueSkus(JsonObject data, ResourceContext context, string? productId)
    {
        var skus = AllVariants(data).Select(v => (string?)v["sku"]).Where(s => s is not null).ToList();
        if (skus.Distinct().Count() != skus.Count)
        {
            throw Errors.DuplicateField("sku", skus.GroupBy(s => s).First(g => g.Count() > 1).Key);
        }

        foreach (var sku in skus)
        {
            var other = FindBySku(context.Store, sku!);
            if (other is not null && other.Value.Product.GetProperty("id").GetString() != productId)
            {
                throw Errors.DuplicateField("sku", sku);
            }
        }
    }

    private static JsonObject Variant(JsonObject draft, int id)
    {
        var variant = new JsonObject { ["id"] = id };
        JsonUtil.Set(variant, "sku", JsonUtil.OptString(draft, "sku", "variant.sku"));
        JsonUtil.Set(variant, "key", JsonUtil.OptString(draft, "key", "variant.key"));
        variant["prices"] = JsonUtil.ReadObjects(draft, "prices", Price);
        variant["images"] = JsonUtil.OptArray(draft, "images")?.DeepClone() ?? new JsonArray();
        variant["attributes"] = JsonUtil.OptArray(draft, "attributes")?.DeepClone() ?? new JsonArray();
        variant["assets"] = new JsonArray();
        return variant;
    }

    private static JsonObject Price(JsonObject draft)
    {
        var price = new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(),
            ["value"] = Currencies.FromDraft(draft["value"], "price.value"),
        };
        JsonUtil.Set(price, "key", JsonUtil.OptString(draft, "key", "price.key"));
        JsonUtil.Set(price, "country", JsonUtil.OptString(draft, "country", "price.country"));
        JsonUtil.Set(price, "validFrom", JsonUtil.OptString(draft, "validFrom", "price.validFrom"));
        JsonUtil.Set(price, "validUntil", JsonUtil.OptString(draft, "validUntil", "price.validUntil"));
        return price;
    }

    /// <summary>The product projection (current or staged), the shape carts and product-projections use.</summary>
    public static JsonObject Projection(JsonElement product, bool staged)
    {
        var masterData = product.GetProperty("masterData");
        var data = JsonUtil.ToObject(masterData.GetProperty(staged ? "staged" : "current"));
        var projection = new JsonObject
        {
            ["id"] = product.GetProperty("id").GetString(),
            ["version"] = product.GetProperty("version").GetInt64(),
            ["key"] = product.TryGetProperty("key", out var key) ? key.GetString() : null,
            ["productType"] = JsonUtil.ToObject(product.GetProperty("productType")),
            ["taxCategory"] = product.TryGetProperty("taxCategory", out var tc) ? JsonUtil.ToObject(tc) : null,
            ["published"] = masterData.GetProperty("published").GetBoolean(),
            ["hasStagedChanges"] = masterData.GetProperty("hasStagedChanges").GetBoolean(),
            ["createdAt"] = product.GetProperty("createdAt").GetString(),
            ["lastModifiedAt"] = product.GetProperty("lastModifiedAt").GetString(),
        };
        foreach (var (name, value) in data.ToList())
        {
            data.Remove(name);
            projection[name] = value;
        }

        JsonUtil.StripNulls(projection);
        return projection;
    }

    /// <summary>Finds the product and variant (current data) with a sku.</summary>
    public static (JsonElement Product, JsonElement Variant)? FindBySku(ResourceStore store, string sku)
    {
        foreach (var product in store.Collection("product").All())
        {
            var current = product.Body.GetProperty("masterData").GetProperty("current");
            foreach (var variant in Variants(current))
            {
                if (variant.TryGetProperty("sku", out var s) && s.GetString() == sku)
                {
                    return (product.Body, variant);
                }
            }
        }

        return null;
    }

    public static IEnumerable<JsonElement> Variants(JsonElement data) =>
        new[] { data.GetProperty("masterVariant") }.Concat(data.GetProperty("variants").EnumerateArray());
}
