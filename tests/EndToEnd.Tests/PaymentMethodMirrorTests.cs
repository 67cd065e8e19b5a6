using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace EndToEnd.Tests;

/// <summary>Each vaulted PayPal token is visible as a commercetools PaymentMethod of its customer.</summary>
public sealed class PaymentMethodMirrorTests(SandboxFixture sandbox)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_vaulted_card_becomes_the_customer_s_default_PaymentMethod_and_the_second_is_not_default()
    {
        var vault = await VaultDriver.CreateAsync(sandbox, Ct);
        var (customer, first) = await vault.VaultCardAsync(await vault.CreateCustomerAsync(Ct), Ct);
        (customer, var second) = await vault.VaultCardAsync(customer, Ct);

        var method = await GetMethodAsync(vault, first);
        method["key"]!.GetValue<string>().ShouldBe($"paypal-{first}");
        method["customer"]!["id"]!.GetValue<string>().ShouldBe(customer.Id());
        method["paymentInterface"]!.GetValue<string>().ShouldBe("PayPal");
        method["method"]!.GetValue<string>().ShouldBe("card");
        method["token"]!["value"]!.GetValue<string>().ShouldBe(first);
        method["name"]!["en"]!.GetValue<string>().ShouldBe("VISA •••• 1111");
        method["paymentMethodStatus"]!.GetValue<string>().ShouldBe("Active");
        method["default"]!.GetValue<bool>().ShouldBeTrue();
        (await GetMethodAsync(vault, second))["default"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task Deleting_a_token_removes_its_PaymentMethod()
    {
        var vault = await VaultDriver.CreateAsync(sandbox, Ct);
        var (customer, token) = await vault.VaultCardAsync(await vault.CreateCustomerAsync(Ct), Ct);
        await GetMethodAsync(vault, token);

        await vault.SetFieldOkAsync(customer, "deletePaymentTokenRequest", token, Ct);

        (await vault.Commercetools.SendAsync(HttpMethod.Get, $"/payment-methods/key=paypal-{token}", null, Ct)).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task getPaymentTokens_recreates_a_missing_mirror_and_removes_one_whose_token_is_gone()
    {
        var vault = await VaultDriver.CreateAsync(sandbox, Ct);
        var (customer, kept) = await vault.VaultCardAsync(await vault.CreateCustomerAsync(Ct), Ct);
        (customer, var gone) = await vault.VaultCardAsync(customer, Ct);
        var keptMethod = await GetMethodAsync(vault, kept);
        (await vault.Commercetools.SendAsync(HttpMethod.Delete, $"/payment-methods/{keptMethod.Id()}?version={keptMethod["version"]}", null, Ct)).Status.ShouldBe(HttpStatusCode.OK);
        await PayPalDeleteAsync($"/v3/vault/payment-tokens/{gone}");

        await vault.SetFieldOkAsync(customer, "getPaymentTokensRequest", "{}", Ct);

        (await GetMethodAsync(vault, kept))["customer"]!["id"]!.GetValue<string>().ShouldBe(customer.Id());
        (await vault.Commercetools.SendAsync(HttpMethod.Get, $"/payment-methods/key=paypal-{gone}", null, Ct)).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_capture_with_vault_on_success_mirrors_the_new_token_and_remembers_the_PayPal_customer()
    {
        var vault = await VaultDriver.CreateAsync(sandbox, Ct);
        var customer = await vault.CreateCustomerAsync(Ct);
        var payment = await vault.CreateCustomerPaymentAsync(customer, 30_00, Ct);
        var request = new JsonObject
        {
            ["storeInVaultOnSuccess"] = true,
            ["payment_source"] = JsonNode.Parse(VaultDriver.PayPalWallet)!["payment_source"]!["paypal"]!.DeepClone() is JsonObject paypal
                ? new JsonObject { ["paypal"] = RemoveUsageType(paypal) }
                : null,
        };
        payment = await vault.Commercetools.SetCustomFieldOkAsync(payment, "createPayPalOrderRequest", request.ToJsonString(), Ct);
        var created = payment.FieldJson("createPayPalOrderResponse");
        var payerAction = created["links"]!.AsArray().Single(l => l!["rel"]!.GetValue<string>() is "payer-action" or "approve")!["href"]!.GetValue<string>();
        using (var decided = await BuyerDriver.DecideAsync(sandbox.Http, payerAction, "approve", Ct))
        {
            ((int)decided.StatusCode).ShouldBeLessThan(400);
        }

        payment = await vault.Commercetools.SetCustomFieldOkAsync(payment, "capturePayPalOrderRequest", "{}", Ct);

        var vaulted = payment.FieldJson("capturePayPalOrderResponse")["payment_source"]!["paypal"]!["attributes"]!["vault"]!;
        vaulted["status"]!.GetValue<string>().ShouldBe("VAULTED");
        var tokenId = vaulted["id"]!.GetValue<string>();
        var method = await GetMethodAsync(vault, tokenId);
        method["customer"]!["id"]!.GetValue<string>().ShouldBe(customer.Id());
        method["method"]!.GetValue<string>().ShouldBe("paypal");
        var (_, reread) = await vault.Commercetools.SendAsync(HttpMethod.Get, $"/customers/{customer.Id()}", null, Ct);
        reread!.AsObject().Field("PayPalUserId").ShouldBe(vaulted["customer"]!["id"]!.GetValue<string>());
    }

    private static JsonObject RemoveUsageType(JsonObject paypal)
    {
        paypal.Remove("usage_type");
        return paypal;
    }

    private static async Task<JsonObject> GetMethodAsync(VaultDriver vault, string tokenId)
    {
        var (status, body) = await vault.Commercetools.SendAsync(HttpMethod.Get, $"/payment-methods/key=paypal-{tokenId}", null, Ct);
        status.ShouldBe(HttpStatusCode.OK, body?.ToJsonString());
        return body!.AsObject();
    }

    private async Task PayPalDeleteAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, sandbox.Info.PayPal.ApiUrl + path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await sandbox.PayPalTokenAsync(Ct));
        using var response = await sandbox.Http.SendAsync(request, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }
}
