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
        var catalog = await CheckoutDriver.CatalogAsync(ct, "EUR", 19_99, "DE", "0.19", withShipping: true);
        var cart = await CheckoutDriver.CartAsync(ct, catalog, "EUR", "DE", quantity: 2);
        var total = cart["taxedPrice"]!["totalGross"]!["centAmount"]!.GetValue<long>();
        total.ShouldBe(2 * 19_99 + 4_99);

        var payment = await CheckoutDriver.PayForCartAsync(ct, cart, "EUR", total);
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
        var catalog = await CheckoutDriver.CatalogAsync(ct, "JPY", 1500, "JP", "0.1", withShipping: false);
        var cart = await CheckoutDriver.CartAsync(ct, catalog, "JPY", "JP", quantity: 2);
        var total = cart["taxedPrice"]!["totalGross"]!["centAmount"]!.GetValue<long>();

        var payment = await CheckoutDriver.PayForCartAsync(ct, cart, "JPY", total);
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
        var catalog = await CheckoutDriver.CatalogAsync(ct, "EUR", 10_00, "DE", "0.19", withShipping: false);
        var cart = await CheckoutDriver.CartAsync(ct, catalog, "EUR", "DE", quantity: 1);

        var payment = await CheckoutDriver.PayForCartAsync(ct, cart, "EUR", 4_00);
        payment = await ct.SetCustomFieldOkAsync(payment, "createPayPalOrderRequest", "{}", Ct);

        var unit = payment.FieldJson("createPayPalOrderResponse")["purchase_units"]![0]!;
        unit["amount"]!["value"]!.GetValue<string>().ShouldBe("4.00");
        unit["amount"]!["breakdown"].ShouldBeNull();
        unit["items"].ShouldBeNull();
    }

    private static long Cents(JsonNode? money) =>
        money is null ? 0 : (long)(decimal.Parse(money["value"]!.GetValue<string>(), CultureInfo.InvariantCulture) * 100);
}
