using System.Net;
using System.Text.Json.Nodes;

namespace EndToEnd.Tests;

/// <summary>
/// Attacks a shopper can try with nothing but their own password-flow token (<c>/me/payments</c>, <c>/me</c>, their own
/// carts through the storefront): each ends in a clear error, with nothing moved at PayPal and nothing changed in
/// commercetools, while the honest flow next to it still works.
/// </summary>
public sealed class ShopperAttackTests(SandboxFixture sandbox)
{
    private const string RepricingPatch =
        """{"patch":[{"op":"remove","path":"/purchase_units/@reference_id=='default'/items"},{"op":"replace","path":"/purchase_units/@reference_id=='default'/amount","value":{"currency_code":"EUR","value":"0.01"}}]}""";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_shopper_cannot_reprice_an_approved_order_by_patching_it_or_by_lowering_amountPlanned()
    {
        var victim = await ApprovedAsync(79_00);
        var shopper = victim.Shopper;

        var (status, body) = await shopper.UpdateAsync(await shopper.GetAsync(victim.Payment.Id()), ChangeAmountPlanned(1), SetField("updatePayPalOrderRequest", RepricingPatch));
        status.ShouldBe(HttpStatusCode.BadRequest, body?.ToJsonString());
        body.ErrorCode().ShouldBe("InvalidOperation");
        body.ErrorMessage().ShouldContain("items");

        // Only the amount, without items, is refused too: it is not what the cart owes.
        var amountOnly = """{"patch":[{"op":"replace","path":"/purchase_units/@reference_id=='default'/amount","value":{"currency_code":"EUR","value":"0.01"}}]}""";
        (status, body) = await shopper.UpdateAsync(await shopper.GetAsync(victim.Payment.Id()), ChangeAmountPlanned(1), SetField("updatePayPalOrderRequest", amountOnly));
        status.ShouldBe(HttpStatusCode.BadRequest, body?.ToJsonString());

        (status, body) = await shopper.UpdateAsync(await shopper.GetAsync(victim.Payment.Id()), ChangeAmountPlanned(1), SetField("capturePayPalOrderRequest", "{}"));
        status.ShouldBe(HttpStatusCode.BadRequest, body?.ToJsonString());
        body.ErrorCode().ShouldBe("InvalidInput");
        body.ErrorMessage().ShouldContain("amountPlanned");

        var order = await OrderAsync(victim.Vault, victim.OrderId);
        order["status"]!.GetValue<string>().ShouldBe("APPROVED");
        order["purchase_units"]![0]!["amount"]!["value"]!.GetValue<string>().ShouldBe("79.00");
        (await shopper.GetAsync(victim.Payment.Id()))["amountPlanned"]!["centAmount"]!.GetValue<long>().ShouldBe(79_00);

        var paid = await shopper.SetFieldOkAsync(await shopper.GetAsync(victim.Payment.Id()), "capturePayPalOrderRequest", "{}");
        paid.Transactions().ShouldHaveSingleItem()["amount"]!["centAmount"]!.GetValue<long>().ShouldBe(79_00);
    }

    [Fact]
    public async Task A_shopper_may_patch_where_the_order_ships_but_not_who_is_paid()
    {
        var victim = await ApprovedAsync(20_00);
        var shopper = victim.Shopper;
        var address = """{"patch":[{"op":"replace","path":"/purchase_units/@reference_id=='default'/shipping/address","value":{"address_line_1":"Neue Str. 1","admin_area_2":"Berlin","postal_code":"10115","country_code":"DE"}}]}""";
        var payee = """{"patch":[{"op":"replace","path":"/purchase_units/@reference_id=='default'/payee","value":{"email_address":"thief@example.com"}}]}""";
        var invoice = """{"patch":[{"op":"replace","path":"/purchase_units/@reference_id=='default'/invoice_id","value":"someone-else"}]}""";

        var payment = await shopper.SetFieldOkAsync(await shopper.GetAsync(victim.Payment.Id()), "updatePayPalOrderRequest", address);
        payment.FieldJson("updatePayPalOrderResponse")["status"]!.GetValue<string>().ShouldBe("success");

        foreach (var forbidden in new[] { payee, invoice })
        {
            var (status, body) = await shopper.SetFieldAsync(await shopper.GetAsync(victim.Payment.Id()), "updatePayPalOrderRequest", forbidden);
            status.ShouldBe(HttpStatusCode.BadRequest, body?.ToJsonString());
            body.ErrorCode().ShouldBe("InvalidOperation");
        }

        var order = await OrderAsync(victim.Vault, victim.OrderId);
        order["purchase_units"]![0]!["shipping"]!["address"]!["admin_area_2"]!.GetValue<string>().ShouldBe("Berlin");
        order["purchase_units"]![0]!["invoice_id"]?.GetValue<string>().ShouldNotBe("someone-else");
        order["purchase_units"]![0]!.ToJsonString().ShouldNotContain("thief@example.com");
    }

