using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Sandbox.Demo;

internal sealed record DemoProduct(string Key, string Sku, string Name, string Description, long PriceCents);

internal sealed record DemoLine(string Sku, string Name, long Quantity, long UnitCents, long TotalCents);

/// <summary>A cart as the pages show it; all amounts in euro cents, gross (German prices include VAT).</summary>
internal sealed record DemoCartView(
    string Id,
    long Version,
    string State,
    IReadOnlyList<DemoLine> Lines,
    long ShippingCents,
    long NetCents,
    long TaxCents,
    long GrossCents,
    bool PricedByCommercetools)
{
    public bool IsEmpty => Lines.Count == 0;
}

/// <summary>
/// The demo catalog: seeded into commercetools at sandbox start (idempotently, by key), and the carts built from it.
/// When the commercetools API in front of the demo has no product, tax or shipping endpoints yet (an early emulator),
/// the demo keeps the same catalog and prices the cart itself, says so on the page, and still runs every payment
/// through commercetools and the connector. A real project always takes the commercetools path.
/// </summary>
internal sealed class DemoCatalog(DemoCommercetools api)
{
    public const string Currency = "EUR";
    public const string ZoneKey = "demo-germany";
    public const string TaxCategoryKey = "demo-standard-vat";
    public const string ShippingMethodKey = "demo-standard-shipping";
    public const string ProductTypeKey = "demo-product";
    public const long ShippingCents = 4_90;

    /// <summary>German standard VAT, in percent; prices include it.</summary>
    public const long VatPercent = 19;

    public static readonly IReadOnlyList<DemoProduct> Products =
    [
        new("demo-mug", "DEMO-MUG", "Enamel mug", "Half a litre, chips with dignity.", 12_90),
        new("demo-tshirt", "DEMO-TSHIRT", "Organic T-shirt", "Heavy cotton, one size fits most.", 24_99),
        new("demo-notebook", "DEMO-NOTEBOOK", "Dotted notebook", "A5, 120 pages, lies flat.", 9_50),
        new("demo-backpack", "DEMO-BACKPACK", "Daypack", "20 litres, waxed canvas.", 79_00),
    ];

    // Carts priced by the demo itself (only when commercetools cannot hold line items): cart id → sku → quantity.
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, long>> _localLines = new(StringComparer.Ordinal);

    /// <summary>True when the commercetools API holds products, tax categories and shipping methods.</summary>
    public bool PricedByCommercetools { get; private set; }

    public static DemoProduct? FindProduct(string? sku) => Products.FirstOrDefault(p => p.Sku == sku);

    /// <summary>Creates what is missing (zone, tax category, shipping method, product type, products); safe to run again.</summary>
    public async Task<IReadOnlyList<string>> SeedAsync(CancellationToken cancellationToken)
    {
        var report = new List<string>();
        await SeedInvoiceSettingsAsync(report, cancellationToken);
        var zone = new JsonObject
        {
            ["key"] = ZoneKey,
            ["name"] = "Germany",
            ["locations"] = new JsonArray(new JsonObject { ["country"] = "DE" }),
        };
        if (!await EnsureAsync("/zones", ZoneKey, zone, report, cancellationToken))
        {
            report.Add("demo catalog: this commercetools API has no /zones, /tax-categories or /products; the demo prices carts itself");
            PricedByCommercetools = false;
            return report;
        }

        await EnsureAsync("/tax-categories", TaxCategoryKey, new JsonObject
        {
            ["key"] = TaxCategoryKey,
            ["name"] = "Standard VAT",
            ["rates"] = new JsonArray(new JsonObject
            {
                ["name"] = "19% MwSt.",
                ["amount"] = VatPercent / 100m,
                ["includedInPrice"] = true,
                ["country"] = "DE",
            }),
        }, report, cancellationToken);
        await EnsureAsync("/shipping-methods", ShippingMethodKey, new JsonObject
        {
            ["key"] = ShippingMethodKey,
            ["name"] = "Standard shipping",
            ["isDefault"] = true,
            ["taxCategory"] = new JsonObject { ["typeId"] = "tax-category", ["key"] = TaxCategoryKey },
            ["zoneRates"] = new JsonArray(new JsonObject
            {
                ["zone"] = new JsonObject { ["typeId"] = "zone", ["key"] = ZoneKey },
                ["shippingRates"] = new JsonArray(new JsonObject { ["price"] = Money(ShippingCents) }),
            }),
        }, report, cancellationToken);
        await EnsureAsync("/product-types", ProductTypeKey, new JsonObject
        {
            ["key"] = ProductTypeKey,
            ["name"] = "Demo product",
            ["description"] = "Products of the sandbox's demo shop",
        }, report, cancellationToken);
        foreach (var product in Products)
        {
            await EnsureAsync("/products", product.Key, new JsonObject
            {
                ["key"] = product.Key,
                ["productType"] = new JsonObject { ["typeId"] = "product-type", ["key"] = ProductTypeKey },
                ["name"] = new JsonObject { ["en"] = product.Name },
                ["description"] = new JsonObject { ["en"] = product.Description },
                ["slug"] = new JsonObject { ["en"] = product.Key },
                ["taxCategory"] = new JsonObject { ["typeId"] = "tax-category", ["key"] = TaxCategoryKey },
                ["masterVariant"] = new JsonObject
                {
                    ["sku"] = product.Sku,
                    ["prices"] = new JsonArray(new JsonObject { ["value"] = Money(product.PriceCents), ["country"] = "DE" }),
                },
                ["publish"] = true,
            }, report, cancellationToken);
        }

        PricedByCommercetools = true;
        return report;
    }

