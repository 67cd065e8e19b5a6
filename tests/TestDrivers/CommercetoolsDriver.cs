using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace TestDrivers;

/// <summary>
/// Drives a commercetools project (the emulator) the way a storefront backend would: raw JSON over HTTP, so tests share
/// no wire models with the code under test. Compiled into every test project that talks to commercetools; each adds a
/// factory for its own host (loopback sandbox or in-process test servers).
/// </summary>
/// <param name="http">The client that reaches the project (it must not follow redirects).</param>
/// <param name="projectUrl">The API URL including the project key, e.g. <c>http://commercetools.test/my-project</c>.</param>
/// <param name="token">A bearer token with the scopes the test needs.</param>
public sealed partial class CommercetoolsDriver(HttpClient http, string projectUrl, string token)
{
    /// <summary>A client-credentials token from the project's auth service (<c>{authUrl}/oauth/token</c>).</summary>
    public static async Task<string> ClientCredentialsTokenAsync(HttpClient http, string authUrl, string clientId, string clientSecret, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{authUrl}/oauth/token")
        {
            Content = new FormUrlEncodedContent([new("grant_type", "client_credentials")]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{clientId}:{clientSecret}")));
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
        return body!["access_token"]!.GetValue<string>();
    }

    /// <summary>A cart with one custom line item of <paramref name="centAmount"/> EUR, taxes off (its total is exactly that amount).</summary>
    public static JsonObject CartDraft(long centAmount, string? customerId = null, string? anonymousId = null)
    {
        var draft = new JsonObject
        {
            ["currency"] = "EUR",
            ["country"] = "DE",
            ["taxMode"] = "Disabled",
            ["customLineItems"] = new JsonArray(new JsonObject
            {
                ["name"] = new JsonObject { ["en"] = "Gift wrap" },
                ["money"] = new JsonObject { ["currencyCode"] = "EUR", ["centAmount"] = centAmount },
                ["slug"] = "gift-wrap",
                ["quantity"] = 1,
            }),
        };
        if (customerId is not null)
        {
            draft["customerId"] = customerId;
        }

        if (anonymousId is not null)
        {
            draft["anonymousId"] = anonymousId;
        }

        return draft;
    }

    public async Task<JsonObject> CreateCartAsync(JsonObject draft, CancellationToken cancellationToken)
    {
        var (status, body) = await SendAsync(HttpMethod.Post, "/carts", draft, cancellationToken);
        status.ShouldBe(HttpStatusCode.Created, body?.ToJsonString());
        return body!.AsObject();
    }

    /// <summary>The storefront backend attaches the payment to the cart (as it would after creating it); returns the updated cart.</summary>
    public async Task<JsonObject> AddPaymentToCartAsync(JsonObject cart, string paymentId, CancellationToken cancellationToken)
    {
        var (status, body) = await SendAsync(HttpMethod.Post, $"/carts/{cart["id"]!.GetValue<string>()}", new JsonObject
        {
            ["version"] = cart["version"]!.GetValue<long>(),
            ["actions"] = new JsonArray(new JsonObject { ["action"] = "addPayment", ["payment"] = new JsonObject { ["typeId"] = "payment", ["id"] = paymentId } }),
        }, cancellationToken);
        status.ShouldBe(HttpStatusCode.OK, body?.ToJsonString());
        return body!.AsObject();
    }

    public async Task<JsonObject> CreatePayPalPaymentAsync(string currency, long centAmount, CancellationToken cancellationToken, JsonObject? fields = null,
        string? interfaceId = null)
    {
        var draft = new JsonObject
        {
            ["amountPlanned"] = new JsonObject { ["currencyCode"] = currency, ["centAmount"] = centAmount },
            ["paymentMethodInfo"] = new JsonObject { ["paymentInterface"] = "PayPal", ["method"] = "paypal" },
            ["custom"] = new JsonObject { ["type"] = new JsonObject { ["typeId"] = "type", ["key"] = "paypal-payment-type" }, ["fields"] = fields ?? [] },
        };
        if (interfaceId is not null)
        {
            draft["interfaceId"] = interfaceId;
        }

        var (status, body) = await SendAsync(HttpMethod.Post, "/payments", draft, cancellationToken);
        status.ShouldBe(HttpStatusCode.Created, body?.ToJsonString());
        return body!.AsObject();
    }

    public async Task<JsonObject> GetPaymentAsync(string id, CancellationToken cancellationToken)
    {
        var (status, body) = await SendAsync(HttpMethod.Get, $"/payments/{id}", null, cancellationToken);
        status.ShouldBe(HttpStatusCode.OK, body?.ToJsonString());
        return body!.AsObject();
    }

    /// <summary>Sets one custom field, as the Postman collection's requests do; returns status and body.</summary>
    public Task<(HttpStatusCode Status, JsonNode? Body)> SetCustomFieldAsync(string paymentId, long version, string name, string? value, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"/payments/{paymentId}", new JsonObject
        {
            ["version"] = version,
            ["actions"] = new JsonArray(new JsonObject { ["action"] = "setCustomField", ["name"] = name, ["value"] = value }),
        }, cancellationToken);

    public async Task<JsonObject> SetCustomFieldOkAsync(JsonObject payment, string name, string value, CancellationToken cancellationToken)
    {
        var (status, body) = await SetCustomFieldAsync(payment["id"]!.GetValue<string>(), payment["version"]!.GetValue<long>(), name, value, cancellationToken);
        status.ShouldBe(HttpStatusCode.OK, body?.ToJsonString());
        return body!.AsObject();
    }

    public async Task<(HttpStatusCode Status, JsonNode? Body)> SendAsync(HttpMethod method, string path, JsonNode? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, projectUrl + path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return (response.StatusCode, string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text));
    }
}

internal static class PaymentJson
{
    public static string? Field(this JsonObject payment, string name) => payment["custom"]?["fields"]?[name]?.GetValue<string>();

    public static JsonObject FieldJson(this JsonObject payment, string name) =>
        JsonNode.Parse(payment.Field(name) ?? throw new ShouldAssertException($"field {name} is not set on {payment.ToJsonString()}"))!.AsObject();

    public static IEnumerable<JsonObject> Transactions(this JsonObject payment) =>
        payment["transactions"]?.AsArray().Select(t => t!.AsObject()) ?? [];

    /// <summary>
    /// After a capture of the whole order: the response field shows a COMPLETED order, and the payment holds exactly one
    /// Charge, in state Success, for that capture and amount. Returns the capture id.
    /// </summary>
    public static string ShouldHaveCapturedOnce(this JsonObject payment, long centAmount, string currencyCode)
    {
        var captured = payment.FieldJson("capturePayPalOrderResponse");
        captured["status"]!.GetValue<string>().ShouldBe("COMPLETED");
        var captureId = captured["purchase_units"]![0]!["payments"]!["captures"]![0]!["id"]!.GetValue<string>();
        var charge = payment.Transactions().ShouldHaveSingleItem();
        charge["type"]!.GetValue<string>().ShouldBe("Charge");
        charge["state"]!.GetValue<string>().ShouldBe("Success");
        charge["interactionId"]!.GetValue<string>().ShouldBe(captureId);
        charge["amount"]!["centAmount"]!.GetValue<long>().ShouldBe(centAmount);
        charge["amount"]!["currencyCode"]!.GetValue<string>().ShouldBe(currencyCode);
        return captureId;
    }
}
