using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Sandbox;

namespace EndToEnd.Tests;

/// <summary>
/// Customer disputes end to end: the PayPal emulator opens and moves disputes and sends its signed CUSTOMER.DISPUTE.* (and
/// refund/reversal) webhooks to the connector deploy registered; the merchant answers through the dispute operations.
/// A sandbox of its own: webhook writes race client updates.
/// </summary>
public sealed class DisputeTests : IAsyncLifetime
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
    public async Task A_dispute_shows_on_the_payment_escalation_adds_a_Pending_Chargeback_and_the_buyer_s_win_makes_it_Success_with_the_refunded_amount_once()
    {
        var ct = await CommercetoolsDriver.CreateAsync(Sandbox, Ct);
        var (paymentId, captureId) = await CapturedAsync(ct, 40_00);

        var opened = await ControlAsync($"/emulator/captures/{captureId}/disputes", new JsonObject { ["reason"] = "MERCHANDISE_OR_SERVICE_NOT_RECEIVED" }, HttpStatusCode.Created);
        var disputeId = opened["dispute_id"]!.GetValue<string>();
        var payment = await WebhookFlowTests.PollAsync(ct, paymentId, p => View(p)?["status"]?.GetValue<string>() == "OPEN");
        payment.Field("PayPalDisputeId").ShouldBe(disputeId);
        var view = View(payment)!;
        view["stage"]!.GetValue<string>().ShouldBe("INQUIRY");
        view["reason"]!.GetValue<string>().ShouldBe("MERCHANDISE_OR_SERVICE_NOT_RECEIVED");
        view["amount"]!["value"]!.GetValue<string>().ShouldBe("40.00");
        view["captureId"]!.GetValue<string>().ShouldBe(captureId);
        DisputeInteractions(payment).Count.ShouldBe(1);
        // An inquiry holds no money.
        payment.Transactions().ShouldNotContain(t => t["type"]!.GetValue<string>() == "Chargeback");

        await ControlAsync($"/emulator/disputes/{disputeId}/escalate", [], HttpStatusCode.OK);
        payment = await WebhookFlowTests.PollAsync(ct, paymentId, p => Chargebacks(p, disputeId).Count > 0);
        Chargebacks(payment, disputeId).ShouldBe([("Pending", 40_00L)]);
        View(payment)!["stage"]!.GetValue<string>().ShouldBe("CHARGEBACK");

        await ControlAsync($"/emulator/disputes/{disputeId}/resolve",
            new JsonObject { ["outcome"] = "RESOLVED_BUYER_FAVOUR", ["amount"] = new JsonObject { ["currency_code"] = "EUR", ["value"] = "25.00" } }, HttpStatusCode.OK);
        await DeliveredAsync("PAYMENT.CAPTURE.REVERSED", 1);
        await DeliveredAsync("CUSTOMER.DISPUTE.RESOLVED", 1);
        payment = await WebhookFlowTests.PollAsync(ct, paymentId, p => Chargebacks(p, disputeId).Any(c => c.State == "Success"));

        // The Pending claim for 40.00 did not happen as such; 25.00 went back, counted once (the reversal is the dispute's money).
        Chargebacks(payment, disputeId).ShouldBe([("Failure", 40_00L), ("Success", 25_00L)], ignoreOrder: true);
        payment.Transactions().Where(t => t["type"]!.GetValue<string>() is "Chargeback" or "Refund")
            .Sum(t => t["state"]!.GetValue<string>() == "Success" ? t["amount"]!["centAmount"]!.GetValue<long>() : 0).ShouldBe(25_00L);
        view = View(payment)!;
        view["status"]!.GetValue<string>().ShouldBe("RESOLVED");
        view["outcome"]!.GetValue<string>().ShouldBe("RESOLVED_BUYER_FAVOUR");
        view["amountRefunded"]!["value"]!.GetValue<string>().ShouldBe("25.00");
        DisputeInteractions(payment).Count.ShouldBe(3);

        // The demo's result page shows the dispute.
        var page = global::Sandbox.Demo.DemoPages.Result(payment, null, null);
        page.ShouldContain($"<dd id=\"dispute-id\">{disputeId}</dd>");
        page.ShouldContain("<dd id=\"dispute-status\">RESOLVED</dd>");
        page.ShouldContain("<dd id=\"dispute-refunded\">25.00 EUR</dd>");
    }

    [Fact]
    public async Task The_seller_s_win_fails_the_Chargeback_and_replayed_or_out_of_order_dispute_webhooks_change_nothing()
    {
        var ct = await CommercetoolsDriver.CreateAsync(Sandbox, Ct);
        var (paymentId, captureId) = await CapturedAsync(ct, 30_00);
        var opened = await ControlAsync($"/emulator/captures/{captureId}/disputes",
            new JsonObject { ["dispute_life_cycle_stage"] = "CHARGEBACK", ["reason"] = "UNAUTHORISED" }, HttpStatusCode.Created);
        var disputeId = opened["dispute_id"]!.GetValue<string>();
        var payment = await WebhookFlowTests.PollAsync(ct, paymentId, p => Chargebacks(p, disputeId).Count > 0);
        Chargebacks(payment, disputeId).ShouldBe([("Pending", 30_00L)]);
        var openSnapshot = await ControlAsync($"/emulator/disputes/{disputeId}", null, HttpStatusCode.OK);

        var resolved = await ControlAsync($"/emulator/disputes/{disputeId}/resolve", new JsonObject { ["outcome"] = "RESOLVED_SELLER_FAVOUR" }, HttpStatusCode.OK);
        payment = await WebhookFlowTests.PollAsync(ct, paymentId, p => View(p)?["status"]?.GetValue<string>() == "RESOLVED");
        Chargebacks(payment, disputeId).ShouldBe([("Failure", 30_00L)]);
        View(payment)!["outcome"]!.GetValue<string>().ShouldBe("RESOLVED_SELLER_FAVOUR");
        var version = payment["version"]!.GetValue<long>();
        var interactions = DisputeInteractions(payment).Count;
        interactions.ShouldBe(2);

        // Signed events delivered directly: the RESOLVED again, then the older OPEN state after it, then a first-seen
        // event that lacks fields (the connector reads the dispute from PayPal).
        await using var connector = await WebhookConnector.StartAsync(Sandbox);
        foreach (var evt in new[]
        {
            WebhookEvents.Create("CUSTOMER.DISPUTE.RESOLVED", "dispute", resolved.DeepClone().AsObject()),
            WebhookEvents.Create("CUSTOMER.DISPUTE.RESOLVED", "dispute", resolved.DeepClone().AsObject()),
            WebhookEvents.Create("CUSTOMER.DISPUTE.CREATED", "dispute", openSnapshot.DeepClone().AsObject()),
        })
        {
            (await connector.DeliverAsync(evt, Ct)).ShouldBe(200);
        }

        payment = await ct.GetPaymentAsync(paymentId, Ct);
        // The OPEN state was logged already, so the older event adds no interaction either.
        payment["version"]!.GetValue<long>().ShouldBe(version, "replayed and older dispute events must change nothing");
        Chargebacks(payment, disputeId).ShouldBe([("Failure", 30_00L)]);
        View(payment)!["status"]!.GetValue<string>().ShouldBe("RESOLVED");

        var partial = new JsonObject
        {
            ["dispute_id"] = disputeId,
            ["disputed_transactions"] = new JsonArray(new JsonObject { ["seller_transaction_id"] = captureId }),
        };
        (await connector.DeliverAsync(WebhookEvents.Create("CUSTOMER.DISPUTE.UPDATED", "dispute", partial), Ct)).ShouldBe(200);
        payment = await ct.GetPaymentAsync(paymentId, Ct);
        payment["version"]!.GetValue<long>().ShouldBe(version);

        // A dispute about a capture no payment holds: 404 while recent (PayPal retries), nothing changed anywhere.
        var foreign = resolved.DeepClone().AsObject();
        foreign["disputed_transactions"]![0]!["seller_transaction_id"] = "NO-SUCH-CAPTURE";
        foreign["disputed_transactions"]![0]!["invoice_number"] = paymentId;
        (await connector.DeliverAsync(WebhookEvents.Create("CUSTOMER.DISPUTE.RESOLVED", "dispute", foreign), Ct)).ShouldBe(404);
        (await ct.GetPaymentAsync(paymentId, Ct))["version"]!.GetValue<long>().ShouldBe(version);
    }

    [Fact]
    public async Task The_merchant_reads_answers_with_evidence_and_accepts_a_claim_through_the_custom_fields_and_the_money_is_counted_once()
    {
        var ct = await CommercetoolsDriver.CreateAsync(Sandbox, Ct);
        var (paymentId, captureId) = await CapturedAsync(ct, 50_00);
        var opened = await ControlAsync($"/emulator/captures/{captureId}/disputes", new JsonObject { ["dispute_life_cycle_stage"] = "CHARGEBACK" }, HttpStatusCode.Created);
        var disputeId = opened["dispute_id"]!.GetValue<string>();
        await ControlAsync($"/emulator/disputes/{disputeId}/require-evidence", new JsonObject { ["action"] = "SELLER_EVIDENCE" }, HttpStatusCode.OK);
        await WebhookFlowTests.PollAsync(ct, paymentId, p => View(p)?["status"]?.GetValue<string>() == "WAITING_FOR_SELLER_RESPONSE");

        var payment = await WebhookFlowTests.SetFieldAsync(ct, paymentId, "getPayPalDisputeRequest", "{}");
        payment.FieldJson("getPayPalDisputeResponse")["dispute_id"]!.GetValue<string>().ShouldBe(disputeId);
        View(payment)!["sellerResponseDueDate"].ShouldNotBeNull();

        // Invalid input is refused before PayPal is asked.
        var (badStatus, badBody) = await ct.SetCustomFieldAsync(paymentId, payment["version"]!.GetValue<long>(), "providePayPalDisputeEvidenceRequest", """{"evidences":[]}""", Ct);
        badStatus.ShouldBe(HttpStatusCode.BadRequest);
        badBody.ErrorCode().ShouldBe("InvalidInput");

        var evidence = """{"evidences":[{"evidence_type":"PROOF_OF_FULFILLMENT","evidence_info":{"tracking_info":[{"carrier_name":"DHL","tracking_number":"TRK-DISPUTE-1"}]},"notes":"Delivered to the door."}]}""";
        payment = await WebhookFlowTests.SetFieldAsync(ct, paymentId, "providePayPalDisputeEvidenceRequest", evidence);
        payment.Field("providePayPalDisputeEvidenceRequest").ShouldBeNull();
        payment.FieldJson("providePayPalDisputeEvidenceResponse")["success"].ShouldBeNull();
        var atPayPal = await ControlAsync($"/emulator/disputes/{disputeId}", null, HttpStatusCode.OK);
        atPayPal["status"]!.GetValue<string>().ShouldBe("UNDER_REVIEW");
        atPayPal["evidences"]![0]!["evidence_info"]!["tracking_info"]![0]!["tracking_number"]!.GetValue<string>().ShouldBe("TRK-DISPUTE-1");

        // PayPal refuses evidence once it is under review: the answer lands in the response field.
        payment = await WebhookFlowTests.SetFieldAsync(ct, paymentId, "providePayPalDisputeEvidenceRequest", evidence.Replace("TRK-DISPUTE-1", "TRK-DISPUTE-2", StringComparison.Ordinal));
        var refused = payment.FieldJson("providePayPalDisputeEvidenceResponse");
        refused["success"]!.GetValue<bool>().ShouldBeFalse();
        refused.ToJsonString().ShouldContain("ACTION_NOT_ALLOWED_IN_CURRENT_DISPUTE_STATE");

        payment = await WebhookFlowTests.SetFieldAsync(ct, paymentId, "acceptPayPalDisputeClaimRequest", """{"note":"Sorry, refunding in full."}""");
        payment.FieldJson("acceptPayPalDisputeClaimResponse")["success"].ShouldBeNull();
        await DeliveredAsync("PAYMENT.CAPTURE.REFUNDED", 1);
        payment = await WebhookFlowTests.PollAsync(ct, paymentId, p => Chargebacks(p, disputeId).Any(c => c.State == "Success"));
        await WebhookFlowTests.PollAsync(ct, paymentId, p => View(p)?["status"]?.GetValue<string>() == "RESOLVED");
        payment = await ct.GetPaymentAsync(paymentId, Ct);
        Chargebacks(payment, disputeId).ShouldBe([("Success", 50_00L)]);
        // The accept-claim refund is the dispute's money: no Refund transaction besides the Chargeback.
        payment.Transactions().ShouldNotContain(t => t["type"]!.GetValue<string>() == "Refund");

        var capture = await ControlAsync($"/emulator/disputes/{disputeId}", null, HttpStatusCode.OK);
        capture["dispute_outcome"]!["amount_refunded"]!["value"]!.GetValue<string>().ShouldBe("50.00");
    }

    [Fact]
    public async Task An_inquiry_settled_for_the_buyer_is_a_Refund_and_no_Chargeback()
    {
        var ct = await CommercetoolsDriver.CreateAsync(Sandbox, Ct);
        var (paymentId, captureId) = await CapturedAsync(ct, 20_00);
        var opened = await ControlAsync($"/emulator/captures/{captureId}/disputes", [], HttpStatusCode.Created);
        var disputeId = opened["dispute_id"]!.GetValue<string>();
        await WebhookFlowTests.PollAsync(ct, paymentId, p => p.Field("PayPalDisputeId") == disputeId);
        await ControlAsync($"/emulator/disputes/{disputeId}/resolve", new JsonObject { ["outcome"] = "RESOLVED_BUYER_FAVOUR" }, HttpStatusCode.OK);
        var payment = await WebhookFlowTests.PollAsync(ct, paymentId,
            p => View(p)?["status"]?.GetValue<string>() == "RESOLVED" && p.Transactions().Any(t => t["type"]!.GetValue<string>() == "Refund"));
        payment.Transactions().Where(t => t["type"]!.GetValue<string>() == "Refund").Select(t => (t["state"]!.GetValue<string>(), t["amount"]!["centAmount"]!.GetValue<long>()))
            .ShouldBe([("Success", 20_00L)]);
        payment.Transactions().ShouldNotContain(t => t["type"]!.GetValue<string>() == "Chargeback");
    }

    [Fact]
    public async Task A_shopper_s_token_cannot_set_any_dispute_operation_field()
    {
        var shopper = await ShopperDriver.AnonymousShopperAsync(Sandbox);
        var payment = await shopper.CreateAsync(10_00, [], HttpStatusCode.Created);
        foreach (var operation in new[] { "getPayPalDispute", "acceptPayPalDisputeClaim", "providePayPalDisputeEvidence" })
        {
            var (status, body) = await shopper.SetFieldAsync(await shopper.GetAsync(payment.Id()), operation + "Request", """{"disputeId":"PP-D-1"}""");
            status.ShouldBe(HttpStatusCode.BadRequest, operation + ": " + body?.ToJsonString());
            body.ErrorCode().ShouldBe("InvalidOperation", operation);
            body.ErrorMessage().ShouldContain(operation + "Request");
        }

        var after = await shopper.GetAsync(payment.Id());
        global::Sandbox.Demo.DemoPages.Result(after, null, null).ShouldNotContain("id=\"dispute\"");
        after["custom"]!["fields"]!.AsObject().Select(f => f.Key).ShouldNotContain(k => k.Contains("Dispute", StringComparison.Ordinal));
    }

    private async Task<(string PaymentId, string CaptureId)> CapturedAsync(CommercetoolsDriver ct, long cents)
    {
        var payment = await ct.CreatePayPalPaymentAsync("EUR", cents, Ct);
        var paymentId = payment["id"]!.GetValue<string>();
        payment = await WebhookFlowTests.SetFieldAsync(ct, paymentId, "createPayPalOrderRequest", "{}");
        var created = payment.FieldJson("createPayPalOrderResponse");
        var approve = created["links"]!.AsArray().Single(l => l!["rel"]!.GetValue<string>() == "approve")!["href"]!.GetValue<string>();
        using (var decided = await BuyerDriver.DecideAsync(Sandbox.Http, approve, "approve", Ct))
        {
            ((int)decided.StatusCode).ShouldBeLessThan(400);
        }

        payment = await WebhookFlowTests.SetFieldAsync(ct, paymentId, "capturePayPalOrderRequest", "{}");
        var captureId = payment.Transactions().Single(t => t["type"]!.GetValue<string>() == "Charge")["interactionId"]!.GetValue<string>();
        return (paymentId, captureId);
    }

    private static JsonObject? View(JsonObject payment) => payment.Field("PayPalDispute") is { } text ? JsonNode.Parse(text)!.AsObject() : null;

    private static List<(string State, long Cents)> Chargebacks(JsonObject payment, string disputeId) =>
        [.. payment.Transactions()
            .Where(t => t["type"]!.GetValue<string>() == "Chargeback" && t["interactionId"]?.GetValue<string>() == disputeId)
            .Select(t => (t["state"]!.GetValue<string>(), t["amount"]!["centAmount"]!.GetValue<long>()))];

    private static List<JsonObject> DisputeInteractions(JsonObject payment) =>
        [.. (payment["interfaceInteractions"] as JsonArray ?? []).OfType<JsonObject>().Where(i => i["fields"]?["type"]?.GetValue<string>() == "disputeUpdate")];

    private async Task<JsonObject> ControlAsync(string path, JsonObject? body, HttpStatusCode expected)
    {
        using var response = body is null
            ? await Sandbox.Http.GetAsync(Sandbox.Info.PayPal.ApiUrl + path, Ct)
            : await Sandbox.Http.PostAsJsonAsync(Sandbox.Info.PayPal.ApiUrl + path, body, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(expected, text);
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>Waits (bounded) until PayPal has delivered <paramref name="count"/> events of a type with a 2xx answer.</summary>
    private async Task DeliveredAsync(string eventType, int count)
    {
        for (var i = 0; i < 200; i++)
        {
            var body = await Sandbox.Http.GetFromJsonAsync<JsonObject>(Sandbox.Info.PayPal.ApiUrl + "/emulator/webhooks/deliveries", Ct);
            var delivered = body!["deliveries"]!.AsArray().OfType<JsonObject>()
                .Count(d => d["event_type"]!.GetValue<string>() == eventType && d["delivered"]!.GetValue<bool>());
            if (delivered >= count)
            {
                return;
            }

            await Task.Delay(50, Ct);
        }

        throw new TimeoutException($"{eventType} was not delivered {count} time(s)");
    }
}
