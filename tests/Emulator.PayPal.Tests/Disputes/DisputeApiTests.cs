using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Emulator.PayPal.Tests.Drivers;
using static Emulator.PayPal.Tests.Disputes.DisputeDriver;

namespace Emulator.PayPal.Tests.Disputes;

public sealed class DisputeApiTests
{
    [Fact]
    public async Task Show_dispute_names_the_capture_its_invoice_and_the_disputed_amount()
    {
        await using var host = await EmulatorHost.StartAsync();
        var captured = await CaptureAsync(host);
        var opened = await OpenAsync(host, captured.CaptureId, new JsonObject { ["reason"] = "MERCHANDISE_OR_SERVICE_NOT_AS_DESCRIBED" });

        var dispute = await ShowAsync(host, Id(opened));

        Id(dispute).ShouldStartWith("PP-D-");
        Str(dispute["create_time"]).ShouldBe("2026-11-23T11:00:00Z");
        var transaction = dispute["disputed_transactions"]!.AsArray().Single()!;
        Str(transaction["seller_transaction_id"]).ShouldBe(captured.CaptureId);
        Str(transaction["invoice_number"]).ShouldBe(captured.InvoiceId);
        Str(transaction["gross_amount"]!["value"]).ShouldBe("100.00");
        Str(dispute["reason"]).ShouldBe("MERCHANDISE_OR_SERVICE_NOT_AS_DESCRIBED");
        Str(dispute["status"]).ShouldBe("OPEN");
        Str(dispute["dispute_state"]).ShouldBe("OPEN_INQUIRIES");
        Str(dispute["dispute_amount"]!["currency_code"]).ShouldBe("EUR");
        Str(dispute["dispute_amount"]!["value"]).ShouldBe("100.00");
        Str(dispute["dispute_life_cycle_stage"]).ShouldBe("INQUIRY");
        Str(dispute["dispute_channel"]).ShouldBe("INTERNAL");
        dispute["dispute_outcome"].ShouldBeNull();
        dispute["seller_response_due_date"].ShouldBeNull();
        EmulatorHost.Link(dispute, "self").ShouldBe($"http://localhost/v1/customer/disputes/{Id(dispute)}");
        EmulatorHost.Link(dispute, "accept_claim").ShouldEndWith($"/v1/customer/disputes/{Id(dispute)}/accept-claim");
        EmulatorHost.HasLink(dispute, "provide_evidence").ShouldBeFalse();
        dispute["allowed_response_options"]!["accept_claim"]!["accept_claim_types"]!.AsArray().Select(t => Str(t)).ShouldContain("REFUND");
    }

    [Fact]
    public async Task List_filters_sorts_newest_first_and_pages_with_next_links()
    {
        await using var host = await EmulatorHost.StartAsync();
        var ids = new List<string>();
        var captures = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var captured = await CaptureAsync(host);
            captures.Add(captured.CaptureId);
            ids.Add(Id(await OpenAsync(host, captured.CaptureId)));
            host.Time.Advance(TimeSpan.FromMinutes(10));
        }

        var (status, first) = await host.CallAsync(HttpMethod.Get, "/v1/customer/disputes?page_size=2");
        status.ShouldBe(HttpStatusCode.OK);
        first!["items"]!.AsArray().Select(d => Id(d!)).ShouldBe([ids[2], ids[1]]);
        first["items"]![0]!["disputed_transactions"].ShouldBeNull();
        Str(first["items"]![0]!["dispute_life_cycle_stage"]).ShouldBe("INQUIRY");
        var next = EmulatorHost.Link(first, "next");
        var (_, second) = await host.CallAsync(HttpMethod.Get, new Uri(next).PathAndQuery);
        second!["items"]!.AsArray().Select(d => Id(d!)).ShouldBe([ids[0]]);
        EmulatorHost.HasLink(second, "next").ShouldBeFalse();

        var (_, byTransaction) = await host.CallAsync(HttpMethod.Get, $"/v1/customer/disputes?disputed_transaction_id={captures[1]}");
        byTransaction!["items"]!.AsArray().Select(d => Id(d!)).ShouldBe([ids[1]]);