    [Fact]
    public async Task A_shopper_cannot_read_change_or_capture_another_customer_s_order_through_PayPalOrderId()
    {
        var victim = await ApprovedAsync(79_00);
        var attacker = await CustomerWithCartAsync(victim.Vault, 9_50);
        var forged = await attacker.Shopper.CreateAsync(9_50, new JsonObject { ["PayPalOrderId"] = victim.OrderId }, HttpStatusCode.Created);
        await ShopperDriver.AddPaymentAsync(victim.Vault, attacker.Cart, forged.Id());
        var shipping = """{"patch":[{"op":"replace","path":"/purchase_units/@reference_id=='default'/shipping/address","value":{"address_line_1":"Attacker 1","admin_area_2":"Elsewhere","postal_code":"99999","country_code":"DE"}}]}""";

        foreach (var (operation, value) in new[] { ("getPayPalOrder", "{}"), ("updatePayPalOrder", shipping), ("capturePayPalOrder", "{}"), ("authorizePayPalOrder", "{}") })
        {
            var (status, body) = await attacker.Shopper.SetFieldAsync(await attacker.Shopper.GetAsync(forged.Id()), operation + "Request", value);
            status.ShouldBe(HttpStatusCode.BadRequest, operation + ": " + body?.ToJsonString());
            body.ErrorCode().ShouldBe("InvalidOperation", operation);
            body!.ToJsonString().ShouldNotContain("Elsewhere");
        }

        // With an order of its own, pointing PayPalOrderId at the victim's order is refused as well.
        var own = await attacker.Shopper.SetFieldOkAsync(await attacker.Shopper.GetAsync(forged.Id()), "PayPalOrderId", victim.OrderId);
        var (switched, error) = await attacker.Shopper.SetFieldAsync(own, "createPayPalOrderRequest", "{}");
        switched.ShouldBe(HttpStatusCode.OK, error?.ToJsonString());
        var ownOrder = error!.AsObject();
        var (captured, refusal) = await attacker.Shopper.UpdateAsync(ownOrder, SetField("PayPalOrderId", victim.OrderId), SetField("capturePayPalOrderRequest", "{}"));
        captured.ShouldBe(HttpStatusCode.BadRequest, refusal?.ToJsonString());
        refusal.ErrorCode().ShouldBe("InvalidOperation");
        refusal.ErrorMessage().ShouldContain("PayPalOrderId");

        (await attacker.Shopper.GetAsync(forged.Id())).Transactions().ShouldBeEmpty();
        var order = await OrderAsync(victim.Vault, victim.OrderId);
        order["status"]!.GetValue<string>().ShouldBe("APPROVED");
        order.ToJsonString().ShouldNotContain("Elsewhere");

        var paid = await victim.Shopper.SetFieldOkAsync(await victim.Shopper.GetAsync(victim.Payment.Id()), "capturePayPalOrderRequest", "{}");
        paid.Transactions().ShouldHaveSingleItem()["amount"]!["centAmount"]!.GetValue<long>().ShouldBe(79_00);
    }

    [Theory]
    [InlineData("refundPayPalOrder", """{"amount":"1.00"}""")]
    [InlineData("capturePayPalAuthorization", "{}")]
    [InlineData("voidPayPalAuthorization", "{}")]
    [InlineData("getPayPalCapture", "{}")]
    [InlineData("createTrackingInformation", """{"trackingNumber":"1Z999","carrier":"DHL"}""")]
    public async Task A_shopper_cannot_request_merchant_operations(string operation, string value)
    {
        var victim = await ApprovedAsync(15_00);

        var (status, body) = await victim.Shopper.SetFieldAsync(await victim.Shopper.GetAsync(victim.Payment.Id()), operation + "Request", value);

        status.ShouldBe(HttpStatusCode.BadRequest, body?.ToJsonString());
        body.ErrorCode().ShouldBe("InvalidOperation");
        body.ErrorMessage().ShouldContain("shopper");
        (await OrderAsync(victim.Vault, victim.OrderId))["status"]!.GetValue<string>().ShouldBe("APPROVED");
    }

