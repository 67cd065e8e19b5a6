using System.Net;
using System.Text.Json.Nodes;
using Emulator.PayPal.Tests.Drivers;
using static Emulator.PayPal.Tests.Disputes.DisputeDriver;

namespace Emulator.PayPal.Tests.Disputes;

public sealed class DisputeControlTests
{
    [Fact]
    public async Task Opening_a_dispute_checks_the_capture_the_amount_and_the_stage()
    {
        await using var host = await EmulatorHost.StartAsync();
        var captured = await CaptureAsync(host);
        var path = $"/emulator/captures/{captured.CaptureId}/disputes";

        var unknown = await host.CallAsync(HttpMethod.Post, "/emulator/captures/NOSUCHCAPTURE/disputes", new JsonObject());
        var tooMuch = await host.CallAsync(HttpMethod.Post, path, new JsonObject { ["amount"] = Payloads.Money("100.01") });
        var currency = await host.CallAsync(HttpMethod.Post, path, new JsonObject { ["amount"] = Payloads.Money("10.00", "USD") });
        var reason = await host.CallAsync(HttpMethod.Post, path, new JsonObject { ["reason"] = "BORED" });
        var stage = await host.CallAsync(HttpMethod.Post, path, new JsonObject { ["dispute_life_cycle_stage"] = "ARBITRATION" });
        var opened = await host.CallAsync(HttpMethod.Post, path, new JsonObject { ["reason"] = "UNAUTHORISED", ["dispute_life_cycle_stage"] = "CHARGEBACK" });
        var second = await host.CallAsync(HttpMethod.Post, path, new JsonObject());

        unknown.Status.ShouldBe(HttpStatusCode.NotFound);
        Issue(tooMuch.Body).ShouldBe("INVALID_PARAMETER_VALUE");
        Issue(currency.Body).ShouldBe("CURRENCY_MISMATCH");
        Issue(reason.Body).ShouldBe("INVALID_PARAMETER_VALUE");
        Str(reason.Body!["details"]![0]!["field"]).ShouldBe("/reason");
        Issue(stage.Body).ShouldBe("INVALID_PARAMETER_VALUE");
        opened.Status.ShouldBe(HttpStatusCode.Created);
        Str(opened.Body!["reason"]).ShouldBe("UNAUTHORISED");
        Str(opened.Body["dispute_life_cycle_stage"]).ShouldBe("CHARGEBACK");
        Str(opened.Body["dispute_channel"]).ShouldBe("EXTERNAL");
        Str(opened.Body["dispute_amount"]!["value"]).ShouldBe("100.00");
        second.Status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        Issue(second.Body).ShouldBe("DISPUTE_ALREADY_OPEN");
    }

    [Fact]
    public async Task Pending_captures_cannot_be_disputed_and_the_default_amount_is_what_was_not_refunded()
    {
        await using var host = await EmulatorHost.StartAsync();
        var refunded = await CaptureAsync(host);
        await host.CallAsync(HttpMethod.Post, $"/v2/payments/captures/{refunded.CaptureId}/refund", new JsonObject { ["amount"] = Payloads.Money("30.00") });
        await host.CallAsync(HttpMethod.Post, "/emulator/settings", new JsonObject { ["capture_outcome"] = "PENDING" });
        var pending = await CaptureAsync(host);

        var rest = await OpenAsync(host, refunded.CaptureId);
        var (status, error) = await host.CallAsync(HttpMethod.Post, $"/emulator/captures/{pending.CaptureId}/disputes", new JsonObject());

        Str(rest["dispute_amount"]!["value"]).ShouldBe("70.00");
        status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        Issue(error).ShouldBe("CAPTURE_NOT_DISPUTABLE");
    }

