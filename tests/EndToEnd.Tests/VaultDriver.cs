using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace EndToEnd.Tests;

/// <summary>Customers with the PayPal customer type and the vault requests a storefront backend sends for them.</summary>
public sealed class VaultDriver(SandboxFixture sandbox, CommercetoolsDriver ct)
{
    public const string Password = "Secret-Pass-1";

    public const string PayPalWallet = """{"payment_source":{"paypal":{"usage_type":"MERCHANT","experience_context":{"return_url":"https://shop.example/ok","cancel_url":"https://shop.example/cancel"}}}}""";

    public const string VisaCard = """{"payment_source":{"card":{"number":"4111111111111111","expiry":"2030-12","name":"John Doe"}}}""";

    public CommercetoolsDriver Commercetools => ct;

    public static async Task<VaultDriver> CreateAsync(SandboxFixture sandbox, CancellationToken cancellationToken) =>
        new(sandbox, await CommercetoolsDriver.CreateAsync(sandbox, cancellationToken));

    /// <summary>A customer with a password (for the password flow) and the PayPal customer type, no fields set.</summary>
    public async Task<JsonObject> CreateCustomerAsync(CancellationToken cancellationToken)
    {
        var draft = new JsonObject
        {
            ["email"] = $"shopper-{Guid.NewGuid():N}@example.com",
            ["password"] = Password,
            ["firstName"] = "John",
            ["lastName"] = "Doe",
            ["custom"] = new JsonObject { ["type"] = new JsonObject { ["typeId"] = "type", ["key"] = "paypal-customer-type" }, ["fields"] = new JsonObject() },
        };
        var (status, body) = await ct.SendAsync(HttpMethod.Post, "/customers", draft, cancellationToken);
        status.ShouldBe(HttpStatusCode.Created, body?.ToJsonString());
        return body!["customer"]!.AsObject();
    }

    /// <summary>
    /// Sets one custom field on the customer. Like a storefront, it repeats the same update (same version, so the same
    /// PayPal-Request-Id) when the 2 s customer extension timed out or answered the retryable InvalidOperation: on a
    /// loaded CI machine a cold first call can miss the budget. Every other answer is returned as it is.
    /// </summary>
    public async Task<(HttpStatusCode Status, JsonNode? Body)> SetFieldAsync(JsonObject customer, string name, string? value, CancellationToken cancellationToken)
    {
        var update = new JsonObject
        {
            ["version"] = customer["version"]!.GetValue<long>(),
            ["actions"] = new JsonArray(new JsonObject { ["action"] = "setCustomField", ["name"] = name, ["value"] = value }),
        };
        var (status, body) = await ct.SendAsync(HttpMethod.Post, $"/customers/{customer.Id()}", update, cancellationToken);
        for (var retry = 0; retry < 2 && IsRetryable(status, body); retry++)
        {
            (status, body) = await ct.SendAsync(HttpMethod.Post, $"/customers/{customer.Id()}", update, cancellationToken);
        }

        return (status, body);
    }

    public async Task<JsonObject> SetFieldOkAsync(JsonObject customer, string name, string value, CancellationToken cancellationToken)
    {
        var (status, body) = await SetFieldAsync(customer, name, value, cancellationToken);
        status.ShouldBe(HttpStatusCode.OK, body?.ToJsonString());
        return body!.AsObject();
    }

    private static bool IsRetryable(HttpStatusCode status, JsonNode? body) =>
        status == HttpStatusCode.GatewayTimeout || (status == HttpStatusCode.BadRequest && body.ErrorCode() == "InvalidOperation");

    /// <summary>The customer after a vaulted card (approved at once, no buyer step): customer, token id.</summary>
    public async Task<(JsonObject Customer, string TokenId)> VaultCardAsync(JsonObject customer, CancellationToken cancellationToken)
    {
        customer = await SetFieldOkAsync(customer, "createVaultSetupTokenRequest", VisaCard, cancellationToken);
        var setupToken = customer.FieldJson("createVaultSetupTokenResponse");
        setupToken["status"]!.GetValue<string>().ShouldBe("APPROVED");
        customer = await SetFieldOkAsync(customer, "createPaymentTokenRequest", setupToken["id"]!.GetValue<string>(), cancellationToken);
        var token = customer.FieldJson("createPaymentTokenResponse");
        return (customer, token["id"]!.GetValue<string>());
    }

    /// <summary>A PayPal payment of the customer (created with the merchant's client).</summary>
    public async Task<JsonObject> CreateCustomerPaymentAsync(JsonObject customer, long centAmount, CancellationToken cancellationToken)
    {
        var draft = new JsonObject
        {
            ["amountPlanned"] = new JsonObject { ["currencyCode"] = "EUR", ["centAmount"] = centAmount },
            ["customer"] = new JsonObject { ["typeId"] = "customer", ["id"] = customer.Id() },
            ["paymentMethodInfo"] = new JsonObject { ["paymentInterface"] = "PayPal", ["method"] = "paypal" },
            ["custom"] = new JsonObject { ["type"] = new JsonObject { ["typeId"] = "type", ["key"] = "paypal-payment-type" }, ["fields"] = new JsonObject() },
        };
        var (status, body) = await ct.SendAsync(HttpMethod.Post, "/payments", draft, cancellationToken);
        status.ShouldBe(HttpStatusCode.Created, body?.ToJsonString());
        return body!.AsObject();
    }

    /// <summary>GET on the PayPal emulator with the merchant's credentials (what PayPal itself holds).</summary>
    public async Task<(HttpStatusCode Status, JsonNode? Body)> PayPalGetAsync(string path, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, sandbox.Info.PayPal.ApiUrl + path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await sandbox.PayPalTokenAsync(cancellationToken));
        using var response = await sandbox.Http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return (response.StatusCode, string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text));
    }
}

internal static class VaultJson
{
    public static string Id(this JsonObject resource) => resource["id"]!.GetValue<string>();

    public static string ErrorMessage(this JsonNode? body) => body?["errors"]?[0]?["message"]?.GetValue<string>() ?? body?.ToJsonString() ?? "";

    public static string ErrorCode(this JsonNode? body) => body?["errors"]?[0]?["code"]?.GetValue<string>() ?? body?.ToJsonString() ?? "";
}
