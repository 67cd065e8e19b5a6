using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace EndToEnd.Tests;

/// <summary>Drives the emulated commercetools API the way a storefront backend would: raw JSON over HTTP.</summary>
public sealed class CommercetoolsDriver(SandboxFixture sandbox, string token)
{
    private string Base => $"{sandbox.Info.Commercetools.ApiUrl}/{sandbox.Info.Commercetools.ProjectKey}";

    public static async Task<CommercetoolsDriver> CreateAsync(SandboxFixture sandbox, CancellationToken cancellationToken) =>
        new(sandbox, await sandbox.CommercetoolsTokenAsync(cancellationToken));

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
        using var request = new HttpRequestMessage(method, Base + path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        using var response = await sandbox.Http.SendAsync(request, cancellationToken);
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
}
