using System.Collections;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Connector.Commercetools;
using Connector.PayPal;
using Connector.Service.Tests.Infrastructure;
using Emulator.Commercetools;
using Emulator.PayPal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;

namespace Connector.Service.Tests.Telemetry;

/// <summary>
/// Card data, birth dates, phone numbers, tokens and credentials go through the connector (requests, OAuth, client tokens)
/// and must show up in no log line (message, structured state, scopes, exceptions; every level down to Trace) and in
/// no interface interaction.
/// </summary>
public sealed class SecretsInLogsTests
{
    private const string CardNumber = "4111111111111111";
    private const string SecurityCode = "7291";
    private const string BirthDate = "1987-03-14";
    private const string PhoneNumber = "15123456789";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Card_number_CVV_birth_date_phone_tokens_and_credentials_never_appear_in_logs_or_interface_interactions()
    {
        await using var sandbox = await LoggedSandbox.StartAsync();
        var token = await sandbox.CommercetoolsTokenAsync(Ct);

        // A card order: number and CVV go to PayPal; the connector logs around it.
        var payment = await CreatePaymentAsync(sandbox, token);
        var cardRequest = new JsonObject
        {
            ["payment_source"] = new JsonObject
            {
                ["card"] = new JsonObject
                {
                    ["number"] = CardNumber,
                    ["security_code"] = SecurityCode,
                    ["expiry"] = "2031-08",
                    ["name"] = "Jane Doe",
                },
            },
        }.ToJsonString();
        payment = await SetFieldAsync(sandbox, token, payment, "createPayPalOrderRequest", cardRequest, HttpStatusCode.OK);
        var orderId = payment["custom"]!["fields"]!["PayPalOrderId"]!.GetValue<string>();

        // The client-token flow: the token is the response by contract, but never logged nor kept in an interaction.
        payment = await SetFieldAsync(sandbox, token, payment, "getClientTokenRequest", "{}", HttpStatusCode.OK);
        var clientToken = payment["custom"]!["fields"]!["getClientTokenResponse"]!.GetValue<string>();
        clientToken.Length.ShouldBeGreaterThan(10);

        // Pay Upon Invoice with a birth date and phone number, rejected (no cart): the rejection is logged, the data is not.
        var invoicePayment = await CreatePaymentAsync(sandbox, token);
        var invoiceRequest = new JsonObject
        {
            ["payment_source"] = new JsonObject
            {
                ["pay_upon_invoice"] = new JsonObject
                {
                    ["birth_date"] = BirthDate,
                    ["phone"] = new JsonObject { ["country_code"] = "49", ["national_number"] = PhoneNumber },
                },
            },
        }.ToJsonString();
        await SetFieldAsync(sandbox, token, invoicePayment, "createPayPalOrderRequest", invoiceRequest, HttpStatusCode.BadRequest);

        var services = sandbox.ConnectorServices;
        var secrets = new Dictionary<string, string>
        {
            ["card number"] = CardNumber,
            ["security code"] = SecurityCode,
            ["birth date"] = BirthDate,
            ["phone number"] = PhoneNumber,
            ["client token"] = clientToken,
            ["PayPal access token"] = await services.GetRequiredService<PayPalTokenService>().AccessTokens.GetAsync(Ct),
            ["commercetools access token"] = await services.GetRequiredService<CommercetoolsTokenCache>().AccessTokens.GetAsync(Ct),
            ["PayPal client secret"] = PayPalEmulatorDefaults.ClientSecret,
            ["commercetools client secret"] = CommercetoolsEmulatorDefaults.AdminClientSecret,
            ["extension authorization"] = sandbox.ExtensionAuthorization["Bearer ".Length..],
        };

        var records = sandbox.Logs.GetSnapshot();
        records.Count.ShouldBeGreaterThan(10, "the connector logged nothing: the test would prove nothing");
        var lines = records.Select(Render).ToList();
        foreach (var (what, value) in secrets)
        {
            var pattern = new Regex($"(?<![0-9A-Za-z]){Regex.Escape(value)}(?![0-9A-Za-z])");
            lines.Where(l => pattern.IsMatch(l)).ShouldBeEmpty($"the {what} was logged");
        }

        var stored = (await sandbox.CommercetoolsAsync(token, HttpMethod.Get, $"/payments/{payment["id"]}", null, Ct)).Body!;
        var interactions = stored["interfaceInteractions"]!.AsArray().Select(i => i!["fields"]!["data"]!.GetValue<string>()).ToList();
        interactions.Count.ShouldBe(5); // request and response of two operations, and the amount put on the order
        foreach (var (what, value) in secrets)
        {
            interactions.Where(d => d.Contains(value, StringComparison.Ordinal)).ShouldBeEmpty($"the {what} is in an interface interaction");
        }

        // The operation's log lines carry the ids (and only ids) in their scope.
        var succeeded = records.Single(r => r.Message == $"createPayPalOrder succeeded for {payment["id"]}");
        var scope = succeeded.Scopes.OfType<IEnumerable<KeyValuePair<string, object?>>>().SelectMany(s => s).ToDictionary(p => p.Key, p => p.Value);
        scope["PaymentId"].ShouldBe(payment["id"]!.GetValue<string>());
        scope["PayPalOrderId"].ShouldBe(orderId);
        scope["Operation"].ShouldBe("createPayPalOrder");
        scope["CorrelationId"].ShouldBeOfType<string>().ShouldNotBeEmpty();
    }

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
            else if (scope is IEnumerable items and not string)
            {
                foreach (var item in items)
                {
                    b.Append(' ').Append(item);
                }
            }
        }

        return b.Append(' ').Append(record.Exception).ToString();
    }

    private static async Task<JsonObject> CreatePaymentAsync(LoggedSandbox sandbox, string token)
    {
        var (status, body) = await sandbox.CommercetoolsAsync(token, HttpMethod.Post, "/payments", new JsonObject
        {
            ["amountPlanned"] = new JsonObject { ["currencyCode"] = "EUR", ["centAmount"] = 42_00 },
            ["paymentMethodInfo"] = new JsonObject { ["paymentInterface"] = "PayPal", ["method"] = "card" },
            ["custom"] = new JsonObject { ["type"] = new JsonObject { ["typeId"] = "type", ["key"] = "paypal-payment-type" }, ["fields"] = new JsonObject() },
        }, Ct);
        status.ShouldBe(HttpStatusCode.Created, body?.ToJsonString());
        return body!.AsObject();
    }

    private static async Task<JsonObject> SetFieldAsync(LoggedSandbox sandbox, string token, JsonObject payment, string field, string value, HttpStatusCode expected)
    {
        var (status, body) = await sandbox.CommercetoolsAsync(token, HttpMethod.Post, $"/payments/{payment["id"]}", new JsonObject
        {
            ["version"] = payment["version"]!.GetValue<long>(),
            ["actions"] = new JsonArray(new JsonObject { ["action"] = "setCustomField", ["name"] = field, ["value"] = value }),
        }, Ct);
        status.ShouldBe(expected, body?.ToJsonString());
        return body!.AsObject();
    }
}
