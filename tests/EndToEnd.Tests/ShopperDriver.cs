using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace EndToEnd.Tests;

/// <summary>
/// A shopper as commercetools sees one: a password-flow or anonymous-session token and only <c>/me/...</c> endpoints,
/// plus the storefront backend's steps around it (a cart, attaching the payment to it).
/// </summary>
public static class ShopperDriver
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<JsonObject> CartAsync(VaultDriver vault, JsonObject customer, long centAmount)
    {
        var (status, body) = await vault.Commercetools.SendAsync(HttpMethod.Post, "/carts", CommercetoolsDriver.CartDraft(centAmount, customerId: customer.Id()), Ct);
        status.ShouldBe(HttpStatusCode.Created, body?.ToJsonString());
        body!["totalPrice"]!["centAmount"]!.GetValue<long>().ShouldBe(centAmount);
        return body.AsObject();
    }

    /// <summary>The storefront backend attaches the payment to the cart (as it would after creating it).</summary>
    public static async Task AddPaymentAsync(VaultDriver vault, JsonObject cart, string paymentId) =>
        await vault.Commercetools.AddPaymentToCartAsync(cart, paymentId, Ct);

    public static async Task<Shopper> ShopperAsync(SandboxFixture sandbox, JsonObject customer)
    {
        var info = sandbox.Info.Commercetools;
        var token = await TokenAsync(sandbox, $"{info.AuthUrl}/oauth/{info.ProjectKey}/customers/token",
            [new("grant_type", "password"), new("username", customer["email"]!.GetValue<string>()), new("password", VaultDriver.Password)]);
        return new Shopper(sandbox, token["access_token"]!.GetValue<string>(), null);
    }

    public static async Task<Shopper> AnonymousShopperAsync(SandboxFixture sandbox)
    {
        var info = sandbox.Info.Commercetools;
        var token = await TokenAsync(sandbox, $"{info.AuthUrl}/oauth/{info.ProjectKey}/anonymous/token", [new("grant_type", "client_credentials")]);
        var anonymousId = token["scope"]!.GetValue<string>().Split(' ').Single(s => s.StartsWith("anonymous_id:", StringComparison.Ordinal))["anonymous_id:".Length..];
        return new Shopper(sandbox, token["access_token"]!.GetValue<string>(), anonymousId);
    }

    private static async Task<JsonObject> TokenAsync(SandboxFixture sandbox, string url, List<KeyValuePair<string, string>> form)
    {
        var info = sandbox.Info.Commercetools;
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{info.ClientId}:{info.ClientSecret}")));
        using var response = await sandbox.Http.SendAsync(request, Ct);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body?.ToJsonString());
        return body!;
    }

    /// <summary>A shopper's client: only <c>/me/...</c> with the shopper's own token.</summary>
    public sealed class Shopper(SandboxFixture sandbox, string token, string? anonymousId)
    {
        public string? AnonymousId => anonymousId;

        public async Task<JsonObject> CreateAsync(long centAmount, JsonObject fields, HttpStatusCode expected)
        {
            var (status, body) = await CreateRawAsync(centAmount, fields);
            status.ShouldBe(expected, body?.ToJsonString());
            return body!.AsObject();
        }

        public Task<(HttpStatusCode Status, JsonNode? Body)> CreateRawAsync(long centAmount, JsonObject fields) =>
            SendAsync(HttpMethod.Post, "/me/payments", new JsonObject
            {
                ["amountPlanned"] = new JsonObject { ["currencyCode"] = "EUR", ["centAmount"] = centAmount },
                ["paymentMethodInfo"] = new JsonObject { ["paymentInterface"] = "PayPal", ["method"] = "paypal" },
                ["custom"] = new JsonObject { ["type"] = new JsonObject { ["typeId"] = "type", ["key"] = "paypal-payment-type" }, ["fields"] = fields },
            });

        public async Task<JsonObject> GetAsync(string id)
        {
            var (status, body) = await SendAsync(HttpMethod.Get, $"/me/payments/{id}", null);
            status.ShouldBe(HttpStatusCode.OK, body?.ToJsonString());
            return body!.AsObject();
        }

        public Task<(HttpStatusCode Status, JsonNode? Body)> SetFieldAsync(JsonObject payment, string name, string value) =>
            SendAsync(HttpMethod.Post, $"/me/payments/{payment.Id()}", new JsonObject
            {
                ["version"] = payment["version"]!.GetValue<long>(),
                ["actions"] = new JsonArray(new JsonObject { ["action"] = "setCustomField", ["name"] = name, ["value"] = value }),
            });

        public async Task<JsonObject> SetFieldOkAsync(JsonObject payment, string name, string value)
        {
            var (status, body) = await SetFieldAsync(payment, name, value);
            status.ShouldBe(HttpStatusCode.OK, body?.ToJsonString());
            return body!.AsObject();
        }

        /// <summary>Any update actions on the shopper's own payment, in one request.</summary>
        public Task<(HttpStatusCode Status, JsonNode? Body)> UpdateAsync(JsonObject payment, params JsonObject[] actions) =>
            SendAsync(HttpMethod.Post, $"/me/payments/{payment.Id()}", new JsonObject
            {
                ["version"] = payment["version"]!.GetValue<long>(),
                ["actions"] = new JsonArray([.. actions]),
            });

        public async Task<(HttpStatusCode Status, JsonNode? Body)> SendAsync(HttpMethod method, string path, JsonNode? body)
        {
            var info = sandbox.Info.Commercetools;
            using var request = new HttpRequestMessage(method, $"{info.ApiUrl}/{info.ProjectKey}{path}");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            if (body is not null)
            {
                request.Content = JsonContent.Create(body);
            }

            using var response = await sandbox.Http.SendAsync(request, Ct);
            var text = await response.Content.ReadAsStringAsync(Ct);
            return (response.StatusCode, string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text));
        }
    }
}
