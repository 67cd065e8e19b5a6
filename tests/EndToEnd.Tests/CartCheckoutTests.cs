using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;

namespace EndToEnd.Tests;

/// <summary>
/// createPayPalOrder for a payment that belongs to a cart: the PayPal order carries the cart's items, tax, shipping
/// and address when they add up exactly, and PayPal's decimals per currency are respected.
/// </summary>
public sealed class CartCheckoutTests(SandboxFixture sandbox)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_cart_with_tax_and_shipping_becomes_an_order_with_an_exact_breakdown_items_and_address()
    {
        var ct = await CommercetoolsDriver.CreateAsync(sandbox, Ct);
        var catalog = await CatalogAsync(ct, "EUR", 19_99, "DE", "0.19", withShipping: true);
        var cart = await CartAsync(ct, catalog, "EUR", "DE", quantity: 2);
        var total = cart["taxedPrice"]!["totalGross"]!["centAmount"]!.GetValue<long>();
        total.ShouldBe(2 * 19_99 + 4_99);

        var payment = await PayForCartAsync(ct, cart, "EUR", total);
        payment = await ct.SetCustomFieldOkAsync(payment, "createPayPalOrderRequest", "{}", Ct);

        var unit = payment.FieldJson("createPayPalOrderResponse")["purchase_units"]![0]!;
        unit["amount"]!["value"]!.GetValue<string>().ShouldBe("44.97");
        var breakdown = unit["amount"]!["breakdown"]!;
        (Cents(breakdown["item_total"]) + Cents(breakdown["tax_total"]) + Cents(breakdown["shipping"]) - Cents(breakdown["discount"])).ShouldBe(total);
        var items = unit["items"]!.AsArray();
        items.Sum(i => Cents(i!["unit_amount"]) * long.Parse(i!["quantity"]!.GetValue<string>(), CultureInfo.InvariantCulture)).ShouldBe(Cents(breakdown["item_total"]));
        items.ShouldContain(i => i!["sku"]!.GetValue<string>() == catalog.Sku);
        unit["shipping"]!["address"]!["country_code"]!.GetValue<string>().ShouldBe("DE");
        unit["shipping"]!["name"]!["full_name"]!.GetValue<string>().ShouldBe("Erika Mustermann");
        unit["invoice_id"]!.GetValue<string>().ShouldBe(payment["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_yen_cart_is_sent_without_decimals()
    {
        var ct = await CommercetoolsDriver.CreateAsync(sandbox, Ct);
        var catalog = await CatalogAsync(ct, "JPY", 1500, "JP", "0.1", withShipping: false);
        var cart = await CartAsync(ct, catalog, "JPY", "JP", quantity: 2);
        var total = cart["taxedPrice"]!["totalGross"]!["centAmount"]!.GetValue<long>();

        var payment = await PayForCartAsync(ct, cart, "JPY", total);
        payment = await ct.SetCustomFieldOkAsync(payment, "createPayPalOrderRequest", "{}", Ct);

        payment.FieldJson("createPayPalOrderResponse")["purchase_units"]![0]!["amount"]!["value"]!.GetValue<string>().ShouldBe("3000");
    }

    [Fact]
    public async Task A_forint_amount_with_filler_is_refused_rather_than_rounded()
    {
        var ct = await CommercetoolsDriver.CreateAsync(sandbox, Ct);
        var payment = await ct.CreatePayPalPaymentAsync("HUF", 123_45, Ct);

        var (status, body) = await ct.SetCustomFieldAsync(payment["id"]!.GetValue<string>(), payment["version"]!.GetValue<long>(), "createPayPalOrderRequest", "{}", Ct);

        status.ShouldBe(HttpStatusCode.BadRequest);
        body!["errors"]![0]!["code"]!.GetValue<string>().ShouldBe("InvalidInput");
        body["errors"]![0]!["message"]!.GetValue<string>().ShouldContain("HUF");
    }

    [Fact]
    public async Task When_amountPlanned_differs_from_the_cart_total_the_order_is_for_amountPlanned_without_breakdown()
    {
        var ct = await CommercetoolsDriver.CreateAsync(sandbox, Ct);
        var catalog = await CatalogAsync(ct, "EUR", 10_00, "DE", "0.19", withShipping: false);
        var cart = await CartAsync(ct, catalog, "EUR", "DE", quantity: 1);

        var payment = await PayForCartAsync(ct, cart, "EUR", 4_00);
        payment = await ct.SetCustomFieldOkAsync(payment, "createPayPalOrderRequest", "{}", Ct);

        var unit = payment.FieldJson("createPayPalOrderResponse")["purchase_units"]![0]!;
        unit["amount"]!["value"]!.GetValue<string>().ShouldBe("4.00");
        unit["amount"]!["breakdown"].ShouldBeNull();
        unit["items"].ShouldBeNull();
    }

    private static long Cents(JsonNode? money) =>
        money is null ? 0 : (long)(decimal.Parse(money["value"]!.GetValue<string>(), CultureInfo.InvariantCulture) * 100);

    private sealed record Catalog(string Sku, string? ShippingMethodId);

    private static async Task<Catalog> CatalogAsync(CommercetoolsDriver ct, string currency, long price, string country, string rate, bool withShipping)
    {
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var productType = await CreateAsync(ct, "/product-types", new JsonObject { ["key"] = "pt-" + suffix, ["name"] = "Default", ["description"] = "d" });
        var taxCategory = await CreateAsync(ct, "/tax-categories", new JsonObject
        {
            ["key"] = "tax-" + suffix,
            ["name"] = "Standard",
            ["rates"] = new JsonArray(new JsonObject
            {
                ["name"] = country, ["amount"] = JsonValue.Create(decimal.Parse(rate, CultureInfo.InvariantCulture)), ["includedInPrice"] = true, ["country"] = country,
            }),
        });
        var sku = "SKU-" + suffix;
        await CreateAsync(ct, "/products", new JsonObject
        {
            ["key"] = "p-" + suffix,
            ["productType"] = Reference("product-type", productType),
            ["name"] = new JsonObject { ["en"] = "Shirt " + suffix },
            ["slug"] = new JsonObject { ["en"] = "shirt-" + suffix },
            ["taxCategory"] = Reference("tax-category", taxCategory),
            ["publish"] = true,
            ["masterVariant"] = new JsonObject
            {
                ["sku"] = sku,
                ["prices"] = new JsonArray(new JsonObject { ["value"] = Money(currency, price) }),
            },
        });
        string? shippingId = null;
        if (withShipping)
        {
            var zone = await CreateAsync(ct, "/zones", new JsonObject
            {
                ["key"] = "zone-" + suffix,
                ["name"] = "Zone",
                ["locations"] = new JsonArray(new JsonObject { ["country"] = country }),
            });
            var shipping = await CreateAsync(ct, "/shipping-methods", new JsonObject
            {
                ["key"] = "ship-" + suffix,
                ["name"] = "Standard",
                ["taxCategory"] = Reference("tax-category", taxCategory),
                ["zoneRates"] = new JsonArray(new JsonObject
                {
                    ["zone"] = Reference("zone", zone),
                    ["shippingRates"] = new JsonArray(new JsonObject { ["price"] = Money(currency, 4_99) }),
                }),
            });
            shippingId = shipping["id"]!.GetValue<string>();
        }

        return new Catalog(sku, shippingId);
    }

    private static JsonObject Reference(string typeId, JsonObject resource) => new() { ["typeId"] = typeId, ["id"] = resource["id"]!.DeepClone() };

    private static JsonObject Money(string currency, long cents) => new() { ["currencyCode"] = currency, ["centAmount"] = cents };

    private static async Task<JsonObject> CartAsync(CommercetoolsDriver ct, Catalog catalog, string currency, string country, int quantity)
    {
        var draft = new JsonObject
        {
            ["currency"] = currency,
            ["country"] = country,
            ["customerEmail"] = "erika@example.com",
            ["locale"] = "de-DE",
            ["shippingAddress"] = new JsonObject
            {
                ["country"] = country, ["firstName"] = "Erika", ["lastName"] = "Mustermann", ["streetName"] = "Heidestraße",
                ["streetNumber"] = "17", ["postalCode"] = "51147", ["city"] = "Köln",
            },
            ["lineItems"] = new JsonArray(new JsonObject { ["sku"] = catalog.Sku, ["quantity"] = quantity }),
        };
        if (catalog.ShippingMethodId is { } shipping)
        {
            draft["shippingMethod"] = new JsonObject { ["typeId"] = "shipping-method", ["id"] = shipping };
        }

        return await CreateAsync(ct, "/carts", draft);
    }

    private static async Task<JsonObject> PayForCartAsync(CommercetoolsDriver ct, JsonObject cart, string currency, long cents)
    {
        var payment = await ct.CreatePayPalPaymentAsync(currency, cents, Ct);
        var (status, body) = await ct.SendAsync(HttpMethod.Post, $"/carts/{cart["id"]}", new JsonObject
        {
            ["version"] = cart["version"]!.DeepClone(),
            ["actions"] = new JsonArray(new JsonObject { ["action"] = "addPayment", ["payment"] = new JsonObject { ["typeId"] = "payment", ["id"] = payment["id"]!.DeepClone() } }),
        }, Ct);
        status.ShouldBe(HttpStatusCode.OK, body?.ToJsonString());
        return payment;
    }

    private static async Task<JsonObject> CreateAsync(CommercetoolsDriver ct, string path, JsonNode draft)
    {
        var (status, body) = await ct.SendAsync(HttpMethod.Post, path, draft, Ct);
        status.ShouldBe(HttpStatusCode.Created, $"{path}: {body?.ToJsonString()}");
        return body!.AsObject();
    }
}
