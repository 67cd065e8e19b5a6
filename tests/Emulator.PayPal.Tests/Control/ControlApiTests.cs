using System.Net;
using System.Text.Json.Nodes;
using Emulator.PayPal.Tests.Drivers;

namespace Emulator.PayPal.Tests.Control;

public sealed class ControlApiTests
{
    private static async Task<(EmulatorHost Host, WebhookReceiver Receiver)> StartAsync()
    {
        var receiver = new WebhookReceiver();
        var host = await EmulatorHost.StartAsync(null, receiver.Install);
        await host.CallAsync(HttpMethod.Post, "/v1/notifications/webhooks", new JsonObject
        {
            ["url"] = "https://merchant.example.com/hooks",
            ["event_types"] = new JsonArray(
                new JsonObject { ["name"] = "PAYMENT.CAPTURE.COMPLETED" },
                new JsonObject { ["name"] = "PAYMENT.CAPTURE.PENDING" },
                new JsonObject { ["name"] = "PAYMENT.CAPTURE.DENIED" },
                new JsonObject { ["name"] = "PAYMENT.CAPTURE.REFUNDED" },
                new JsonObject { ["name"] = "PAYMENT.CAPTURE.REVERSED" }),
        });
        return (host, receiver);
    }

    private static async Task<string> CaptureAsync(EmulatorHost host)
    {
        var order = await host.CreateOrderAsync(Payloads.CardOrder());
        var (_, captured) = await host.CallAsync(HttpMethod.Post, $"/v2/checkout/orders/{order["id"]}/capture", null, EmulatorHost.Representation("c"));
        return captured!["purchase_units"]![0]!["payments"]!["captures"]![0]!["id"]!.GetValue<string>();
    }

    private static Task<(HttpStatusCode Status, JsonNode? Body)> Control(EmulatorHost host, string path, JsonNode? body = null) =>
        host.CallAsync(HttpMethod.Post, "/emulator" + path, body ?? new JsonObject());

    [Fact]
    public async Task Pending_capture_completes_later_from_the_control_api()
    {
        var (host, receiver) = await StartAsync();
        await using var _ = host;
        (await Control(host, "/settings", new JsonObject { ["capture_outcome"] = "PENDING" })).Status.ShouldBe(HttpStatusCode.OK);

        var captureId = await CaptureAsync(host);

        var (_, pending) = await host.CallAsync(HttpMethod.Get, $"/v2/payments/captures/{captureId}");
        pending!["status"]!.GetValue<string>().ShouldBe("PENDING");
        pending["status_details"]!["reason"]!.GetValue<string>().ShouldBe("PENDING_REVIEW");
        (await receiver.NextAsync()).EventType.ShouldBe("PAYMENT.CAPTURE.PENDING");
        var refund = await host.CallAsync(HttpMethod.Post, $"/v2/payments/captures/{captureId}/refund");
        refund.Body!["details"]![0]!["issue"]!.GetValue<string>().ShouldBe("PENDING_CAPTURE");

        var (status, completed) = await Control(host, $"/captures/{captureId}/complete");

        status.ShouldBe(HttpStatusCode.OK);
        completed!["status"]!.GetValue<string>().ShouldBe("COMPLETED");
        var delivered = await receiver.NextAsync();
        delivered.EventType.ShouldBe("PAYMENT.CAPTURE.COMPLETED");
        delivered.Json["resource"]!["id"]!.GetValue<string>().ShouldBe(captureId);
    }

