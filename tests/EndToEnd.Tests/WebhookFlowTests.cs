using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
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
        _sandbox = new SandboxFixture(new SandboxOptions
        {
            ConnectorPort = 0,
            CommercetoolsPort = 0,
            PayPalPort = 0,
            RegisterPayPalWebhook = true,
            Configure = (name, builder) =>
            {
                if (name == "connector")
                {
                    // The tests switch sendTrackingToPayPal on; the change must show at once.
                    builder.Configuration.AddInMemoryCollection([new("Connector:SettingsCacheSeconds", "0")]);
                }
            },
        });
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

    [Fact]
    public async Task A_parcel_added_in_commercetools_reaches_PayPal_as_a_tracker_through_the_subscription_and_new_tracking_data_adds_another()
    {
        var ct = await CommercetoolsDriver.CreateAsync(Sandbox, Ct);
        await EventTests.SetSendTrackingAsync(ct, true);
        var payment = await ct.CreatePayPalPaymentAsync("EUR", 20_00, Ct);
        var paymentId = payment["id"]!.GetValue<string>();
        payment = await SetFieldAsync(ct, paymentId, "createPayPalOrderRequest", "{}");
        var created = payment.FieldJson("createPayPalOrderResponse");
        var payPalOrderId = created["id"]!.GetValue<string>();
        var approve = created["links"]!.AsArray().Single(l => l!["rel"]!.GetValue<string>() == "approve")!["href"]!.GetValue<string>();
        using (var decided = await BuyerDriver.DecideAsync(Sandbox.Http, approve, "approve", Ct))
        {
            ((int)decided.StatusCode).ShouldBeLessThan(400);
        }

        payment = await SetFieldAsync(ct, paymentId, "capturePayPalOrderRequest", "{}");
        var captureId = payment.Transactions().Single(t => t["type"]!.GetValue<string>() == "Charge")["interactionId"]!.GetValue<string>();

        var order = await EventTests.OrderWithPaymentAsync(ct, paymentId);
        var lineId = order["customLineItems"]![0]!["id"]!.GetValue<string>();
        order = await EventTests.UpdateOrderAsync(ct, order, new JsonObject
        {
            ["action"] = "addDelivery",
            ["items"] = new JsonArray(new JsonObject { ["id"] = lineId, ["quantity"] = 2 }),
        });
        order = await EventTests.UpdateOrderAsync(ct, order, new JsonObject
        {
            ["action"] = "addParcelToDelivery",
            ["deliveryId"] = order["shippingInfo"]!["deliveries"]![0]!["id"]!.DeepClone(),
            ["trackingData"] = new JsonObject { ["trackingId"] = "TRK-FLOW-1", ["carrier"] = "DHL" },
            ["items"] = new JsonArray(new JsonObject { ["id"] = lineId, ["quantity"] = 2 }),
        });

        var first = await PollTrackersAsync(payPalOrderId, 1);
        first.Select(t => t["id"]!.GetValue<string>()).ShouldBe([$"{captureId}-TRK-FLOW-1"]);

        order = await EventTests.UpdateOrderAsync(ct, order, new JsonObject
        {
            ["action"] = "setParcelTrackingData",
            ["parcelId"] = order["shippingInfo"]!["deliveries"]![0]!["parcels"]![0]!["id"]!.DeepClone(),
            ["trackingData"] = new JsonObject { ["trackingId"] = "TRK-FLOW-2", ["carrier"] = "UPS" },
        });

        var both = await PollTrackersAsync(payPalOrderId, 2);
        both.Select(t => t["id"]!.GetValue<string>()).ShouldBe([$"{captureId}-TRK-FLOW-1", $"{captureId}-TRK-FLOW-2"], ignoreOrder: true);
    }

    /// <summary>The subscription push is asynchronous by nature: poll PayPal's order, with a bound.</summary>
    private async Task<List<JsonObject>> PollTrackersAsync(string payPalOrderId, int count)
    {
        List<JsonObject> trackers = [];
        for (var i = 0; i < 200; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"{Sandbox.Info.PayPal.ApiUrl}/v2/checkout/orders/{payPalOrderId}");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await Sandbox.PayPalTokenAsync(Ct));
            using var response = await Sandbox.Http.SendAsync(request, Ct);
            trackers = [.. EventTests.Trackers((await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!)];
            if (trackers.Count >= count)
            {
                break;
            }

            await Task.Delay(50, Ct);
        }

        return trackers;
    }

    /// <summary>Sets a request field at the current version, re-reading on 409: webhooks update the payment concurrently, as in production.</summary>
    internal static async Task<JsonObject> SetFieldAsync(CommercetoolsDriver ct, string paymentId, string field, string value)
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
    internal static async Task<JsonObject> PollAsync(CommercetoolsDriver ct, string paymentId, Func<JsonObject, bool> done)
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
