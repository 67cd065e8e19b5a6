using System.Net;
using System.Text.Json.Nodes;

namespace EndToEnd.Tests;

/// <summary>One customer can neither use, delete nor adopt another customer's saved payment methods.</summary>
public sealed class OwnershipTests(SandboxFixture sandbox)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_customer_cannot_delete_another_customer_s_token()
    {
        var vault = await VaultDriver.CreateAsync(sandbox, Ct);
        var (_, tokenOfB) = await vault.VaultCardAsync(await vault.CreateCustomerAsync(Ct), Ct);
        var (a, _) = await vault.VaultCardAsync(await vault.CreateCustomerAsync(Ct), Ct);

        var (status, body) = await vault.SetFieldAsync(a, "deletePaymentTokenRequest", tokenOfB, Ct);

        status.ShouldBe(HttpStatusCode.BadRequest, body?.ToJsonString());
        body.ErrorCode().ShouldBe("InvalidInput");
        body.ErrorMessage().ShouldContain("deletePaymentTokenRequest");
        body.ErrorMessage().ShouldNotContain(tokenOfB);
        var (paypal, _) = await vault.PayPalGetAsync($"/v3/vault/payment-tokens/{tokenOfB}", Ct);
        paypal.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_customer_without_a_vault_cannot_delete_any_token()
    {
        var vault = await VaultDriver.CreateAsync(sandbox, Ct);
        var (_, tokenOfB) = await vault.VaultCardAsync(await vault.CreateCustomerAsync(Ct), Ct);
        var a = await vault.CreateCustomerAsync(Ct);

        var (status, body) = await vault.SetFieldAsync(a, "deletePaymentTokenRequest", tokenOfB, Ct);

        status.ShouldBe(HttpStatusCode.BadRequest, body?.ToJsonString());
        body.ErrorCode().ShouldBe("InvalidInput");
        (await vault.PayPalGetAsync($"/v3/vault/payment-tokens/{tokenOfB}", Ct)).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("card", "vault_id")]
    [InlineData("paypal", "vault_id")]
    [InlineData("token", "id")]
    public async Task A_payment_cannot_create_an_order_with_another_customer_s_token(string source, string property)
    {
        var vault = await VaultDriver.CreateAsync(sandbox, Ct);
        var (_, tokenOfB) = await vault.VaultCardAsync(await vault.CreateCustomerAsync(Ct), Ct);
        var (a, _) = await vault.VaultCardAsync(await vault.CreateCustomerAsync(Ct), Ct);
        var payment = await vault.CreateCustomerPaymentAsync(a, 10_00, Ct);
        var sourceValue = new JsonObject { [property] = tokenOfB };
        if (source == "token")
        {
            sourceValue["type"] = "BILLING_AGREEMENT";
        }

        var request = new JsonObject { ["payment_source"] = new JsonObject { [source] = sourceValue } }.ToJsonString();
        var (status, body) = await vault.Commercetools.SetCustomFieldAsync(payment.Id(), payment["version"]!.GetValue<long>(), "createPayPalOrderRequest", request, Ct);

        status.ShouldBe(HttpStatusCode.BadRequest, body?.ToJsonString());
        body.ErrorCode().ShouldBe("InvalidInput");
        body.ErrorMessage().ShouldContain($"createPayPalOrderRequest.payment_source.{source}.{property}");
        (await vault.Commercetools.GetPaymentAsync(payment.Id(), Ct)).Field("PayPalOrderId").ShouldBeNull();
    }

    [Fact]
    public async Task A_payment_without_a_customer_cannot_use_a_saved_token()
    {
        var vault = await VaultDriver.CreateAsync(sandbox, Ct);
        var (_, token) = await vault.VaultCardAsync(await vault.CreateCustomerAsync(Ct), Ct);
        var payment = await vault.Commercetools.CreatePayPalPaymentAsync("EUR", 10_00, Ct);

        var (status, body) = await vault.Commercetools.SetCustomFieldAsync(payment.Id(), payment["version"]!.GetValue<long>(), "createPayPalOrderRequest",
            new JsonObject { ["payment_source"] = new JsonObject { ["card"] = new JsonObject { ["vault_id"] = token } } }.ToJsonString(), Ct);

        status.ShouldBe(HttpStatusCode.BadRequest, body?.ToJsonString());
        body.ErrorCode().ShouldBe("InvalidInput");
    }

    [Fact]
    public async Task Capturing_an_order_cannot_switch_to_another_customer_s_token()
    {
        var vault = await VaultDriver.CreateAsync(sandbox, Ct);
        var (_, tokenOfB) = await vault.VaultCardAsync(await vault.CreateCustomerAsync(Ct), Ct);
        var a = await vault.CreateCustomerAsync(Ct);
        var payment = await vault.CreateCustomerPaymentAsync(a, 12_00, Ct);
        payment = await vault.Commercetools.SetCustomFieldOkAsync(payment, "createPayPalOrderRequest", "{}", Ct);

        var request = new JsonObject { ["payment_source"] = new JsonObject { ["card"] = new JsonObject { ["vault_id"] = tokenOfB } } }.ToJsonString();
        var (status, body) = await vault.Commercetools.SetCustomFieldAsync(payment.Id(), payment["version"]!.GetValue<long>(), "capturePayPalOrderRequest", request, Ct);

        status.ShouldBe(HttpStatusCode.BadRequest, body?.ToJsonString());
        body.ErrorCode().ShouldBe("InvalidInput");
        (await vault.Commercetools.GetPaymentAsync(payment.Id(), Ct)).Transactions().ShouldBeEmpty();
    }

    [Theory]
    [InlineData("capturePayPalOrder")]
    [InlineData("getPayPalOrder")]
    public async Task A_payment_cannot_act_on_another_payment_s_PayPal_order(string operation)
    {
        var ct = await CommercetoolsDriver.CreateAsync(sandbox, Ct);
        var victim = await ct.SetCustomFieldOkAsync(await ct.CreatePayPalPaymentAsync("EUR", 80_00, Ct), "createPayPalOrderRequest", "{}", Ct);
        var victimOrder = victim.Field("PayPalOrderId")!;
        var approve = victim.FieldJson("createPayPalOrderResponse")["links"]!.AsArray().Single(l => l!["rel"]!.GetValue<string>() == "approve")!["href"]!.GetValue<string>();
        using (await BuyerDriver.DecideAsync(sandbox.Http, approve, "approve", Ct))
        {
        }

        var attacker = await ct.SetCustomFieldOkAsync(await ct.CreatePayPalPaymentAsync("EUR", 1_00, Ct), "createPayPalOrderRequest", "{}", Ct);
        var (status, body) = await ct.SetCustomFieldAsync(attacker.Id(), attacker["version"]!.GetValue<long>(), operation + "Request",
            new JsonObject { ["orderId"] = victimOrder }.ToJsonString(), Ct);

        status.ShouldBe(HttpStatusCode.BadRequest, body?.ToJsonString());
        body.ErrorMessage().ShouldContain($"{operation}Request.orderId");
        (await ct.GetPaymentAsync(attacker.Id(), Ct)).Transactions().ShouldBeEmpty();
        victim = await ct.SetCustomFieldOkAsync(await ct.GetPaymentAsync(victim.Id(), Ct), "capturePayPalOrderRequest", "{}", Ct);
        victim.Transactions().ShouldHaveSingleItem()["amount"]!["centAmount"]!.GetValue<long>().ShouldBe(80_00);
    }

    [Fact]
    public async Task A_caller_supplied_vault_customer_is_ignored_when_creating_a_setup_token()
    {
        var vault = await VaultDriver.CreateAsync(sandbox, Ct);
        var (b, _) = await vault.VaultCardAsync(await vault.CreateCustomerAsync(Ct), Ct);
        var payPalIdOfB = b.Field("PayPalUserId")!;
        var (a, _) = await vault.VaultCardAsync(await vault.CreateCustomerAsync(Ct), Ct);
        var payPalIdOfA = a.Field("PayPalUserId")!;
        var fresh = await vault.CreateCustomerAsync(Ct);
        var request = new JsonObject
        {
            ["customer"] = new JsonObject { ["id"] = payPalIdOfB },
            ["payment_source"] = JsonNode.Parse(VaultDriver.VisaCard)!["payment_source"]!.DeepClone(),
        }.ToJsonString();

        a = await vault.SetFieldOkAsync(a, "createVaultSetupTokenRequest", request, Ct);
        fresh = await vault.SetFieldOkAsync(fresh, "createVaultSetupTokenRequest", request, Ct);

        a.FieldJson("createVaultSetupTokenResponse")["customer"]!["id"]!.GetValue<string>().ShouldBe(payPalIdOfA);
        a.Field("PayPalUserId").ShouldBe(payPalIdOfA);
        fresh.FieldJson("createVaultSetupTokenResponse")["customer"]!["id"]!.GetValue<string>().ShouldNotBe(payPalIdOfB);
        fresh.Field("PayPalUserId").ShouldNotBe(payPalIdOfB);
    }

    [Fact]
    public async Task A_customer_cannot_exchange_another_customer_s_setup_token()
    {
        var vault = await VaultDriver.CreateAsync(sandbox, Ct);
        var b = await vault.SetFieldOkAsync(await vault.CreateCustomerAsync(Ct), "createVaultSetupTokenRequest", VaultDriver.VisaCard, Ct);
        var setupTokenOfB = b.FieldJson("createVaultSetupTokenResponse")["id"]!.GetValue<string>();
        var a = await vault.SetFieldOkAsync(await vault.CreateCustomerAsync(Ct), "createVaultSetupTokenRequest", VaultDriver.VisaCard, Ct);

        var (status, body) = await vault.SetFieldAsync(a, "createPaymentTokenRequest", setupTokenOfB, Ct);

        status.ShouldBe(HttpStatusCode.BadRequest, body?.ToJsonString());
        body.ErrorCode().ShouldBe("InvalidInput");
        var (_, list) = await vault.PayPalGetAsync($"/v3/vault/payment-tokens?customer_id={a.Field("PayPalUserId")}", Ct);
        list!["payment_tokens"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task A_customer_whose_PayPalUserId_names_another_customer_s_vault_can_neither_list_use_nor_delete_its_tokens()
    {
        var vault = await VaultDriver.CreateAsync(sandbox, Ct);
        var (b, tokenOfB) = await vault.VaultCardAsync(await vault.CreateCustomerAsync(Ct), Ct);
        var a = await vault.CreateCustomerAsync(Ct);
        // PayPalUserId is an ordinary custom field: a shopper token with manage_my_profile could write it.
        var (_, tampered) = await vault.Commercetools.SendAsync(HttpMethod.Post, $"/customers/{a.Id()}", new JsonObject
        {
            ["version"] = a["version"]!.GetValue<long>(),
            ["actions"] = new JsonArray(new JsonObject { ["action"] = "setCustomField", ["name"] = "PayPalUserId", ["value"] = b.Field("PayPalUserId") }),
        }, Ct);
        a = tampered!.AsObject();

        // The field decides nothing: A has no vault bound, so A lists an empty vault and never sees B's token.
        var (status, body) = await vault.SetFieldAsync(a, "getPaymentTokensRequest", "{}", Ct);
        status.ShouldBe(HttpStatusCode.OK, body?.ToJsonString());
        body!.AsObject().FieldJson("getPaymentTokensResponse")["payment_tokens"]!.AsArray().ShouldBeEmpty();
        body.ToJsonString().ShouldNotContain(tokenOfB);
        a = body.AsObject();

        (status, body) = await vault.SetFieldAsync(a, "getUserIDTokenRequest", "{}", Ct);
        status.ShouldBe(HttpStatusCode.OK, body?.ToJsonString());
        a = body!.AsObject();
        var payload = a.Field("getUserIDTokenResponse")!.Split('.')[1].Replace('-', '+').Replace('_', '/');
        var claims = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=')));
        claims.Contains(b.Field("PayPalUserId")!, StringComparison.Ordinal).ShouldBeFalse("an id token for B's vault would show B's saved methods to A");

        (status, body) = await vault.SetFieldAsync(a, "deletePaymentTokenRequest", tokenOfB, Ct);
        status.ShouldBe(HttpStatusCode.BadRequest, body?.ToJsonString());

        var payment = await vault.CreateCustomerPaymentAsync(a, 10_00, Ct);
        (status, body) = await vault.Commercetools.SetCustomFieldAsync(payment.Id(), payment["version"]!.GetValue<long>(), "createPayPalOrderRequest",
            new JsonObject { ["payment_source"] = new JsonObject { ["card"] = new JsonObject { ["vault_id"] = tokenOfB } } }.ToJsonString(), Ct);
        status.ShouldBe(HttpStatusCode.BadRequest, body?.ToJsonString());

        (await vault.Commercetools.SendAsync(HttpMethod.Get, $"/payment-methods/key=paypal-{tokenOfB}", null, Ct)).Body!["customer"]!["id"]!.GetValue<string>().ShouldBe(b.Id());
        (await vault.PayPalGetAsync($"/v3/vault/payment-tokens/{tokenOfB}", Ct)).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_customer_that_never_made_a_setup_token_cannot_exchange_one()
    {
        var vault = await VaultDriver.CreateAsync(sandbox, Ct);
        var b = await vault.SetFieldOkAsync(await vault.CreateCustomerAsync(Ct), "createVaultSetupTokenRequest", VaultDriver.VisaCard, Ct);
        var setupTokenOfB = b.FieldJson("createVaultSetupTokenResponse")["id"]!.GetValue<string>();
        var a = await vault.CreateCustomerAsync(Ct);

        var (status, body) = await vault.SetFieldAsync(a, "createPaymentTokenRequest", setupTokenOfB, Ct);

        status.ShouldBe(HttpStatusCode.BadRequest, body?.ToJsonString());
        body.ErrorCode().ShouldBe("InvalidInput");
    }
}