    [Fact]
    public async Task Pending_capture_can_be_denied()
    {
        var (host, receiver) = await StartAsync();
        await using var _ = host;
        await Control(host, "/settings", new JsonObject { ["capture_outcome"] = "PENDING" });
        var captureId = await CaptureAsync(host);
        await receiver.NextAsync();

        var (_, denied) = await Control(host, $"/captures/{captureId}/deny");

        denied!["status"]!.GetValue<string>().ShouldBe("DECLINED");
        (await receiver.NextAsync()).EventType.ShouldBe("PAYMENT.CAPTURE.DENIED");
        (await Control(host, $"/captures/{captureId}/complete")).Status.ShouldBe(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Reversal_refunds_the_capture_as_a_chargeback()
    {
        var (host, receiver) = await StartAsync();
        await using var _ = host;
        var captureId = await CaptureAsync(host);
        await receiver.NextAsync();

        var (status, reversal) = await Control(host, $"/captures/{captureId}/reverse");

        status.ShouldBe(HttpStatusCode.Created);
        reversal!["amount"]!["value"]!.GetValue<string>().ShouldBe("100.00");
        var (_, capture) = await host.CallAsync(HttpMethod.Get, $"/v2/payments/captures/{captureId}");
        capture!["status"]!.GetValue<string>().ShouldBe("REFUNDED");
        capture["status_details"]!["reason"]!.GetValue<string>().ShouldBe("CHARGEBACK");
        var delivered = await receiver.NextAsync();
        delivered.EventType.ShouldBe("PAYMENT.CAPTURE.REVERSED");
        delivered.Json["resource"]!["status_details"]!["reason"]!.GetValue<string>().ShouldBe("CHARGEBACK");
    }

    [Fact]
    public async Task Refund_from_the_paypal_side_is_announced()
    {
        var (host, receiver) = await StartAsync();
        await using var _ = host;
        var captureId = await CaptureAsync(host);
        await receiver.NextAsync();

        await Control(host, $"/captures/{captureId}/refund", new JsonObject { ["amount"] = Payloads.Money("25.00") });

        var (_, capture) = await host.CallAsync(HttpMethod.Get, $"/v2/payments/captures/{captureId}");
        capture!["status"]!.GetValue<string>().ShouldBe("PARTIALLY_REFUNDED");
        var delivered = await receiver.NextAsync();
        delivered.EventType.ShouldBe("PAYMENT.CAPTURE.REFUNDED");
        delivered.Json["resource"]!["amount"]!["value"]!.GetValue<string>().ShouldBe("25.00");
    }

    [Fact]
    public async Task Injected_faults_answer_5xx_for_the_next_matching_calls_only()
    {
        await using var host = await EmulatorHost.StartAsync();
        await host.AccessTokenAsync();

        (await Control(host, "/faults", new JsonObject { ["status"] = 503, ["count"] = 2, ["path_prefix"] = "/v2/checkout/orders", ["method"] = "POST" })).Status.ShouldBe(HttpStatusCode.Created);

        var first = await host.CallAsync(HttpMethod.Post, "/v2/checkout/orders", Payloads.Order());
        var get = await host.CallAsync(HttpMethod.Get, "/v2/checkout/orders/NOPE");
        var second = await host.CallAsync(HttpMethod.Post, "/v2/checkout/orders", Payloads.Order());
        var third = await host.CallAsync(HttpMethod.Post, "/v2/checkout/orders", Payloads.Order());

        first.Status.ShouldBe(HttpStatusCode.ServiceUnavailable);
        first.Body!["name"]!.GetValue<string>().ShouldBe("SERVICE_UNAVAILABLE");
        get.Status.ShouldBe(HttpStatusCode.NotFound);
        second.Status.ShouldBe(HttpStatusCode.ServiceUnavailable);
        third.Status.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Faults_can_be_listed_and_cleared()
    {
        await using var host = await EmulatorHost.StartAsync();
        await Control(host, "/faults", new JsonObject { ["status"] = 500, ["count"] = 5 });

        var (_, listed) = await host.CallAsync(HttpMethod.Get, "/emulator/faults");
        using var cleared = await host.SendAsync(HttpMethod.Delete, "/emulator/faults", authenticate: false);

        listed!["faults"]![0]!["remaining"]!.GetValue<int>().ShouldBe(5);
        cleared.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await host.CallAsync(HttpMethod.Post, "/v2/checkout/orders", Payloads.Order())).Status.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Latency_holds_api_calls_on_the_clock()
    {
        await using var host = await EmulatorHost.StartAsync(new() { ["Emulator:LatencyMs"] = "250" });
        using var settings = await host.SendAsync(HttpMethod.Get, "/emulator/settings", authenticate: false);
        (await EmulatorHost.JsonAsync(settings))["latency_ms"]!.GetValue<int>().ShouldBe(250);

        // Off the test's synchronization context, so the server side can resume while this thread moves the clock.
        var token = Task.Run(host.AccessTokenAsync, TestContext.Current.CancellationToken);
        token.IsCompleted.ShouldBeFalse();
        await AdvanceUntilDone(host, token);
        var call = Task.Run(() => host.CallAsync(HttpMethod.Post, "/v2/checkout/orders", Payloads.Order()), TestContext.Current.CancellationToken);
        await AdvanceUntilDone(host, call);

        (await call).Status.ShouldBe(HttpStatusCode.Created);
        using var reset = await host.SendAsync(HttpMethod.Post, "/emulator/settings", new JsonObject { ["latency_ms"] = 0 }, authenticate: false);
        (await host.CallAsync(HttpMethod.Post, "/v2/checkout/orders", Payloads.Order())).Status.ShouldBe(HttpStatusCode.Created);
    }

    private static async Task AdvanceUntilDone(EmulatorHost host, Task task)
    {
        while (!task.IsCompleted)
        {
            host.Time.Advance(TimeSpan.FromMilliseconds(50));
            await Task.WhenAny(task, Task.Run(() => { }, TestContext.Current.CancellationToken));
        }
    }

    [Fact]
    public async Task Orders_can_be_approved_without_the_page()
    {
        await using var host = await EmulatorHost.StartAsync();
        var order = await host.CreateOrderAsync(Payloads.PayPalOrder());

        var (status, approved) = await Control(host, $"/orders/{order["id"]}/approve", new JsonObject { ["email"] = "api-buyer@example.com" });

        status.ShouldBe(HttpStatusCode.OK);
        approved!["status"]!.GetValue<string>().ShouldBe("APPROVED");
        approved["payer"]!["email_address"]!.GetValue<string>().ShouldBe("api-buyer@example.com");
    }

    [Fact]
    public async Task Pay_upon_invoice_can_be_completed_on_demand()
    {
        await using var host = await EmulatorHost.StartAsync(new() { ["Emulator:PayUponInvoiceDelayMs"] = "600000" });
        var body = Payloads.Order();
        body["payment_source"] = new JsonObject { ["pay_upon_invoice"] = Payloads.PayUponInvoice() };
        var order = await host.CreateOrderAsync(body, clientMetadataId: "fraudnet-session-1");

        var (status, completed) = await Control(host, $"/orders/{order["id"]}/complete");

        status.ShouldBe(HttpStatusCode.OK);
        completed!["status"]!.GetValue<string>().ShouldBe("COMPLETED");
    }

    [Fact]
    public async Task Faults_can_be_armed_from_configuration()
    {
        await using var host = await EmulatorHost.StartAsync(new()
        {
            ["Emulator:Faults:0:Status"] = "500",
            ["Emulator:Faults:0:Count"] = "1",
            ["Emulator:Faults:0:PathPrefix"] = "/v2/payments",
        });

        var first = await host.CallAsync(HttpMethod.Get, "/v2/payments/captures/NOPE");
        var second = await host.CallAsync(HttpMethod.Get, "/v2/payments/captures/NOPE");

        first.Status.ShouldBe(HttpStatusCode.InternalServerError);
        first.Body!["name"]!.GetValue<string>().ShouldBe("INTERNAL_SERVER_ERROR");
        second.Status.ShouldBe(HttpStatusCode.NotFound);
    }
}
