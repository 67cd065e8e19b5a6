using System.Net;
using Emulator.Commercetools.Tests.Infrastructure;
using static Emulator.Commercetools.Tests.Infrastructure.Catalog;

namespace Emulator.Commercetools.Tests.Carts;

public sealed class CartPricingTests
{
    [Fact]
    public async Task Gross_prices_are_split_into_net_and_tax_per_line_item()
    {
        await using var host = await EmulatorHost.StartAsync();
        var api = await host.AdminAsync();
        await CreateAsync(api);

        var cart = await api.CreateAsync("/carts", """
            {"currency":"EUR","country":"DE","customerEmail":"jane@example.com","shippingAddress":{"country":"DE"},"lineItems":[{"sku":"SKU-1","quantity":3}]}
            """);

        var line = cart["lineItems"]![0]!;
        ((string?)line["variant"]!["sku"]).ShouldBe("SKU-1");
        Cents(line["price"]!["value"]).ShouldBe(1999);
        Cents(line["totalPrice"]).ShouldBe(5997);
        Cents(cart["totalPrice"]).ShouldBe(5997);
        Cents(cart["taxedPrice"]!["totalGross"]).ShouldBe(5997);
        Cents(cart["taxedPrice"]!["totalNet"]).ShouldBe(5039); // 5997 / 1.19 = 5039.496
        Cents(cart["taxedPrice"]!["totalTax"]).ShouldBe(958);
        var portion = cart["taxedPrice"]!["taxPortions"]![0]!;
        ((decimal)portion["rate"]!).ShouldBe(0.19m);
        Cents(portion["amount"]).ShouldBe(958);
        ((string?)cart["taxRoundingMode"]).ShouldBe("HalfEven");
        ((string?)cart["taxCalculationMode"]).ShouldBe("LineItemLevel");
    }

    [Fact]
    public async Task Unit_price_level_rounds_per_unit()
    {
        await using var host = await EmulatorHost.StartAsync();
        var api = await host.AdminAsync();
        await CreateAsync(api);

        var cart = await api.CreateAsync("/carts", """
            {"currency":"EUR","taxCalculationMode":"UnitPriceLevel","shippingAddress":{"country":"DE"},"lineItems":[{"sku":"SKU-1","quantity":3}]}
            """);

        Cents(cart["taxedPrice"]!["totalNet"]).ShouldBe(5040); // round(1999 / 1.19) = 1680, x3
        Cents(cart["taxedPrice"]!["totalTax"]).ShouldBe(957);
    }

    [Fact]
    public async Task Net_prices_get_tax_added_and_state_rates_win()
    {
        await using var host = await EmulatorHost.StartAsync();
        var api = await host.AdminAsync();
        await CreateAsync(api);

        var cart = await api.CreateAsync("/carts", """{"currency":"USD","shippingAddress":{"country":"US"},"lineItems":[{"sku":"SKU-1","quantity":2}]}""");
        Cents(cart["totalPrice"]).ShouldBe(4998);
        Cents(cart["taxedPrice"]!["totalNet"]).ShouldBe(4998);
        Cents(cart["taxedPrice"]!["totalGross"]).ShouldBe(5498); // 499.8 -> 500 (HalfEven)

        var california = await api.UpdateAsync($"/carts/{cart["id"]}", 1, """{"action":"setShippingAddress","address":{"country":"US","state":"CA"}}""");
        Cents(california["taxedPrice"]!["totalTax"]).ShouldBe(362); // 4998 * 0.0725 = 362.355
        ((string?)california["lineItems"]![0]!["taxRate"]!["name"]).ShouldBe("US-CA 7.25%");
    }

    [Theory]
    [InlineData("HalfEven", 0)]
    [InlineData("HalfUp", 1)]
    [InlineData("HalfDown", 0)]
    public async Task Tax_rounding_mode_decides_exact_halves(string mode, long expectedTax)
    {
        await using var host = await EmulatorHost.StartAsync();
        var api = await host.AdminAsync();
        var catalog = await CreateAsync(api);

        var cart = await api.CreateAsync("/carts", $$$"""
            {"currency":"USD","taxRoundingMode":"{{{mode}}}","shippingAddress":{"country":"US"},
             "customLineItems":[{"name":{"en":"Fee"},"slug":"fee","quantity":1,"money":{"currencyCode":"USD","centAmount":5},"taxCategory":{"typeId":"tax-category","id":"{{{catalog.TaxCategoryId}}}"}}]}
            """);

        Cents(cart["taxedPrice"]!["totalTax"]).ShouldBe(expectedTax);
        Cents(cart["customLineItems"]![0]!["taxedPrice"]!["totalTax"]).ShouldBe(expectedTax);
    }

