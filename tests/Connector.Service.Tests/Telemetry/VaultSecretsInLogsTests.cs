using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Connector.Service.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Testing;

namespace Connector.Service.Tests.Telemetry;

/// <summary>
/// Vaulting passes card data, vault token ids (the PaymentMethod token values, which commercetools asks extensions not
/// to log) and id tokens through the connector: none of them may show up in a log line, not even in a rejection.
/// </summary>
public sealed class VaultSecretsInLogsTests
{
    private const string CardNumber = "4111111111111111";
    private const string SecurityCode = "8314";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Card_data_vault_token_ids_and_id_tokens_never_appear_in_logs()
    {
        await using var sandbox = await LoggedSandbox.StartAsync();
        var token = await sandbox.CommercetoolsTokenAsync(Ct);
        var customer = await CreateCustomerAsync(sandbox, token);
        var other = await CreateCustomerAsync(sandbox, token);

        var card = new JsonObject
        {
            ["payment_source"] = new JsonObject
            {
                ["card"] = new JsonObject { ["number"] = CardNumber, ["security_code"] = SecurityCode, ["expiry"] = "2031-08", ["name"] = "Jane Doe" },
            },
        }.ToJsonString();
        customer = await SetFieldAsync(sandbox, token, customer, "createVaultSetupTokenRequest", card, HttpStatusCode.OK);
        var setupTokenId = JsonNode.Parse(Field(customer, "createVaultSetupTokenResponse"))!["id"]!.GetValue<string>();
        customer = await SetFieldAsync(sandbox, token, customer, "createPaymentTokenRequest", setupTokenId, HttpStatusCode.OK);
        var tokenId = JsonNode.Parse(Field(customer, "createPaymentTokenResponse"))!["id"]!.GetValue<string>();
        customer = await SetFieldAsync(sandbox, token, customer, "getUserIDTokenRequest", "{}", HttpStatusCode.OK);
        var idToken = Field(customer, "getUserIDTokenResponse");
        customer = await SetFieldAsync(sandbox, token, customer, "getPaymentTokensRequest", "{}", HttpStatusCode.OK);
        // Rejections are logged with their message: the message must not carry the token.
        await SetFieldAsync(sandbox, token, other, "deletePaymentTokenRequest", tokenId, HttpStatusCode.BadRequest);
        await SetFieldAsync(sandbox, token, customer, "deletePaymentTokenRequest", tokenId, HttpStatusCode.OK);

        var secrets = new Dictionary<string, string>
        {
            ["card number"] = CardNumber,
            ["security code"] = SecurityCode,
            ["setup token id"] = setupTokenId,
            ["payment token id"] = tokenId,
            ["id token"] = idToken,
        };
        var records = sandbox.Logs.GetSnapshot();
        records.Count.ShouldBeGreaterThan(5, "the connector logged nothing: the test would prove nothing");
        var lines = records.Select(Render).ToList();
        foreach (var (what, value) in secrets)
        {
            var pattern = new Regex($"(?<![0-9A-Za-z]){Regex.Escape(value)}(?![0-9A-Za-z])");
            lines.Where(l => pattern.IsMatch(l)).ShouldBeEmpty($"the {what} was logged");
        }
    }

    private static string Field(JsonObject resource, string name) => resource["custom"]!["fields"]![name]!.GetValue<string>();

    private static string Render(FakeLogRecord record)
    {
        var b = new StringBuilder().Append(record.Category).Append(' ').Append(record.Message);
        foreach (var (key, value) in record.StructuredState ?? [])
        {
            b.Append(' ').Append(key).Append('=').Append(value);
        }

        foreach (var scope in record.Scopes)
        {
            b.Append(" scope:").Append(scope);
            if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
            {
                foreach (var (key, value) in pairs)
                {
                    b.Append(' ').Append(key).Append('=').Append(value);
                }
            }
        }

        return b.Append(' ').Append(record.Exception).ToString();
    }

    private static async Task<JsonObject> CreateCustomerAsync(LoggedSandbox sandbox, string token)
    {
        var (status, body) = await sandbox.CommercetoolsAsync(token, HttpMethod.Post, "/customers", new JsonObject
        {
            ["email"] = $"vault-{Guid.NewGuid():N}@example.com",
            ["password"] = "Secret-Pass-1",
            ["custom"] = new JsonObject { ["type"] = new JsonObject { ["typeId"] = "type", ["key"] = "paypal-customer-type" }, ["fields"] = new JsonObject() },
        }, Ct);
        status.ShouldBe(HttpStatusCode.Created, body?.ToJsonString());
        return body!["customer"]!.AsObject();
    }

    /// <summary>Repeats the same update when the 2 s customer extension timed out on a loaded machine (as a storefront would).</summary>
    private static async Task<JsonObject> SetFieldAsync(LoggedSandbox sandbox, string token, JsonObject customer, string field, string value, HttpStatusCode expected)
    {
        var update = new JsonObject
        {
            ["version"] = customer["version"]!.GetValue<long>(),
            ["actions"] = new JsonArray(new JsonObject { ["action"] = "setCustomField", ["name"] = field, ["value"] = value }),
        };
        var (status, body) = await sandbox.CommercetoolsAsync(token, HttpMethod.Post, $"/customers/{customer["id"]}", update, Ct);
        for (var retry = 0; retry < 2 && (status == HttpStatusCode.GatewayTimeout || body?["errors"]?[0]?["code"]?.GetValue<string>() == "InvalidOperation"); retry++)
        {
            (status, body) = await sandbox.CommercetoolsAsync(token, HttpMethod.Post, $"/customers/{customer["id"]}", update, Ct);
        }

        status.ShouldBe(expected, body?.ToJsonString());
        return body!.AsObject();
    }
}
