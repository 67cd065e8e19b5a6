using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Sandbox;

namespace EndToEnd.Tests;

/// <summary>
/// The real thing: the PayPal emulator signs and delivers its own webhooks (certificate served by the emulator) to the
/// connector deploy registered, in a sandbox of its own (webhook writes race client updates, which other tests do not expect).
/// </summary>
public sealed class WebhookFlowTests : IAsyncLifetime
{
    private SandboxFixture? _sandbox;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private SandboxFixture Sandbox => _sandbox!;

    public async ValueTask InitializeAsync()
    {
        _sandbox = new SandboxFixture(new SandboxOptions { ConnectorPort = 0, CommercetoolsPort = 0, PayPalPort = 0, RegisterPayPalWebhook = true });
        await _sandbox.InitializeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_sandbox is not null)
        {
            await _sandbox.DisposeAsync();
        }
    }

    [Fact]
    public async Task PayPal_s_signed_webhooks_are_accepted_and_a_refund_and_a_reversal_made_at_PayPal_are_recorded_once()
    {
        var ct = await CommercetoolsDriver.CreateAsync(Sandbox, Ct);
        var payment = await ct.CreatePayPalPaymentAsync("EUR", 40_00, Ct);
        var paymentId = payment["id"]!.GetValue<string>();
        payment = await SetFieldAsync(ct, paymentId, "createPayPalOrderRequest", "{}");
        var created = payment.FieldJson("createPayPalOrderResponse");
        var approve = created["links"]!.AsArray().Single(l => l!["rel"]!.GetValue<string>() == "approve")!["href"]!.GetValue<string>();
        using (var decided = await BuyerDriver.DecideAsync(Sandbox.Http, approve, "approve", Ct))
        {
            ((int)decided.StatusCode).ShouldBeLessThan(400);
        }

        payment = await SetFieldAsync(ct, paymentId, "capturePayPalOrderRequest", "{}");
        var captureId = payment.Transactions().Single(t => t["type"]!.GetValue<string>() == "Charge")["interactionId"]!.GetValue<string>();

        // Money moved at PayPal without the connector asking: only the webhooks can tell commercetools.
        (await ControlAsync($"/emulator/captures/{captureId}/refund", new JsonObject { ["amount"] = new JsonObject { ["currency_code"] = "EUR", ["value"] = "15.00" } }))
            .ShouldBe(HttpStatusCode.Created);
        (await ControlAsync($"/emulator/captures/{captureId}/reverse", new JsonObject { ["amount"] = new JsonObject { ["currency_code"] = "EUR", ["value"] = "25.00" } }))
            .ShouldBe(HttpStatusCode.Created);

        var final = await PollAsync(ct, paymentId, p => p.Transactions().Count() >= 3);
        var transactions = final.Transactions().Select(t => (t["type"]!.GetValue<string>(), t["state"]!.GetValue<string>(), t["amount"]!["centAmount"]!.GetValue<long>())).ToList();
        transactions.ShouldBe([("Charge", "Success", 40_00L), ("Refund", "Success", 15_00L), ("Chargeback", "Success", 25_00L)], ignoreOrder: true);

        var deliveries = await DeliveriesAsync();
        deliveries.ShouldNotBeEmpty();
        deliveries.ShouldAllBe(d => d["status_code"] == null || d["status_code"]!.GetValue<int>() != 401);
        deliveries.Where(d => d["event_type"]!.GetValue<string>() == "PAYMENT.CAPTURE.REFUNDED").ShouldContain(d => d["delivered"]!.GetValue<bool>());
    }

    /// <summary>Sets a request field at the current version, re-reading on 409: webhooks update the payment concurrently, as in production.</summary>
    private static async Task<JsonObject> SetFieldAsync(CommercetoolsDriver ct, string paymentId, string field, string value)
    {
        for (var attempt = 0; ; attempt++)
        {
            var current = await ct.GetPaymentAsync(paymentId, Ct);
            var (status, body) = await ct.SendAsync(HttpMethod.Post, $"/payments/{paymentId}", new JsonObject
            {
                ["version"] = current["version"]!.DeepClone(),
                ["actions"] = new JsonArray(new JsonObject { ["action"] = "setCustomField", ["name"] = field, ["value"] = value }),
            }, Ct);
            if (status != HttpStatusCode.Conflict || attempt == 10)
            {
                status.ShouldBe(HttpStatusCode.OK, body?.ToJsonString());
                return body!.AsObject();
            }
        }
    }

    /// <summary>Webhook delivery is asynchronous by nature: poll, with a bound.</summary>
    private static async Task<JsonObject> PollAsync(CommercetoolsDriver ct, string paymentId, Func<JsonObject, bool> done)
    {
        JsonObject payment = await ct.GetPaymentAsync(paymentId, Ct);
        for (var i = 0; i < 200 && !done(payment); i++)
        {
            await Task.Delay(50, Ct);
            payment = await ct.GetPaymentAsync(paymentId, Ct);
        }

        return payment;
    }

    private async Task<HttpStatusCode> ControlAsync(string path, JsonObject body)
    {
        using var response = await Sandbox.Http.PostAsJsonAsync(Sandbox.Info.PayPal.ApiUrl + path, body, Ct);
        return response.StatusCode;
    }

    private async Task<List<JsonObject>> DeliveriesAsync()
    {
        var body = await Sandbox.Http.GetFromJsonAsync<JsonObject>(Sandbox.Info.PayPal.ApiUrl + "/emulator/webhooks/deliveries", Ct);
        return [.. body!["deliveries"]!.AsArray().Select(d => d!.AsObject())];
    }
}