    [Fact]
    public async Task Line_items_can_be_added_changed_and_removed_and_prices_follow_the_country()
    {
        await using var host = await EmulatorHost.StartAsync();
        var api = await host.AdminAsync();
        var catalog = await CreateAsync(api);
        var cart = await api.CreateAsync("/carts", """{"currency":"EUR"}""");
        var path = $"/carts/{cart["id"]}";

        var added = await api.UpdateAsync(path, 1,
            $$"""{"action":"addLineItem","productId":"{{catalog.ProductId}}","variantId":1,"quantity":1}""",
            """{"action":"addLineItem","sku":"SKU-1","quantity":1}""",
            """{"action":"addLineItem","sku":"SKU-2"}""");
        added["lineItems"]!.AsArray().Count.ShouldBe(2);
        ((long)added["lineItems"]![0]!["quantity"]!).ShouldBe(2);
        Cents(added["totalPrice"]).ShouldBe(2 * 1999 + 999);
        added.ContainsKey("taxedPrice").ShouldBeFalse();

        var lineId = (string)added["lineItems"]![0]!["id"]!;
        var changed = await api.UpdateAsync(path, 4,
            $$"""{"action":"changeLineItemQuantity","lineItemId":"{{lineId}}","quantity":5}""",
            """{"action":"setCountry","country":"AT"}""");
        Cents(changed["lineItems"]![0]!["price"]!["value"]).ShouldBe(1899);
        Cents(changed["totalPrice"]).ShouldBe(5 * 1899 + 999);

        var removed = await api.UpdateAsync(path, 6,
            $$"""{"action":"removeLineItem","lineItemId":"{{lineId}}","quantity":2}""",
            $$"""{"action":"removeLineItem","lineItemId":"{{changed["lineItems"]![1]!["id"]}}"}""");
        removed["lineItems"]!.AsArray().Count.ShouldBe(1);
        ((long)removed["lineItems"]![0]!["quantity"]!).ShouldBe(3);
    }

    [Fact]
    public async Task Missing_prices_give_MatchingPriceNotFound()
    {
        await using var host = await EmulatorHost.StartAsync();
        var api = await host.AdminAsync();
        await CreateAsync(api);
        (await api.PostAsync("/carts", """{"currency":"GBP","lineItems":[{"sku":"SKU-1"}]}""")).ShouldBeError(HttpStatusCode.BadRequest, "MatchingPriceNotFound");
    }

    [Fact]
    public async Task Shipping_methods_add_taxed_shipping_and_respect_free_above()
    {
        await using var host = await EmulatorHost.StartAsync();
        var api = await host.AdminAsync();
        var catalog = await CreateAsync(api);
        var cart = await api.CreateAsync("/carts", """{"currency":"EUR","lineItems":[{"sku":"SKU-1"}]}""");
        var path = $"/carts/{cart["id"]}";

        (await api.TryUpdateAsync(path, 1, $$$"""{"action":"setShippingMethod","shippingMethod":{"typeId":"shipping-method","id":"{{{catalog.ShippingMethodId}}}"}}"""))
            .ShouldBeError(HttpStatusCode.BadRequest, "InvalidOperation");

        var shipped = await api.UpdateAsync(path, 1,
            """{"action":"setShippingAddress","address":{"country":"DE","city":"Berlin"}}""",
            """{"action":"setBillingAddress","address":{"country":"DE"}}""",
            """{"action":"setShippingMethod","shippingMethod":{"typeId":"shipping-method","key":"standard"}}""");
        ((string?)shipped["shippingInfo"]!["shippingMethodName"]).ShouldBe("Standard");
        Cents(shipped["shippingInfo"]!["price"]).ShouldBe(499);
        Cents(shipped["totalPrice"]).ShouldBe(1999 + 499);
        Cents(shipped["taxedPrice"]!["totalGross"]).ShouldBe(2498);
        Cents(shipped["taxedPrice"]!["totalNet"]).ShouldBe(1680 + 419);

        var lineId = (string)shipped["lineItems"]![0]!["id"]!;
        var free = await api.UpdateAsync(path, 4, $$"""{"action":"changeLineItemQuantity","lineItemId":"{{lineId}}","quantity":6}""");
        Cents(free["shippingInfo"]!["price"]).ShouldBe(0);
        Cents(free["totalPrice"]).ShouldBe(6 * 1999);

        var custom = await api.UpdateAsync(path, 5,
            """{"action":"setCustomShippingMethod","shippingMethodName":"Express","shippingRate":{"price":{"currencyCode":"EUR","centAmount":1500}}}""");
        Cents(custom["totalPrice"]).ShouldBe(6 * 1999 + 1500);
        custom.ContainsKey("taxedPrice").ShouldBeFalse(); // no tax category on the custom shipping method
    }

    [Fact]
    public async Task Product_projections_show_published_products()
    {
        await using var host = await EmulatorHost.StartAsync();
        var api = await host.AdminAsync();
        var catalog = await CreateAsync(api);

        var page = (await api.GetAsync("/product-projections?where=" + Uri.EscapeDataString("masterVariant(sku = \"SKU-1\")"))).Object;
        ((int)page["count"]!).ShouldBe(1);
        ((string?)page["results"]![0]!["name"]!["en"]).ShouldBe("Shirt");
        (await api.GetAsync($"/product-projections/{catalog.ProductId}")).Status.ShouldBe(HttpStatusCode.OK);
        (await api.GetAsync("/product-projections/key=shirt")).Status.ShouldBe(HttpStatusCode.OK);
    }
}
