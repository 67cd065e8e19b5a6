using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;

namespace EndToEnd.Tests;

/// <summary>Builds a small priced catalog and carts through the commercetools API, and pays for a cart with a PayPal payment.</summary>
public static class CheckoutDriver
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public sealed record Catalog(string Sku, string? ShippingMethodId);

    public static async Task<Catalog> CatalogAsync(CommercetoolsDriver ct, string currency, long price, string country, string rate, bool withShipping)
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

    public static async Task<JsonObject> CartAsync(CommercetoolsDriver ct, Catalog catalog, string currency, string country, int quantity)
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
        draft["billingAddress"] = draft["shippingAddress"]!.DeepClone();
        if (catalog.ShippingMethodId is { } shipping)
        {
            draft["shippingMethod"] = new JsonObject { ["typeId"] = "shipping-method", ["id"] = shipping };
        }

        return await CreateAsync(ct, "/carts", draft);
    }

    public static async Task<JsonObject> PayForCartAsync(CommercetoolsDriver ct, JsonObject cart, string currency, long cents)
    {
        var payment = await ct.CreatePayPalPaymentAsync(currency, cents, Ct);
        await ct.AddPaymentToCartAsync(cart, payment["id"]!.GetValue<string>(), Ct);
        return payment;
    }

    private static async Task<JsonObject> CreateAsync(CommercetoolsDriver ct, string path, JsonNode draft)
    {
        var (status, body) = await ct.SendAsync(HttpMethod.Post, path, draft, Ct);
        status.ShouldBe(HttpStatusCode.Created, $"{path}: {body?.ToJsonString()}");
        return body!.AsObject();
    }
}