    /// <summary>
    /// Pay Upon Invoice needs the merchant's Ratepay texts in the connector settings; the demo shop fills them in when they
    /// are empty (as a merchant would in the settings page), never overwriting what is there.
    /// </summary>
    private async Task SeedInvoiceSettingsAsync(List<string> report, CancellationToken cancellationToken)
    {
        const string path = "/custom-objects/paypal-commercetools-connector/settings";
        var settings = await api.GetAsync(path, cancellationToken);
        if (!settings.IsSuccess || settings.Object["value"] is not JsonObject value)
        {
            return;
        }

        var changed = false;
        foreach (var (name, text) in new[]
        {
            ("ratePayCustomerServiceInstructions", "Questions about your invoice: demo-shop@example.com"),
            ("ratePayBrandName", "Sandbox demo shop"),
        })
        {
            if (value[name] is JsonObject localized && localized.Any(kv => !string.IsNullOrEmpty(kv.Value?.ToString())))
            {
                continue;
            }

            value[name] = new JsonObject { ["de"] = text, ["en"] = text };
            changed = true;
        }

        if (changed)
        {
            (await api.PostAsync("/custom-objects", new JsonObject
            {
                ["container"] = "paypal-commercetools-connector",
                ["key"] = "settings",
                ["value"] = value.DeepClone(),
                ["version"] = settings.Object["version"]!.GetValue<long>(),
            }, cancellationToken)).EnsureSuccess("setting the Ratepay texts for Pay Upon Invoice");
            report.Add("demo settings: Ratepay brand name and customer service instructions for Pay Upon Invoice");
        }
    }

    /// <summary>False when the collection's endpoint does not exist (POST answered 404): the API cannot hold a catalog.</summary>
    private async Task<bool> EnsureAsync(string collection, string key, JsonObject draft, List<string> report, CancellationToken cancellationToken)
    {
        var existing = await api.GetAsync($"{collection}/key={Uri.EscapeDataString(key)}", cancellationToken);
        if (existing.IsSuccess)
        {
            return true;
        }

        var created = await api.PostAsync(collection, draft, cancellationToken);
        if (created.Status == System.Net.HttpStatusCode.NotFound)
        {
            return false;
        }

        created.EnsureSuccess($"creating {collection.TrimStart('/')} {key}");
        report.Add($"demo catalog: created {collection.TrimStart('/')} {key}");
        return true;
    }

    public static JsonObject Money(long cents) => new() { ["currencyCode"] = Currency, ["centAmount"] = cents };

    /// <summary>The demo's fixed shopper; Pay Upon Invoice needs a name, e-mail and billing address on the cart.</summary>
    public static JsonObject BuyerAddress() => new()
    {
        ["firstName"] = "Erika",
        ["lastName"] = "Mustermann",
        ["streetName"] = "Heidestraße",
        ["streetNumber"] = "17",
        ["postalCode"] = "51147",
        ["city"] = "Köln",
        ["country"] = "DE",
        ["email"] = "erika.mustermann@example.com",
    };

