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
    public async Task When_amountPlanned_differs_from_what_the_cart_owes_no_order_is_created()
    {
        var ct = await CommercetoolsDriver.CreateAsync(sandbox, Ct);
        var catalog = await CheckoutDriver.CatalogAsync(ct, "EUR", 10_00, "DE", "0.19", withShipping: false);
        var cart = await CheckoutDriver.CartAsync(ct, catalog, "EUR", "DE", quantity: 1);

        var payment = await CheckoutDriver.PayForCartAsync(ct, cart, "EUR", 4_00);
        var (status, body) = await ct.SetCustomFieldAsync(payment["id"]!.GetValue<string>(), payment["version"]!.GetValue<long>(), "createPayPalOrderRequest", "{}", Ct);

        status.ShouldBe(HttpStatusCode.BadRequest, body?.ToJsonString());
        body.ErrorCode().ShouldBe("InvalidInput");
        body.ErrorMessage().ShouldContain("amountPlanned");
        (await ct.GetPaymentAsync(payment["id"]!.GetValue<string>(), Ct)).Field("PayPalOrderId").ShouldBeNull();
    }

    [Fact]
    public async Task A_gift_card_paid_first_leaves_PayPal_the_rest_of_the_cart()
    {
        var ct = await CommercetoolsDriver.CreateAsync(sandbox, Ct);
        var catalog = await CheckoutDriver.CatalogAsync(ct, "EUR", 10_00, "DE", "0.19", withShipping: false);
        var cart = await CheckoutDriver.CartAsync(ct, catalog, "EUR", "DE", quantity: 3);
        var total = cart["taxedPrice"]?["totalGross"]?["centAmount"]?.GetValue<long>() ?? cart["totalPrice"]!["centAmount"]!.GetValue<long>();
        var (created, giftCard) = await ct.SendAsync(HttpMethod.Post, "/payments", new JsonObject
        {
            ["amountPlanned"] = new JsonObject { ["currencyCode"] = "EUR", ["centAmount"] = 7_00 },
            ["paymentMethodInfo"] = new JsonObject { ["paymentInterface"] = "gift-card", ["method"] = "gift-card" },
            ["transactions"] = new JsonArray(new JsonObject
            {
                ["type"] = "Charge", ["state"] = "Success", ["amount"] = new JsonObject { ["currencyCode"] = "EUR", ["centAmount"] = 7_00 },
            }),
        }, Ct);
        created.ShouldBe(HttpStatusCode.Created, giftCard?.ToJsonString());
        var (_, current) = await ct.SendAsync(HttpMethod.Get, $"/carts/{cart["id"]}", null, Ct);
        var (added, _) = await ct.SendAsync(HttpMethod.Post, $"/carts/{cart["id"]}", new JsonObject
        {
            ["version"] = current!["version"]!.DeepClone(),
            ["actions"] = new JsonArray(new JsonObject { ["action"] = "addPayment", ["payment"] = new JsonObject { ["typeId"] = "payment", ["id"] = giftCard!["id"]!.DeepClone() } }),
        }, Ct);
        added.ShouldBe(HttpStatusCode.OK);
        (_, current) = await ct.SendAsync(HttpMethod.Get, $"/carts/{cart["id"]}", null, Ct);

        // A PayPal payment for the whole total is refused; one for the rest is the order's amount, without a breakdown.
        var whole = await CheckoutDriver.PayForCartAsync(ct, current!.AsObject(), "EUR", total);
        var (refused, body) = await ct.SetCustomFieldAsync(whole["id"]!.GetValue<string>(), whole["version"]!.GetValue<long>(), "createPayPalOrderRequest", "{}", Ct);
        refused.ShouldBe(HttpStatusCode.BadRequest, body?.ToJsonString());
        body.ErrorMessage().ShouldContain("what the cart still owes");
        (_, current) = await ct.SendAsync(HttpMethod.Get, $"/carts/{cart["id"]}", null, Ct);
        var (removed, _) = await ct.SendAsync(HttpMethod.Post, $"/carts/{cart["id"]}", new JsonObject
        {
            ["version"] = current!["version"]!.DeepClone(),
            ["actions"] = new JsonArray(new JsonObject { ["action"] = "removePayment", ["payment"] = new JsonObject { ["typeId"] = "payment", ["id"] = whole["id"]!.DeepClone() } }),
        }, Ct);
        removed.ShouldBe(HttpStatusCode.OK);
        (_, current) = await ct.SendAsync(HttpMethod.Get, $"/carts/{cart["id"]}", null, Ct);
        var rest = await CheckoutDriver.PayForCartAsync(ct, current!.AsObject(), "EUR", total - 7_00);
        rest = await ct.SetCustomFieldOkAsync(rest, "createPayPalOrderRequest", "{}", Ct);

        var unit = rest.FieldJson("createPayPalOrderResponse")["purchase_units"]![0]!;
        Cents(unit["amount"]).ShouldBe(total - 7_00);
        unit["items"].ShouldBeNull();
    }

    private static long Cents(JsonNode? money) =>
        money is null ? 0 : (long)(decimal.Parse(money["value"]!.GetValue<string>(), CultureInfo.InvariantCulture) * 100);
}