        await StepAsync(host, ids[0], "require-evidence");
        var (_, updatedAfter) = await host.CallAsync(HttpMethod.Get, "/v1/customer/disputes?update_time_after=2026-11-23T11:25:00Z");
        updatedAfter!["items"]!.AsArray().Select(d => Id(d!)).ShouldBe([ids[0]]);
        var (_, started) = await host.CallAsync(HttpMethod.Get, "/v1/customer/disputes?start_time=2026-11-23T11:05:00Z");
        started!["items"]!.AsArray().Select(d => Id(d!)).ShouldBe([ids[2], ids[1]]);
        var (_, byState) = await host.CallAsync(HttpMethod.Get, "/v1/customer/disputes?dispute_state=REQUIRED_ACTION,RESOLVED");
        byState!["items"]!.AsArray().Select(d => Id(d!)).ShouldBe([ids[0]]);
        var (_, none) = await host.CallAsync(HttpMethod.Get, "/v1/customer/disputes?disputed_transaction_id=NOSUCHCAPTURE");
        none!["items"]!.AsArray().ShouldBeEmpty();
    }

    [Theory]
    [InlineData("page_size=0", "INVALID_PAGE_SIZE")]
    [InlineData("page_size=51", "INVALID_PAGE_SIZE")]
    [InlineData("start_time=yesterday", "INVALID_START_TIME_FORMAT")]
    [InlineData("start_time=2030-01-01T00:00:00Z", "DATE_CAN_NOT_BE_IN_FUTURE")]
    [InlineData("start_time=2026-11-01T00:00:00Z&disputed_transaction_id=ABC", "INVALID_PARAMETER_VALUE")]
    [InlineData("update_time_after=2026-13-01T00:00:00Z", "INVALID_PARAMETER_SYNTAX")]
    [InlineData("next_page_token=%21%21", "INVALID_PARAMETER_VALUE")]
    public async Task List_rejects_bad_query_parameters(string query, string issue)
    {
        await using var host = await EmulatorHost.StartAsync();

        var (status, error) = await host.CallAsync(HttpMethod.Get, "/v1/customer/disputes?" + query);

        status.ShouldBe(HttpStatusCode.BadRequest);
        Str(error!["name"]).ShouldBe("INVALID_REQUEST");
        Issue(error).ShouldBe(issue);
        Str(error["details"]![0]!["location"]).ShouldBe("query");
    }

    [Fact]
    public async Task Disputes_are_private_to_the_client_and_need_a_token()
    {
        await using var host = await EmulatorHost.StartAsync(new()
        {
            ["Emulator:Clients:0:ClientId"] = PayPalEmulatorDefaults.ClientId,
            ["Emulator:Clients:0:ClientSecret"] = PayPalEmulatorDefaults.ClientSecret,
            ["Emulator:Clients:1:ClientId"] = "other-app",
            ["Emulator:Clients:1:ClientSecret"] = "other-secret",
        });
        var captured = await CaptureAsync(host);
        var id = Id(await OpenAsync(host, captured.CaptureId));
        using var tokenResponse = await host.TokenRequestAsync("other-app", "other-secret", new() { ["grant_type"] = "client_credentials" });
        var otherToken = Str((await EmulatorHost.JsonAsync(tokenResponse))["access_token"]);

        var (missingStatus, missing) = await host.CallAsync(HttpMethod.Get, "/v1/customer/disputes/PP-D-00000");
        var foreign = await OtherClientAsync(host, otherToken, HttpMethod.Get, $"/v1/customer/disputes/{id}");
        var foreignList = await OtherClientAsync(host, otherToken, HttpMethod.Get, "/v1/customer/disputes");
        var foreignAccept = await OtherClientAsync(host, otherToken, HttpMethod.Post, $"/v1/customer/disputes/{id}/accept-claim");
        using var anonymous = await host.SendAsync(HttpMethod.Get, $"/v1/customer/disputes/{id}", authenticate: false);

        missingStatus.ShouldBe(HttpStatusCode.NotFound);
        Str(missing!["name"]).ShouldBe("RESOURCE_NOT_FOUND");
        Issue(missing).ShouldBe("INVALID_RESOURCE_ID");
        foreign.Status.ShouldBe(HttpStatusCode.NotFound);
        foreignList.Body!["items"]!.AsArray().ShouldBeEmpty();
        foreignAccept.Status.ShouldBe(HttpStatusCode.NotFound);
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        Str((await ShowAsync(host, id))["status"]).ShouldBe("OPEN");
    }

    [Fact]
    public async Task Accept_claim_refunds_the_disputed_amount_on_the_capture_and_resolves_for_the_buyer()
    {
        await using var host = await EmulatorHost.StartAsync();
        var captured = await CaptureAsync(host);
        var id = Id(await OpenAsync(host, captured.CaptureId, new JsonObject { ["amount"] = Payloads.Money("40.00") }));
        host.Time.Advance(TimeSpan.FromHours(1));

        var (status, answer) = await host.CallAsync(HttpMethod.Post, $"/v1/customer/disputes/{id}/accept-claim",
            new JsonObject { ["note"] = "Sorry, refunding.", ["accept_claim_type"] = "REFUND" });

        status.ShouldBe(HttpStatusCode.OK);
        EmulatorHost.Link(answer!, "self").ShouldEndWith($"/v1/customer/disputes/{id}");
        var dispute = await ShowAsync(host, id);
        Str(dispute["status"]).ShouldBe("RESOLVED");
        Str(dispute["dispute_state"]).ShouldBe("RESOLVED");
        Str(dispute["update_time"]).ShouldBe("2026-11-23T12:00:00Z");
        Str(dispute["dispute_outcome"]!["outcome_code"]).ShouldBe("RESOLVED_BUYER_FAVOUR");
        Str(dispute["dispute_outcome"]!["amount_refunded"]!["value"]).ShouldBe("40.00");
        Str(dispute["money_movements"]![0]!["amount"]!["value"]).ShouldBe("40.00");
        EmulatorHost.HasLink(dispute, "accept_claim").ShouldBeFalse();
        dispute["allowed_response_options"].ShouldBeNull();

        var capture = await CaptureOfAsync(host, captured.CaptureId);
        Str(capture["status"]).ShouldBe("PARTIALLY_REFUNDED");
        var (_, order) = await host.CallAsync(HttpMethod.Get, $"/v2/checkout/orders/{captured.OrderId}");
        var refund = order!["purchase_units"]![0]!["payments"]!["refunds"]!.AsArray().Single()!;
        Str(refund["amount"]!["value"]).ShouldBe("40.00");
        Str(refund["status"]).ShouldBe("COMPLETED");
    }

    [Fact]
    public async Task Accept_claim_on_a_resolved_dispute_is_unprocessable_and_refunds_nothing_more()
    {
        await using var host = await EmulatorHost.StartAsync();
        var captured = await CaptureAsync(host);
        var id = Id(await OpenAsync(host, captured.CaptureId, new JsonObject { ["amount"] = Payloads.Money("10.00") }));
        (await host.CallAsync(HttpMethod.Post, $"/v1/customer/disputes/{id}/accept-claim")).Status.ShouldBe(HttpStatusCode.OK);

        var (status, error) = await host.CallAsync(HttpMethod.Post, $"/v1/customer/disputes/{id}/accept-claim");

        status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        Str(error!["name"]).ShouldBe("UNPROCESSABLE_ENTITY");
        Issue(error).ShouldBe("ACTION_NOT_ALLOWED_IN_CURRENT_DISPUTE_STATE");
        var (_, order) = await host.CallAsync(HttpMethod.Get, $"/v2/checkout/orders/{captured.OrderId}");
        order!["purchase_units"]![0]!["payments"]!["refunds"]!.AsArray().Count.ShouldBe(1);
    }

    [Fact]
    public async Task Accept_claim_with_the_same_request_id_resolves_and_refunds_once()
    {
        await using var host = await EmulatorHost.StartAsync();
        var captured = await CaptureAsync(host);
        var id = Id(await OpenAsync(host, captured.CaptureId, new JsonObject { ["amount"] = Payloads.Money("25.00") }));
        var headers = new Dictionary<string, string> { ["PayPal-Request-Id"] = "accept-1" };

        var first = await host.CallAsync(HttpMethod.Post, $"/v1/customer/disputes/{id}/accept-claim", new JsonObject(), headers);
        var repeat = await host.CallAsync(HttpMethod.Post, $"/v1/customer/disputes/{id}/accept-claim", new JsonObject(), headers);
        var fresh = await host.CallAsync(HttpMethod.Post, $"/v1/customer/disputes/{id}/accept-claim", new JsonObject(), new() { ["PayPal-Request-Id"] = "accept-2" });

        first.Status.ShouldBe(HttpStatusCode.OK);
        repeat.Status.ShouldBe(HttpStatusCode.OK);
        repeat.Body!.ToJsonString().ShouldBe(first.Body!.ToJsonString());
        fresh.Status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var (_, order) = await host.CallAsync(HttpMethod.Get, $"/v2/checkout/orders/{captured.OrderId}");
        Str(order!["purchase_units"]![0]!["payments"]!["refunds"]!.AsArray().Single()!["amount"]!["value"]).ShouldBe("25.00");
    }

    [Fact]
    public async Task Partial_refund_claims_need_an_amount_within_the_disputed_amount()
    {
        await using var host = await EmulatorHost.StartAsync();
        var captured = await CaptureAsync(host);
        var id = Id(await OpenAsync(host, captured.CaptureId, new JsonObject { ["amount"] = Payloads.Money("50.00") }));
        var path = $"/v1/customer/disputes/{id}/accept-claim";

        var noAmount = await host.CallAsync(HttpMethod.Post, path, new JsonObject { ["accept_claim_type"] = "PARTIAL_REFUND" });
        var tooMuch = await host.CallAsync(HttpMethod.Post, path, new JsonObject { ["accept_claim_type"] = "PARTIAL_REFUND", ["refund_amount"] = Payloads.Money("50.01") });
        var otherCurrency = await host.CallAsync(HttpMethod.Post, path, new JsonObject { ["accept_claim_type"] = "PARTIAL_REFUND", ["refund_amount"] = Payloads.Money("5.00", "USD") });
        var unknownType = await host.CallAsync(HttpMethod.Post, path, new JsonObject { ["accept_claim_type"] = "GIVE_UP" });
        var notOffered = await host.CallAsync(HttpMethod.Post, path, new JsonObject { ["accept_claim_type"] = "REFUND_WITH_RETURN" });
        var wrongNote = await host.CallAsync(HttpMethod.Post, path, new JsonObject { ["note"] = 42 });
        var ok = await host.CallAsync(HttpMethod.Post, path, new JsonObject { ["accept_claim_type"] = "PARTIAL_REFUND", ["refund_amount"] = Payloads.Money("15.00") });

        noAmount.Status.ShouldBe(HttpStatusCode.BadRequest);
        Issue(noAmount.Body).ShouldBe("MISSING_REQUIRED_PARAMETER");
        Str(noAmount.Body!["details"]![0]!["field"]).ShouldBe("/refund_amount");
        Issue(tooMuch.Body).ShouldBe("INVALID_PARAMETER_VALUE");
        Issue(otherCurrency.Body).ShouldBe("CURRENCY_MISMATCH");
        unknownType.Status.ShouldBe(HttpStatusCode.BadRequest);
        notOffered.Status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        Issue(wrongNote.Body).ShouldBe("INVALID_PARAMETER_SYNTAX");
        ok.Status.ShouldBe(HttpStatusCode.OK);
        Str((await ShowAsync(host, id))["dispute_outcome"]!["amount_refunded"]!["value"]).ShouldBe("15.00");
        Str((await CaptureOfAsync(host, captured.CaptureId))["status"]).ShouldBe("PARTIALLY_REFUNDED");
    }

    [Fact]
    public async Task Provide_evidence_moves_a_dispute_waiting_for_the_seller_to_review()
    {
        await using var host = await EmulatorHost.StartAsync();
        var captured = await CaptureAsync(host);
        var id = Id(await OpenAsync(host, captured.CaptureId));
        await StepAsync(host, id, "require-evidence", new JsonObject { ["action"] = "SELLER_EVIDENCE" });
        var waiting = await ShowAsync(host, id);
        Str(waiting["seller_response_due_date"]).ShouldBe("2026-12-03T11:00:00Z");
        EmulatorHost.Link(waiting, "provide_evidence").ShouldEndWith($"/v1/customer/disputes/{id}/provide-evidence");

        var (status, answer) = await host.CallAsync(HttpMethod.Post, $"/v1/customer/disputes/{id}/provide-evidence", Tracking());

        status.ShouldBe(HttpStatusCode.OK);
        EmulatorHost.Link(answer!, "self").ShouldEndWith($"/v1/customer/disputes/{id}");
        var dispute = await ShowAsync(host, id);
        Str(dispute["status"]).ShouldBe("UNDER_REVIEW");
        Str(dispute["dispute_state"]).ShouldBe("UNDER_PAYPAL_REVIEW");
        dispute["seller_response_due_date"].ShouldBeNull();
        EmulatorHost.HasLink(dispute, "provide_evidence").ShouldBeFalse();
        var evidence = dispute["evidences"]!.AsArray().Single()!;
        Str(evidence["evidence_type"]).ShouldBe("PROOF_OF_FULFILLMENT");
        Str(evidence["evidence_info"]!["tracking_info"]![0]!["tracking_number"]).ShouldBe("1Z999AA10123456784");
        Str(evidence["evidence_info"]!["tracking_info"]![0]!["carrier_name"]).ShouldBe("UPS");
        Str(evidence["notes"]).ShouldBe("Delivered to the front door.");
        Str(evidence["source"]).ShouldBe("SUBMITTED_BY_SELLER");
        Str(evidence["dispute_life_cycle_stage"]).ShouldBe("INQUIRY");
    }

    [Fact]
    public async Task Provide_evidence_takes_multipart_form_data_with_an_input_part_and_files()
    {
        await using var host = await EmulatorHost.StartAsync();
        var captured = await CaptureAsync(host);
        var id = Id(await OpenAsync(host, captured.CaptureId));
        await StepAsync(host, id, "require-evidence");
        var input = new JsonObject
        {
            ["evidences"] = new JsonArray(new JsonObject
            {
                ["evidence_type"] = "PROOF_OF_REFUND",
                ["evidence_info"] = new JsonObject { ["refund_ids"] = new JsonArray("REFUND123") },
            }),
        };
        using var form = new MultipartFormDataContent
        {
            { new StringContent(input.ToJsonString(), Encoding.UTF8, "application/json"), "input" },
            { new ByteArrayContent("%PDF-1.4 receipt"u8.ToArray()), "evidence-file", "receipt.pdf" },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/customer/disputes/{id}/provide-evidence") { Content = form };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await host.AccessTokenAsync());

        using var response = await host.Client.SendAsync(request, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var evidence = (await ShowAsync(host, id))["evidences"]!.AsArray().Single()!;
        Str(evidence["evidence_type"]).ShouldBe("PROOF_OF_REFUND");
        Str(evidence["evidence_info"]!["refund_ids"]![0]).ShouldBe("REFUND123");
        Str(evidence["documents"]![0]!["name"]).ShouldBe("receipt.pdf");
    }

    [Fact]
    public async Task Provide_evidence_is_refused_unless_the_dispute_waits_for_the_seller()
    {
        await using var host = await EmulatorHost.StartAsync();
        var captured = await CaptureAsync(host);
        var id = Id(await OpenAsync(host, captured.CaptureId));

        var whileOpen = await host.CallAsync(HttpMethod.Post, $"/v1/customer/disputes/{id}/provide-evidence", Tracking());
        await StepAsync(host, id, "require-evidence", new JsonObject { ["action"] = "BUYER_EVIDENCE" });
        var whileBuyerAnswers = await host.CallAsync(HttpMethod.Post, $"/v1/customer/disputes/{id}/provide-evidence", Tracking());

        whileOpen.Status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        Issue(whileOpen.Body).ShouldBe("ACTION_NOT_ALLOWED_IN_CURRENT_DISPUTE_STATE");
        Issue(whileBuyerAnswers.Body).ShouldBe("ACTION_NOT_ALLOWED_IN_CURRENT_DISPUTE_STATE");
        (await ShowAsync(host, id))["evidences"].ShouldBeNull();
    }

    public static TheoryData<string, string, string> BadEvidence => new()
    {
        { """{}""", "MISSING_REQUIRED_PARAMETER", "/evidences" },
        { """{"evidences":[]}""", "INVALID_ARRAY_MIN_ITEMS", "/evidences" },
        { """{"evidences":[{"evidence_type":"PROOF_OF_MAGIC","notes":"x"}]}""", "INVALID_PARAMETER_VALUE", "/evidences/0/evidence_type" },
        { """{"evidences":[{"notes":"x"}]}""", "MISSING_REQUIRED_PARAMETER", "/evidences/0/evidence_type" },
        { """{"evidences":[{"evidence_type":"PROOF_OF_FULFILLMENT"}]}""", "MISSING_EVIDENCE_INFO", "/evidences/0/evidence_info" },
        { """{"evidences":[{"evidence_type":"PROOF_OF_FULFILLMENT","evidence_info":{"tracking_info":[{"carrier_name":"UPS"}]}}]}""", "MISSING_REQUIRED_PARAMETER", "/evidences/0/evidence_info/tracking_info/0/tracking_number" },
        { """{"evidences":[{"evidence_type":"PROOF_OF_REFUND","evidence_info":{"refund_ids":[7]}}]}""", "INVALID_PARAMETER_SYNTAX", "/evidences/0/evidence_info/refund_ids/0" },
    };

    [Theory]
    [MemberData(nameof(BadEvidence))]
    public async Task Provide_evidence_reports_precise_errors(string body, string issue, string field)
    {
        await using var host = await EmulatorHost.StartAsync();
        var captured = await CaptureAsync(host);
        var id = Id(await OpenAsync(host, captured.CaptureId));
        await StepAsync(host, id, "require-evidence");

        var (status, error) = await host.CallAsync(HttpMethod.Post, $"/v1/customer/disputes/{id}/provide-evidence", JsonNode.Parse(body));

        ((int)status).ShouldBeInRange(400, 422);
        Issue(error).ShouldBe(issue);
        Str(error!["details"]![0]!["field"]).ShouldBe(field);
        Str((await ShowAsync(host, id))["status"]).ShouldBe("WAITING_FOR_SELLER_RESPONSE");
    }

    [Fact]
    public async Task Provide_evidence_with_the_same_request_id_is_recorded_once()
    {
        await using var host = await EmulatorHost.StartAsync();
        var captured = await CaptureAsync(host);
        var id = Id(await OpenAsync(host, captured.CaptureId));
        await StepAsync(host, id, "require-evidence");
        var headers = new Dictionary<string, string> { ["PayPal-Request-Id"] = "evidence-1" };

        var first = await host.CallAsync(HttpMethod.Post, $"/v1/customer/disputes/{id}/provide-evidence", Tracking(), headers);
        var repeat = await host.CallAsync(HttpMethod.Post, $"/v1/customer/disputes/{id}/provide-evidence", Tracking(), headers);

        first.Status.ShouldBe(HttpStatusCode.OK);
        repeat.Status.ShouldBe(HttpStatusCode.OK);
        (await ShowAsync(host, id))["evidences"]!.AsArray().Count.ShouldBe(1);
    }

    private static async Task<(HttpStatusCode Status, JsonNode? Body)> OtherClientAsync(EmulatorHost host, string token, HttpMethod method, string path)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await host.Client.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response.StatusCode, string.IsNullOrEmpty(text) ? null : JsonNode.Parse(text));
    }
}