    [Fact]
    public async Task Escalation_only_moves_to_later_stages()
    {
        await using var host = await EmulatorHost.StartAsync();
        var captured = await CaptureAsync(host);
        var id = Id(await OpenAsync(host, captured.CaptureId));

        var (_, chargeback) = await StepAsync(host, id, "escalate");
        var (_, preArbitration) = await StepAsync(host, id, "escalate", new JsonObject { ["dispute_life_cycle_stage"] = "PRE_ARBITRATION" });
        var backwards = await StepAsync(host, id, "escalate", new JsonObject { ["dispute_life_cycle_stage"] = "CHARGEBACK" });
        var unknown = await StepAsync(host, id, "escalate", new JsonObject { ["dispute_life_cycle_stage"] = "SUPREME_COURT" });
        var (_, arbitration) = await StepAsync(host, id, "escalate");
        var beyond = await StepAsync(host, id, "escalate");

        Str(chargeback!["dispute_life_cycle_stage"]).ShouldBe("CHARGEBACK");
        Str(chargeback["status"]).ShouldBe("UNDER_REVIEW");
        Str(preArbitration!["dispute_life_cycle_stage"]).ShouldBe("PRE_ARBITRATION");
        backwards.Status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        Issue(backwards.Body).ShouldBe("ACTION_NOT_ALLOWED_IN_CURRENT_DISPUTE_STATE");
        unknown.Status.ShouldBe(HttpStatusCode.BadRequest);
        Str(arbitration!["dispute_life_cycle_stage"]).ShouldBe("ARBITRATION");
        Issue(beyond.Body).ShouldBe("ACTION_NOT_ALLOWED_IN_CURRENT_DISPUTE_STATE");
        (await StepAsync(host, "PP-D-1", "escalate")).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Require_evidence_asks_the_seller_or_the_buyer_by_a_due_date()
    {
        await using var host = await EmulatorHost.StartAsync();
        var captured = await CaptureAsync(host);
        var id = Id(await OpenAsync(host, captured.CaptureId));

        var (_, seller) = await StepAsync(host, id, "require-evidence", new JsonObject { ["due_in_days"] = 3 });
        var (_, buyer) = await StepAsync(host, id, "require-evidence", new JsonObject { ["action"] = "BUYER_EVIDENCE", ["due_in_days"] = 5 });
        var badDays = await StepAsync(host, id, "require-evidence", new JsonObject { ["due_in_days"] = 0 });
        var badAction = await StepAsync(host, id, "require-evidence", new JsonObject { ["action"] = "NOBODY" });

        Str(seller!["status"]).ShouldBe("WAITING_FOR_SELLER_RESPONSE");
        Str(seller["dispute_state"]).ShouldBe("REQUIRED_ACTION");
        Str(seller["seller_response_due_date"]).ShouldBe("2026-11-26T11:00:00Z");
        Str(buyer!["status"]).ShouldBe("WAITING_FOR_BUYER_RESPONSE");
        Str(buyer["dispute_state"]).ShouldBe("REQUIRED_OTHER_PARTY_ACTION");
        Str(buyer["buyer_response_due_date"]).ShouldBe("2026-11-28T11:00:00Z");
        buyer["seller_response_due_date"].ShouldBeNull();
        Issue(badDays.Body).ShouldBe("INVALID_PARAMETER_VALUE");
        Issue(badAction.Body).ShouldBe("INVALID_PARAMETER_VALUE");
    }

    [Fact]
    public async Task A_chargeback_holds_the_money_so_the_merchant_cannot_refund_until_it_resolves()
    {
        await using var host = await EmulatorHost.StartAsync();
        var inquired = await CaptureAsync(host);
        var charged = await CaptureAsync(host);
        await OpenAsync(host, inquired.CaptureId);
        var id = Id(await OpenAsync(host, charged.CaptureId, new JsonObject { ["dispute_life_cycle_stage"] = "CHARGEBACK" }));

        var duringInquiry = await host.CallAsync(HttpMethod.Post, $"/v2/payments/captures/{inquired.CaptureId}/refund", new JsonObject { ["amount"] = Payloads.Money("1.00") });
        var held = await host.CallAsync(HttpMethod.Post, $"/v2/payments/captures/{charged.CaptureId}/refund", new JsonObject { ["amount"] = Payloads.Money("1.00") });
        var (_, resolved) = await StepAsync(host, id, "resolve", new JsonObject { ["outcome"] = "RESOLVED_SELLER_FAVOUR" });
        var released = await host.CallAsync(HttpMethod.Post, $"/v2/payments/captures/{charged.CaptureId}/refund", new JsonObject { ["amount"] = Payloads.Money("1.00") });

        duringInquiry.Status.ShouldBe(HttpStatusCode.Created);
        held.Status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        Issue(held.Body).ShouldBe("REFUND_NOT_PERMITTED_DUE_TO_CHARGEBACK");
        Str(resolved!["dispute_outcome"]!["outcome_code"]).ShouldBe("RESOLVED_SELLER_FAVOUR");
        resolved["dispute_outcome"]!["amount_refunded"].ShouldBeNull();
        released.Status.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Buyer_favour_after_a_chargeback_reverses_the_capture()
    {
        await using var host = await EmulatorHost.StartAsync();
        var captured = await CaptureAsync(host);
        var id = Id(await OpenAsync(host, captured.CaptureId));
        await StepAsync(host, id, "escalate");

        var (status, resolved) = await StepAsync(host, id, "resolve", new JsonObject { ["outcome"] = "RESOLVED_BUYER_FAVOUR" });

        status.ShouldBe(HttpStatusCode.OK);
        Str(resolved!["status"]).ShouldBe("RESOLVED");
        Str(resolved["dispute_outcome"]!["amount_refunded"]!["value"]).ShouldBe("100.00");
        var capture = await CaptureOfAsync(host, captured.CaptureId);
        Str(capture["status"]).ShouldBe("REFUNDED");
        Str(capture["status_details"]!["reason"]).ShouldBe("CHARGEBACK");
    }

    [Fact]
    public async Task Buyer_favour_in_an_inquiry_refunds_the_given_amount()
    {
        await using var host = await EmulatorHost.StartAsync();
        var captured = await CaptureAsync(host);
        var id = Id(await OpenAsync(host, captured.CaptureId, new JsonObject { ["amount"] = Payloads.Money("60.00") }));

        var tooMuch = await StepAsync(host, id, "resolve", new JsonObject { ["outcome"] = "RESOLVED_BUYER_FAVOUR", ["amount"] = Payloads.Money("60.01") });
        var (_, resolved) = await StepAsync(host, id, "resolve", new JsonObject { ["outcome"] = "RESOLVED_BUYER_FAVOUR", ["amount"] = Payloads.Money("30.00") });

        Issue(tooMuch.Body).ShouldBe("INVALID_PARAMETER_VALUE");
        Str(resolved!["dispute_outcome"]!["amount_refunded"]!["value"]).ShouldBe("30.00");
        var capture = await CaptureOfAsync(host, captured.CaptureId);
        Str(capture["status"]).ShouldBe("PARTIALLY_REFUNDED");
        capture["status_details"].ShouldBeNull();
    }

    [Fact]
    public async Task Buyer_cancellation_and_PayPal_payout_leave_the_capture_alone()
    {
        await using var host = await EmulatorHost.StartAsync();
        var cancelled = await CaptureAsync(host);
        var paidOut = await CaptureAsync(host);
        var cancelledId = Id(await OpenAsync(host, cancelled.CaptureId));
        var paidOutId = Id(await OpenAsync(host, paidOut.CaptureId, new JsonObject { ["amount"] = Payloads.Money("20.00") }));

        var missing = await StepAsync(host, cancelledId, "resolve");
        var unknown = await StepAsync(host, cancelledId, "resolve", new JsonObject { ["outcome"] = "NONE" });
        var (_, byBuyer) = await StepAsync(host, cancelledId, "resolve", new JsonObject { ["outcome"] = "CANCELED_BY_BUYER" });
        var again = await StepAsync(host, cancelledId, "resolve", new JsonObject { ["outcome"] = "RESOLVED_SELLER_FAVOUR" });
        var (_, payout) = await StepAsync(host, paidOutId, "resolve", new JsonObject { ["outcome"] = "RESOLVED_WITH_PAYOUT" });

        Issue(missing.Body).ShouldBe("MISSING_REQUIRED_PARAMETER");
        Issue(unknown.Body).ShouldBe("INVALID_PARAMETER_VALUE");
        Str(byBuyer!["dispute_outcome"]!["outcome_code"]).ShouldBe("CANCELED_BY_BUYER");
        again.Status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        Issue(again.Body).ShouldBe("ACTION_NOT_ALLOWED_IN_CURRENT_DISPUTE_STATE");
        Str(payout!["dispute_outcome"]!["amount_refunded"]!["value"]).ShouldBe("20.00");
        Str((await CaptureOfAsync(host, cancelled.CaptureId))["status"]).ShouldBe("COMPLETED");
        Str((await CaptureOfAsync(host, paidOut.CaptureId))["status"]).ShouldBe("COMPLETED");
        (await StepAsync(host, cancelledId, "escalate")).Status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await StepAsync(host, cancelledId, "require-evidence")).Status.ShouldBe(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Control_api_describes_the_dispute_routes()
    {
        await using var host = await EmulatorHost.StartAsync();

        var (_, description) = await host.CallAsync(HttpMethod.Get, "/emulator");

        var endpoints = description!["endpoints"]!.AsArray().Select(e => Str(e)).ToList();
        endpoints.ShouldContain(e => e.StartsWith("POST /emulator/captures/{id}/disputes", StringComparison.Ordinal));
        endpoints.ShouldContain(e => e.StartsWith("POST /emulator/disputes/{id}/resolve", StringComparison.Ordinal));
        endpoints.ShouldContain("GET /emulator/webhooks/deliveries");
    }
}
