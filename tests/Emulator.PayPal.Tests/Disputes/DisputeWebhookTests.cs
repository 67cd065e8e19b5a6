using System.Net;
using System.Text.Json.Nodes;
using Emulator.PayPal.Tests.Drivers;
using Emulator.PayPal.Webhooks;
using static Emulator.PayPal.Tests.Disputes.DisputeDriver;

namespace Emulator.PayPal.Tests.Disputes;

public sealed class DisputeWebhookTests
{
    private const string DisputeHook = "https://merchant.example.com/disputes";
    private const string CaptureHook = "https://merchant.example.com/captures";

    private static async Task<(EmulatorHost Host, WebhookReceiver Receiver, string WebhookId)> StartAsync(params string[] eventTypes)
    {
        var receiver = new WebhookReceiver();
        var host = await EmulatorHost.StartAsync(null, receiver.Install);
        var (status, webhook) = await host.CallAsync(HttpMethod.Post, "/v1/notifications/webhooks", new JsonObject
        {
            ["url"] = DisputeHook,
            ["event_types"] = new JsonArray([.. eventTypes.Select(t => (JsonNode)new JsonObject { ["name"] = t })]),
        });
        status.ShouldBe(HttpStatusCode.Created, webhook?.ToJsonString());
        return (host, receiver, Str(webhook!["id"]));
    }

    [Fact]
    public async Task Every_step_of_a_dispute_sends_a_signed_dispute_event()
    {
        var (host, receiver, webhookId) = await StartAsync("CUSTOMER.DISPUTE.CREATED", "CUSTOMER.DISPUTE.UPDATED", "CUSTOMER.DISPUTE.RESOLVED");
        await using var _ = host;
        var captured = await CaptureAsync(host);

        var id = Id(await OpenAsync(host, captured.CaptureId));
        var created = await receiver.NextAsync();
        await StepAsync(host, id, "escalate");
        var escalated = await receiver.NextAsync();
        await StepAsync(host, id, "require-evidence");
        var asked = await receiver.NextAsync();
        (await host.CallAsync(HttpMethod.Post, $"/v1/customer/disputes/{id}/provide-evidence", Tracking())).Status.ShouldBe(HttpStatusCode.OK);
        var evidence = await receiver.NextAsync();
        await StepAsync(host, id, "resolve", new JsonObject { ["outcome"] = "RESOLVED_SELLER_FAVOUR" });
        var resolved = await receiver.NextAsync();

        created.Url.ShouldBe(DisputeHook);
        created.EventType.ShouldBe("CUSTOMER.DISPUTE.CREATED");
        Str(created.Json["resource_type"]).ShouldBe("dispute");
        Str(created.Json["summary"]).ShouldContain(id);
        var resource = created.Json["resource"]!;
        Str(resource["dispute_id"]).ShouldBe(id);
        Str(resource["status"]).ShouldBe("OPEN");
        Str(resource["dispute_life_cycle_stage"]).ShouldBe("INQUIRY");
        Str(resource["disputed_transactions"]![0]!["seller_transaction_id"]).ShouldBe(captured.CaptureId);
        Str(resource["disputed_transactions"]![0]!["invoice_number"]).ShouldBe(captured.InvoiceId);
        EmulatorHost.Link(resource, "self").ShouldEndWith($"/v1/customer/disputes/{id}");

        escalated.EventType.ShouldBe("CUSTOMER.DISPUTE.UPDATED");
        Str(escalated.Json["resource"]!["dispute_life_cycle_stage"]).ShouldBe("CHARGEBACK");
        asked.EventType.ShouldBe("CUSTOMER.DISPUTE.UPDATED");
        Str(asked.Json["resource"]!["status"]).ShouldBe("WAITING_FOR_SELLER_RESPONSE");
        evidence.EventType.ShouldBe("CUSTOMER.DISPUTE.UPDATED");
        Str(evidence.Json["resource"]!["status"]).ShouldBe("UNDER_REVIEW");
        Str(evidence.Json["resource"]!["evidences"]![0]!["evidence_type"]).ShouldBe("PROOF_OF_FULFILLMENT");
        resolved.EventType.ShouldBe("CUSTOMER.DISPUTE.RESOLVED");
        Str(resolved.Json["resource"]!["dispute_outcome"]!["outcome_code"]).ShouldBe("RESOLVED_SELLER_FAVOUR");

        var (status, verification) = await host.CallAsync(HttpMethod.Post, "/v1/notifications/verify-webhook-signature", new JsonObject
        {
            ["auth_algo"] = resolved.Headers["PAYPAL-AUTH-ALGO"],
            ["cert_url"] = resolved.Headers["PAYPAL-CERT-URL"],
            ["transmission_id"] = resolved.Headers["PAYPAL-TRANSMISSION-ID"],
            ["transmission_sig"] = resolved.Headers["PAYPAL-TRANSMISSION-SIG"],
            ["transmission_time"] = resolved.Headers["PAYPAL-TRANSMISSION-TIME"],
            ["webhook_id"] = webhookId,
            ["webhook_event"] = resolved.Json.DeepClone(),
        });
        status.ShouldBe(HttpStatusCode.OK);
        Str(verification!["verification_status"]).ShouldBe("SUCCESS");
        var (_, stored) = await host.CallAsync(HttpMethod.Get, $"/v1/notifications/webhooks-events/{resolved.Json["id"]}");
        Str(stored!["event_type"]).ShouldBe("CUSTOMER.DISPUTE.RESOLVED");
    }

