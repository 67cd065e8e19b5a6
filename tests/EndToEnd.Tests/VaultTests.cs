using System.Net;
using System.Text.Json.Nodes;

namespace EndToEnd.Tests;

/// <summary>Saving a payment method in the PayPal vault through the customer extension, paying with it, deleting it.</summary>
public sealed class VaultTests(SandboxFixture sandbox)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_PayPal_wallet_is_vaulted_after_buyer_approval_listed_paid_with_and_deleted()
    {
        var vault = await VaultDriver.CreateAsync(sandbox, Ct);
        var customer = await vault.CreateCustomerAsync(Ct);

        customer = await vault.SetFieldOkAsync(customer, "createVaultSetupTokenRequest", VaultDriver.PayPalWallet, Ct);
        var setupToken = customer.FieldJson("createVaultSetupTokenResponse");
        setupToken["status"]!.GetValue<string>().ShouldBe("PAYER_ACTION_REQUIRED");
        var payPalUserId = customer.Field("PayPalUserId");
        payPalUserId.ShouldNotBeNullOrEmpty();
        setupToken["customer"]!["id"]!.GetValue<string>().ShouldBe(payPalUserId);
        customer.Field("createVaultSetupTokenRequest").ShouldBeNull();

        var approve = setupToken["links"]!.AsArray().Single(l => l!["rel"]!.GetValue<string>() == "approve")!["href"]!.GetValue<string>();
        using (var decided = await BuyerDriver.DecideAsync(sandbox.Http, approve, "approve", Ct))
        {
            ((int)decided.StatusCode).ShouldBeLessThan(400);
        }

        customer = await vault.SetFieldOkAsync(customer, "createPaymentTokenRequest", setupToken["id"]!.GetValue<string>(), Ct);
        var token = customer.FieldJson("createPaymentTokenResponse");
        var tokenId = token["id"]!.GetValue<string>();
        token["customer"]!["id"]!.GetValue<string>().ShouldBe(payPalUserId);
        token["payment_source"]!["paypal"].ShouldNotBeNull();
        customer.Field("PayPalUserId").ShouldBe(payPalUserId);

        customer = await vault.SetFieldOkAsync(customer, "getPaymentTokensRequest", "{}", Ct);
        var listed = customer.FieldJson("getPaymentTokensResponse")["payment_tokens"]!.AsArray();
        listed.Select(t => t!["id"]!.GetValue<string>()).ShouldBe([tokenId]);

        // Pay with the saved wallet: no buyer step, the capture is recorded as a Charge.
        var payment = await vault.CreateCustomerPaymentAsync(customer, 19_90, Ct);
        payment = await vault.Commercetools.SetCustomFieldOkAsync(payment, "createPayPalOrderRequest",
            new JsonObject { ["payment_source"] = new JsonObject { ["paypal"] = new JsonObject { ["vault_id"] = tokenId } } }.ToJsonString(), Ct);
        payment.FieldJson("createPayPalOrderResponse")["id"].ShouldNotBeNull();
        payment = await vault.Commercetools.SetCustomFieldOkAsync(payment, "capturePayPalOrderRequest", "{}", Ct);
        payment.FieldJson("capturePayPalOrderResponse")["status"]!.GetValue<string>().ShouldBe("COMPLETED");
        var charge = payment.Transactions().ShouldHaveSingleItem();
        charge["type"]!.GetValue<string>().ShouldBe("Charge");
        charge["state"]!.GetValue<string>().ShouldBe("Success");
        charge["amount"]!["centAmount"]!.GetValue<long>().ShouldBe(19_90);

        customer = await vault.SetFieldOkAsync(customer, "deletePaymentTokenRequest", tokenId, Ct);
        customer.FieldJson("deletePaymentTokenResponse")["status"]!.GetValue<string>().ShouldBe("success");
        var (status, _) = await vault.PayPalGetAsync($"/v3/vault/payment-tokens/{tokenId}", Ct);
        status.ShouldBe(HttpStatusCode.NotFound);

        customer = await vault.SetFieldOkAsync(customer, "getPaymentTokensRequest", "{}", Ct);
        customer.FieldJson("getPaymentTokensResponse")["payment_tokens"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task A_capture_with_vault_on_success_remembers_the_PayPal_customer_so_the_token_is_listed()
    {
        var vault = await VaultDriver.CreateAsync(sandbox, Ct);
        var customer = await vault.CreateCustomerAsync(Ct);
        var payment = await vault.CreateCustomerPaymentAsync(customer, 30_00, Ct);
        var request = new JsonObject
        {
            ["storeInVaultOnSuccess"] = true,
            ["payment_source"] = new JsonObject
            {
                ["paypal"] = new JsonObject
                {
                    ["experience_context"] = new JsonObject { ["return_url"] = "https://shop.example/ok", ["cancel_url"] = "https://shop.example/cancel" },
                    // A caller-named vault customer is dropped: the vault customer is the payment's own.
                    ["attributes"] = new JsonObject { ["customer"] = new JsonObject { ["id"] = "someone-else-0001" } },
                },
            },
        };
        payment = await vault.Commercetools.SetCustomFieldOkAsync(payment, "createPayPalOrderRequest", request.ToJsonString(), Ct);
        var payerAction = payment.FieldJson("createPayPalOrderResponse")["links"]!.AsArray()
            .Single(l => l!["rel"]!.GetValue<string>() is "payer-action" or "approve")!["href"]!.GetValue<string>();
        using (var decided = await BuyerDriver.DecideAsync(sandbox.Http, payerAction, "approve", Ct))
        {
            ((int)decided.StatusCode).ShouldBeLessThan(400);
        }

        payment = await vault.Commercetools.SetCustomFieldOkAsync(payment, "capturePayPalOrderRequest", "{}", Ct);

        payment.Transactions().ShouldHaveSingleItem()["state"]!.GetValue<string>().ShouldBe("Success");
        var vaulted = payment.FieldJson("capturePayPalOrderResponse")["payment_source"]!["paypal"]!["attributes"]!["vault"]!;
        vaulted["status"]!.GetValue<string>().ShouldBe("VAULTED");
        var payPalCustomer = vaulted["customer"]!["id"]!.GetValue<string>();
        payPalCustomer.ShouldNotBe("someone-else-0001");
        var (_, reread) = await vault.Commercetools.SendAsync(HttpMethod.Get, $"/customers/{customer.Id()}", null, Ct);
        customer = reread!.AsObject();
        customer.Field("PayPalUserId").ShouldBe(payPalCustomer);
        customer = await vault.SetFieldOkAsync(customer, "getPaymentTokensRequest", "{}", Ct);
        customer.FieldJson("getPaymentTokensResponse")["payment_tokens"]!.AsArray().Select(t => t!["id"]!.GetValue<string>())
            .ShouldBe([vaulted["id"]!.GetValue<string>()]);
    }

    [Fact]
    public async Task A_card_is_vaulted_without_a_buyer_step_into_the_same_PayPal_customer()
    {
        var vault = await VaultDriver.CreateAsync(sandbox, Ct);
        var customer = await vault.CreateCustomerAsync(Ct);

        (customer, var first) = await vault.VaultCardAsync(customer, Ct);
        var payPalUserId = customer.Field("PayPalUserId");
        (customer, var second) = await vault.VaultCardAsync(customer, Ct);

        customer.Field("PayPalUserId").ShouldBe(payPalUserId);
        customer.FieldJson("createPaymentTokenResponse")["payment_source"]!["card"]!["last_digits"]!.GetValue<string>().ShouldBe("1111");
        customer = await vault.SetFieldOkAsync(customer, "getPaymentTokensRequest", "{}", Ct);
        customer.FieldJson("getPaymentTokensResponse")["payment_tokens"]!.AsArray().Select(t => t!["id"]!.GetValue<string>()).ShouldBe([first, second], ignoreOrder: true);
    }

    [Fact]
    public async Task getUserIDToken_answers_an_id_token_and_getPaymentTokens_without_a_vault_answers_an_empty_list()
    {
        var vault = await VaultDriver.CreateAsync(sandbox, Ct);
        var customer = await vault.CreateCustomerAsync(Ct);

        customer = await vault.SetFieldOkAsync(customer, "getUserIDTokenRequest", "{}", Ct);
        var idToken = customer.Field("getUserIDTokenResponse");
        idToken.ShouldNotBeNullOrWhiteSpace();
        idToken!.Split('.').Length.ShouldBe(3, "an id token is a JWT");
        customer.Field("getUserIDTokenRequest").ShouldBeNull();

        customer = await vault.SetFieldOkAsync(customer, "getPaymentTokensRequest", "{}", Ct);
        customer.FieldJson("getPaymentTokensResponse")["payment_tokens"]!.AsArray().ShouldBeEmpty();
        customer.Field("PayPalUserId").ShouldBeNull();
    }

    [Fact]
    public async Task Malformed_vault_requests_are_rejected_with_InvalidInput_naming_the_field()
    {
        var vault = await VaultDriver.CreateAsync(sandbox, Ct);
        var customer = await vault.CreateCustomerAsync(Ct);

        var (status, body) = await vault.SetFieldAsync(customer, "createVaultSetupTokenRequest", "{\"payment_source\":{\"bitcoin\":{}}}", Ct);
        status.ShouldBe(HttpStatusCode.BadRequest);
        body.ErrorCode().ShouldBe("InvalidInput");
        body.ErrorMessage().ShouldContain("createVaultSetupTokenRequest.payment_source.bitcoin");

        (status, body) = await vault.SetFieldAsync(customer, "createVaultSetupTokenRequest", "not json", Ct);
        status.ShouldBe(HttpStatusCode.BadRequest);
        body.ErrorMessage().ShouldContain("createVaultSetupTokenRequest");

        (status, body) = await vault.SetFieldAsync(customer, "createPaymentTokenRequest", "a b c", Ct);
        status.ShouldBe(HttpStatusCode.BadRequest);
        body.ErrorMessage().ShouldContain("createPaymentTokenRequest");
    }
}