    [Fact]
    public async Task A_shopper_who_writes_another_customer_s_PayPalUserId_on_their_profile_gets_nothing_of_that_vault()
    {
        var vault = await VaultDriver.CreateAsync(sandbox, Ct);
        var (a, tokenOfA) = await vault.VaultCardAsync(await vault.CreateCustomerAsync(Ct), Ct);
        var vaultOfA = a.Field("PayPalUserId")!;
        var b = await vault.CreateCustomerAsync(Ct);
        var shopperB = await ShopperDriver.ShopperAsync(sandbox, b);

        // Through /me, as a shopper would: the forged field and a request for an id token in one update.
        var me = await MeAsync(shopperB);
        var (status, body) = await shopperB.SendAsync(HttpMethod.Post, "/me", new JsonObject
        {
            ["version"] = me["version"]!.GetValue<long>(),
            ["actions"] = new JsonArray(SetField("PayPalUserId", vaultOfA), SetField("getUserIDTokenRequest", "{}")),
        });
        status.ShouldBe(HttpStatusCode.OK, body?.ToJsonString());
        IdTokenClaims(body!.AsObject().Field("getUserIDTokenResponse")!).ShouldNotContain(vaultOfA);

        // B's first saved card goes into a vault of B's own; A's vault keeps working for A.
        me = await MeAsync(shopperB);
        (status, body) = await shopperB.SendAsync(HttpMethod.Post, "/me", new JsonObject
        {
            ["version"] = me["version"]!.GetValue<long>(),
            ["actions"] = new JsonArray(SetField("PayPalUserId", vaultOfA), SetField("createVaultSetupTokenRequest", VaultDriver.VisaCard)),
        });
        status.ShouldBe(HttpStatusCode.OK, body?.ToJsonString());
        var setupOfB = body!.AsObject().FieldJson("createVaultSetupTokenResponse");
        setupOfB["customer"]!["id"]!.GetValue<string>().ShouldNotBe(vaultOfA);
        body.AsObject().Field("PayPalUserId").ShouldBe(setupOfB["customer"]!["id"]!.GetValue<string>());
        var listOfA = await vault.SetFieldOkAsync(await CustomerAsync(vault, a.Id()), "getPaymentTokensRequest", "{}", Ct);
        listOfA.FieldJson("getPaymentTokensResponse")["payment_tokens"]!.AsArray().Select(t => t!["id"]!.GetValue<string>()).ShouldBe([tokenOfA]);

        // Without A's PaymentMethod mirror, B still cannot pay with A's saved card.
        var (_, mirror) = await vault.Commercetools.SendAsync(HttpMethod.Get, $"/payment-methods/key=paypal-{tokenOfA}", null, Ct);
        (await vault.Commercetools.SendAsync(HttpMethod.Delete, $"/payment-methods/{mirror!["id"]}?version={mirror["version"]}", null, Ct)).Status.ShouldBe(HttpStatusCode.OK);
        me = await MeAsync(shopperB);
        await shopperB.SendAsync(HttpMethod.Post, "/me", new JsonObject
        {
            ["version"] = me["version"]!.GetValue<long>(),
            ["actions"] = new JsonArray(SetField("PayPalUserId", vaultOfA)),
        });
        var cartOfB = await ShopperDriver.CartAsync(vault, b, 30_00);
        var paymentOfB = await shopperB.CreateAsync(30_00, new JsonObject(), HttpStatusCode.Created);
        await ShopperDriver.AddPaymentAsync(vault, cartOfB, paymentOfB.Id());
        (status, body) = await shopperB.SetFieldAsync(paymentOfB, "createPayPalOrderRequest",
            new JsonObject { ["payment_source"] = new JsonObject { ["card"] = new JsonObject { ["vault_id"] = tokenOfA } } }.ToJsonString());
        status.ShouldBe(HttpStatusCode.BadRequest, body?.ToJsonString());
        body!.ToJsonString().ShouldNotContain(tokenOfA);
        (await shopperB.GetAsync(paymentOfB.Id())).Field("PayPalOrderId").ShouldBeNull();
    }