    [Fact]
    public async Task Accepting_a_claim_announces_the_refund_and_the_resolution()
    {
        var (host, receiver, _) = await StartAsync("PAYMENT.CAPTURE.REFUNDED", "CUSTOMER.DISPUTE.RESOLVED");
        await using var _ = host;
        var captured = await CaptureAsync(host);
        var id = Id(await OpenAsync(host, captured.CaptureId, new JsonObject { ["amount"] = Payloads.Money("12.50") }));

        await host.CallAsync(HttpMethod.Post, $"/v1/customer/disputes/{id}/accept-claim", new JsonObject { ["note"] = "ok" });
        var deliveries = new[] { await receiver.NextAsync(), await receiver.NextAsync() }.ToDictionary(d => d.EventType);

        deliveries.Keys.Order().ShouldBe(["CUSTOMER.DISPUTE.RESOLVED", "PAYMENT.CAPTURE.REFUNDED"]);
        var refund = deliveries["PAYMENT.CAPTURE.REFUNDED"].Json["resource"]!;
        Str(refund["amount"]!["value"]).ShouldBe("12.50");
        Str(refund["supplementary_data"]!["related_ids"]!["capture_id"]).ShouldBe(captured.CaptureId);
        var dispute = deliveries["CUSTOMER.DISPUTE.RESOLVED"].Json["resource"]!;
        Str(dispute["dispute_outcome"]!["outcome_code"]).ShouldBe("RESOLVED_BUYER_FAVOUR");
        Str(dispute["dispute_outcome"]!["amount_refunded"]!["value"]).ShouldBe("12.50");
    }

    [Fact]
    public async Task Buyer_favour_after_a_chargeback_announces_a_reversal()
    {
        var (host, receiver, _) = await StartAsync("PAYMENT.CAPTURE.REVERSED");
        await using var _ = host;
        var captured = await CaptureAsync(host);
        var id = Id(await OpenAsync(host, captured.CaptureId, new JsonObject { ["dispute_life_cycle_stage"] = "CHARGEBACK" }));

        await StepAsync(host, id, "resolve", new JsonObject { ["outcome"] = "RESOLVED_BUYER_FAVOUR" });
        var reversal = await receiver.NextAsync();

        reversal.EventType.ShouldBe("PAYMENT.CAPTURE.REVERSED");
        Str(reversal.Json["resource"]!["status_details"]!["reason"]).ShouldBe("CHARGEBACK");
        Str(reversal.Json["resource"]!["amount"]!["value"]).ShouldBe("100.00");
    }

    [Fact]
    public async Task Dispute_events_are_listed_and_reach_only_webhooks_subscribed_to_them()
    {
        var (host, receiver, _) = await StartAsync("CUSTOMER.DISPUTE.CREATED");
        await using var _ = host;
        (await host.CallAsync(HttpMethod.Post, "/v1/notifications/webhooks", new JsonObject
        {
            ["url"] = CaptureHook,
            ["event_types"] = new JsonArray(new JsonObject { ["name"] = "PAYMENT.CAPTURE.COMPLETED" }),
        })).Status.ShouldBe(HttpStatusCode.Created);
        var (_, types) = await host.CallAsync(HttpMethod.Get, "/v1/notifications/webhooks-event-types");
        var captured = await CaptureAsync(host);
        var completed = await receiver.NextAsync();

        await OpenAsync(host, captured.CaptureId);
        var created = await receiver.NextAsync();

        var names = types!["event_types"]!.AsArray().Select(t => Str(t!["name"])).ToList();
        names.ShouldContain("CUSTOMER.DISPUTE.CREATED");
        names.ShouldContain("CUSTOMER.DISPUTE.UPDATED");
        names.ShouldContain("CUSTOMER.DISPUTE.RESOLVED");
        completed.Url.ShouldBe(CaptureHook);
        created.Url.ShouldBe(DisputeHook);
        created.EventType.ShouldBe("CUSTOMER.DISPUTE.CREATED");
        host.Service<WebhookDispatcher>().Attempts.Where(a => a.EventType.StartsWith("CUSTOMER.DISPUTE.", StringComparison.Ordinal)).ShouldAllBe(a => a.Url == DisputeHook);
    }
}