    public async Task<DemoCartView> CreateCartAsync(CancellationToken cancellationToken)
    {
        var draft = new JsonObject
        {
            ["currency"] = Currency,
            ["country"] = "DE",
            ["locale"] = "en",
            ["customerEmail"] = "erika.mustermann@example.com",
            ["shippingAddress"] = BuyerAddress(),
            ["billingAddress"] = BuyerAddress(),
        };
        if (PricedByCommercetools)
        {
            draft["taxMode"] = "Platform";
            draft["inventoryMode"] = "None";
            draft["shippingMethod"] = new JsonObject { ["typeId"] = "shipping-method", ["key"] = ShippingMethodKey };
        }

        var cart = (await api.PostAsync("/carts", draft, cancellationToken)).EnsureSuccess("creating the cart");
        return View(cart);
    }

    /// <summary>The cart, or null when it is gone or no longer active (ordered carts start a new one).</summary>
    public async Task<DemoCartView?> GetCartAsync(string? cartId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(cartId) || !Guid.TryParse(cartId, out _))
        {
            return null;
        }

        var response = await api.GetAsync($"/carts/{cartId}", cancellationToken);
        return response.IsSuccess ? View(response.Object) : null;
    }

    public async Task<DemoCartView> AddAsync(DemoCartView cart, DemoProduct product, CancellationToken cancellationToken)
    {
        if (!PricedByCommercetools)
        {
            var lines = _localLines.GetOrAdd(cart.Id, _ => new ConcurrentDictionary<string, long>(StringComparer.Ordinal));
            lines.AddOrUpdate(product.Sku, 1, (_, q) => q + 1);
            return (await GetCartAsync(cart.Id, cancellationToken))!;
        }

        var updated = (await api.UpdateAsync($"/carts/{cart.Id}", cart.Version, cancellationToken, new JsonObject
        {
            ["action"] = "addLineItem",
            ["sku"] = product.Sku,
            ["quantity"] = 1,
        })).EnsureSuccess("adding to the cart");
        return View(updated);
    }

    private DemoCartView View(JsonObject cart)
    {
        var id = cart["id"]!.GetValue<string>();
        var version = cart["version"]!.GetValue<long>();
        var state = cart["cartState"]?.GetValue<string>() ?? "Active";
        if (!PricedByCommercetools)
        {
            var lines = _localLines.TryGetValue(id, out var l)
                ? l.OrderBy(kv => kv.Key, StringComparer.Ordinal)
                    .Select(kv => FindProduct(kv.Key)!)
                    .Select(p => new DemoLine(p.Sku, p.Name, l[p.Sku], p.PriceCents, p.PriceCents * l[p.Sku]))
                    .ToList()
                : [];
            var shipping = lines.Count == 0 ? 0 : ShippingCents;
            var gross = lines.Sum(x => x.TotalCents) + shipping;

            // Net from gross with prices including VAT, rounded half up to the cent: what commercetools does for one rate.
            var net = ((gross * 100 * 2) + (100 + VatPercent)) / (2 * (100 + VatPercent));
            return new DemoCartView(id, version, state, lines, shipping, net, gross - net, gross, false);
        }

        var items = (cart["lineItems"] as JsonArray ?? [])
            .Select(li => new DemoLine(
                li!["variant"]?["sku"]?.GetValue<string>() ?? string.Empty,
                li["name"]?["en"]?.GetValue<string>() ?? li["name"]?.AsObject().FirstOrDefault().Value?.GetValue<string>() ?? "item",
                li["quantity"]?.GetValue<long>() ?? 0,
                li["price"]?["value"]?["centAmount"]?.GetValue<long>() ?? 0,
                li["totalPrice"]?["centAmount"]?.GetValue<long>() ?? 0))
            .ToList();
        var shippingCents = cart["shippingInfo"]?["price"]?["centAmount"]?.GetValue<long>() ?? 0;
        var totalGross = cart["taxedPrice"]?["totalGross"]?["centAmount"]?.GetValue<long>() ?? cart["totalPrice"]?["centAmount"]?.GetValue<long>() ?? 0;
        var totalNet = cart["taxedPrice"]?["totalNet"]?["centAmount"]?.GetValue<long>() ?? totalGross;
        var totalTax = cart["taxedPrice"]?["totalTax"]?["centAmount"]?.GetValue<long>() ?? totalGross - totalNet;
        return new DemoCartView(id, version, state, items, shippingCents, totalNet, totalTax, totalGross, true);
    }
}