    [Fact]
    public async Task A_shopper_transaction_naming_another_payment_s_capture_never_receives_its_refunds()
    {
        var victim = await ApprovedAsync(40_00);
        var paid = await victim.Shopper.SetFieldOkAsync(await victim.Shopper.GetAsync(victim.Payment.Id()), "capturePayPalOrderRequest", "{}");
        var captureId = paid.Transactions().Single()["interactionId"]!.GetValue<string>();
        var attacker = await CustomerWithCartAsync(victim.Vault, 40_00);
        var forged = await attacker.Shopper.CreateAsync(40_00, new JsonObject(), HttpStatusCode.Created);
        var (added, addBody) = await attacker.Shopper.UpdateAsync(forged, new JsonObject
        {
            ["action"] = "addTransaction",
            ["transaction"] = new JsonObject
            {
                ["type"] = "Charge", ["interactionId"] = captureId, ["amount"] = new JsonObject { ["currencyCode"] = "EUR", ["centAmount"] = 40_00 },
            },
        });
        added.ShouldBe(HttpStatusCode.OK, addBody?.ToJsonString());

        // The merchant refunds the victim's capture: the Refund lands on the victim's payment only.
        var refunded = await victim.Vault.Commercetools.SetCustomFieldOkAsync(await victim.Vault.Commercetools.GetPaymentAsync(victim.Payment.Id(), Ct),
            "refundPayPalOrderRequest", """{"amount":"5.00"}""", Ct);
        refunded.Transactions().Count(t => t["type"]!.GetValue<string>() == "Refund").ShouldBe(1);
        (await attacker.Shopper.GetAsync(forged.Id())).Transactions().ShouldAllBe(t => t["type"]!.GetValue<string>() == "Charge" && t["state"]!.GetValue<string>() == "Initial");
    }

    private sealed record Approved(VaultDriver Vault, ShopperDriver.Shopper Shopper, JsonObject Payment, string OrderId);

    private sealed record ShopperWithCart(ShopperDriver.Shopper Shopper, JsonObject Customer, JsonObject Cart);

    /// <summary>A shopper's cart, paid through My Payments with a PayPal order the buyer approved.</summary>
    private async Task<Approved> ApprovedAsync(long cents)
    {
        var vault = await VaultDriver.CreateAsync(sandbox, Ct);
        var shopper = await CustomerWithCartAsync(vault, cents);
        var payment = await shopper.Shopper.CreateAsync(cents, new JsonObject(), HttpStatusCode.Created);
        await ShopperDriver.AddPaymentAsync(vault, shopper.Cart, payment.Id());
        payment = await shopper.Shopper.SetFieldOkAsync(payment, "createPayPalOrderRequest", "{}");
        var created = payment.FieldJson("createPayPalOrderResponse");
        var approve = created["links"]!.AsArray().Single(l => l!["rel"]!.GetValue<string>() == "approve")!["href"]!.GetValue<string>();
        using (var decided = await BuyerDriver.DecideAsync(sandbox.Http, approve, "approve", Ct))
        {
            ((int)decided.StatusCode).ShouldBeLessThan(400);
        }

        return new Approved(vault, shopper.Shopper, payment, created["id"]!.GetValue<string>());
    }

    private async Task<ShopperWithCart> CustomerWithCartAsync(VaultDriver vault, long cents)
    {
        var customer = await vault.CreateCustomerAsync(Ct);
        var shopper = await ShopperDriver.ShopperAsync(sandbox, customer);
        var cart = await ShopperDriver.CartAsync(vault, customer, cents);
        return new ShopperWithCart(shopper, customer, cart);
    }

    private static async Task<JsonObject> OrderAsync(VaultDriver vault, string orderId)
    {
        var (status, body) = await vault.PayPalGetAsync($"/v2/checkout/orders/{orderId}", Ct);
        status.ShouldBe(HttpStatusCode.OK, body?.ToJsonString());
        return body!.AsObject();
    }

    private static async Task<JsonObject> MeAsync(ShopperDriver.Shopper shopper)
    {
        var (status, body) = await shopper.SendAsync(HttpMethod.Get, "/me", null);
        status.ShouldBe(HttpStatusCode.OK, body?.ToJsonString());
        return body!.AsObject();
    }

    private static async Task<JsonObject> CustomerAsync(VaultDriver vault, string id)
    {
        var (status, body) = await vault.Commercetools.SendAsync(HttpMethod.Get, $"/customers/{id}", null, Ct);
        status.ShouldBe(HttpStatusCode.OK, body?.ToJsonString());
        return body!.AsObject();
    }

    private static string IdTokenClaims(string idToken)
    {
        var payload = idToken.Split('.')[1].Replace('-', '+').Replace('_', '/');
        return System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=')));
    }

    private static JsonObject SetField(string name, string value) => new() { ["action"] = "setCustomField", ["name"] = name, ["value"] = value };

    private static JsonObject ChangeAmountPlanned(long cents) =>
        new() { ["action"] = "changeAmountPlanned", ["amount"] = new JsonObject { ["currencyCode"] = "EUR", ["centAmount"] = cents } };
}
