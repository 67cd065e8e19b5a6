using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace EndToEnd.Tests;

/// <summary>
/// A shopper pays with their own token through <c>/me/payments</c>: the whole PayPal flow works, the amount
/// charged is the cart's, and nothing of another shopper's payments or the merchant's secrets is reachable.
/// </summary>
public sealed class MyPaymentsTests(SandboxFixture sandbox)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_shopper_with_a_password_token_pays_the_cart_total_through_My_Payments()
    {
        var vault = await VaultDriver.CreateAsync(sandbox, Ct);
        var customer = await vault.CreateCustomerAsync(Ct);
        var shopper = await ShopperDriver.ShopperAsync(sandbox, customer);
        var cart = await ShopperDriver.CartAsync(vault, customer, 24_50);

        var payment = await shopper.CreateAsync(24_50, new JsonObject(), HttpStatusCode.Created);
        payment["customer"]!["id"]!.GetValue<string>().ShouldBe(customer.Id());
        await ShopperDriver.AddPaymentAsync(vault, cart, payment.Id());

        payment = await shopper.SetFieldOkAsync(payment, "createPayPalOrderRequest", "{}");
        var created = payment.FieldJson("createPayPalOrderResponse");
        created["purchase_units"]![0]!["amount"]!["value"]!.GetValue<string>().ShouldBe("24.50");
        var approve = created["links"]!.AsArray().Single(l => l!["rel"]!.GetValue<string>() == "approve")!["href"]!.GetValue<string>();
        using (var decided = await BuyerDriver.DecideAsync(sandbox.Http, approve, "approve", Ct))
        {
            ((int)decided.StatusCode).ShouldBeLessThan(400);
        }

        payment = await shopper.SetFieldOkAsync(payment, "capturePayPalOrderRequest", "{}");

        var charge = payment.Transactions().ShouldHaveSingleItem();
        charge["type"]!.GetValue<string>().ShouldBe("Charge");
        charge["state"]!.GetValue<string>().ShouldBe("Success");
        charge["amount"]!["centAmount"]!.GetValue<long>().ShouldBe(24_50);
        var text = payment.ToJsonString();
        payment["interfaceInteractions"].ShouldBeNull("My Payments is a restricted view");
        text.ShouldNotContain(sandbox.Info.PayPal.ClientSecret);
        text.ShouldNotContain(sandbox.Info.Commercetools.ClientSecret);
    }

    [Fact]
    public async Task An_anonymous_session_pays_through_My_Payments()
    {
        var vault = await VaultDriver.CreateAsync(sandbox, Ct);
        var shopper = await ShopperDriver.AnonymousShopperAsync(sandbox);
        var (_, cartBody) = await vault.Commercetools.SendAsync(HttpMethod.Post, "/carts", CommercetoolsDriver.CartDraft(15_00, anonymousId: shopper.AnonymousId), Ct);
        var payment = await shopper.CreateAsync(15_00, new JsonObject(), HttpStatusCode.Created);
        payment["anonymousId"]!.GetValue<string>().ShouldBe(shopper.AnonymousId);
        await ShopperDriver.AddPaymentAsync(vault, cartBody!.AsObject(), payment.Id());

        payment = await shopper.SetFieldOkAsync(payment, "createPayPalOrderRequest", "{}");

        payment.FieldJson("createPayPalOrderResponse")["purchase_units"]![0]!["amount"]!["value"]!.GetValue<string>().ShouldBe("15.00");
    }

    [Fact]
    public async Task A_shopper_cannot_lower_the_amount_below_the_cart_total()
    {
        var vault = await VaultDriver.CreateAsync(sandbox, Ct);
        var customer = await vault.CreateCustomerAsync(Ct);
        var shopper = await ShopperDriver.ShopperAsync(sandbox, customer);
        var cart = await ShopperDriver.CartAsync(vault, customer, 99_00);
        var payment = await shopper.CreateAsync(1, new JsonObject(), HttpStatusCode.Created);
        await ShopperDriver.AddPaymentAsync(vault, cart, payment.Id());

        var (status, body) = await shopper.SetFieldAsync(payment, "createPayPalOrderRequest", "{}");

        status.ShouldBe(HttpStatusCode.BadRequest, body?.ToJsonString());
        body.ErrorCode().ShouldBe("InvalidInput");
        body.ErrorMessage().ShouldContain("amountPlanned");
    }

    [Fact]
    public async Task A_shopper_payment_created_with_an_order_request_but_no_cart_is_refused()
    {
        var vault = await VaultDriver.CreateAsync(sandbox, Ct);
        var shopper = await ShopperDriver.ShopperAsync(sandbox, await vault.CreateCustomerAsync(Ct));

        var (status, body) = await shopper.CreateRawAsync(1, new JsonObject { ["createPayPalOrderRequest"] = "{}" });

        status.ShouldBe(HttpStatusCode.BadRequest, body?.ToJsonString());
        body.ErrorCode().ShouldBe("InvalidInput");
        body.ErrorMessage().ShouldContain("cart");
    }

    [Fact]
    public async Task A_shopper_cannot_read_change_or_capture_another_shopper_s_payment()
    {
        var vault = await VaultDriver.CreateAsync(sandbox, Ct);
        var b = await vault.CreateCustomerAsync(Ct);
        var shopperB = await ShopperDriver.ShopperAsync(sandbox, b);
        var cartB = await ShopperDriver.CartAsync(vault, b, 50_00);
        var paymentB = await shopperB.CreateAsync(50_00, new JsonObject(), HttpStatusCode.Created);
        await ShopperDriver.AddPaymentAsync(vault, cartB, paymentB.Id());
        paymentB = await shopperB.SetFieldOkAsync(paymentB, "createPayPalOrderRequest", "{}");
        var orderOfB = paymentB.FieldJson("createPayPalOrderResponse")["id"]!.GetValue<string>();
        var approve = paymentB.FieldJson("createPayPalOrderResponse")["links"]!.AsArray().Single(l => l!["rel"]!.GetValue<string>() == "approve")!["href"]!.GetValue<string>();
        using (await BuyerDriver.DecideAsync(sandbox.Http, approve, "approve", Ct))
        {
        }

        var shopperA = await ShopperDriver.ShopperAsync(sandbox, await vault.CreateCustomerAsync(Ct));
        (await shopperA.SendAsync(HttpMethod.Get, $"/me/payments/{paymentB.Id()}", null)).Status.ShouldBe(HttpStatusCode.NotFound);
        (await shopperA.SetFieldAsync(paymentB, "capturePayPalOrderRequest", "{}")).Status.ShouldBe(HttpStatusCode.NotFound);

        var paymentA = await shopperA.CreateAsync(1_00, new JsonObject(), HttpStatusCode.Created);
        var (status, body) = await shopperA.SetFieldAsync(paymentA, "capturePayPalOrderRequest", new JsonObject { ["orderId"] = orderOfB }.ToJsonString());
        status.ShouldBe(HttpStatusCode.BadRequest, body?.ToJsonString());
        body.ErrorCode().ShouldBe("InvalidOperation");
        body.ErrorMessage().ShouldContain("no PayPal order of its own");

        paymentB = await shopperB.SetFieldOkAsync(await shopperB.GetAsync(paymentB.Id()), "capturePayPalOrderRequest", "{}");
        paymentB.Transactions().ShouldHaveSingleItem()["amount"]!["centAmount"]!.GetValue<long>().ShouldBe(50_00);
    }

    [Fact]
    public async Task A_shopper_cannot_vault_for_or_pay_with_another_customer_s_token_through_My_Payments()
    {
        var vault = await VaultDriver.CreateAsync(sandbox, Ct);
        var (_, tokenOfB) = await vault.VaultCardAsync(await vault.CreateCustomerAsync(Ct), Ct);
        var a = await vault.CreateCustomerAsync(Ct);
        var shopperA = await ShopperDriver.ShopperAsync(sandbox, a);
        var cart = await ShopperDriver.CartAsync(vault, a, 10_00);
        var payment = await shopperA.CreateAsync(10_00, new JsonObject(), HttpStatusCode.Created);
        await ShopperDriver.AddPaymentAsync(vault, cart, payment.Id());

        var (status, body) = await shopperA.SetFieldAsync(payment, "createPayPalOrderRequest",
            new JsonObject { ["payment_source"] = new JsonObject { ["card"] = new JsonObject { ["vault_id"] = tokenOfB } } }.ToJsonString());

        status.ShouldBe(HttpStatusCode.BadRequest, body?.ToJsonString());
        body.ErrorCode().ShouldBe("InvalidInput");
    }
}
