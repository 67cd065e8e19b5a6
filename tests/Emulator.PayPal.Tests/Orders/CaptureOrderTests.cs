using System.Net;
using System.Text.Json.Nodes;
using Emulator.PayPal.Tests.Drivers;

namespace Emulator.PayPal.Tests.Orders;

public sealed class CaptureOrderTests
{
    [Fact]
    public async Task Buyer_approves_on_the_page_and_the_merchant_captures()
    {
        await using var host = await EmulatorHost.StartAsync();
        var order = await host.CreateOrderAsync(Payloads.Order());
        var id = order["id"]!.GetValue<string>();

        using var decision = await host.DecideOnPageAsync(EmulatorHost.Link(order, "approve"), email: "buyer@example.org");

        decision.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        var location = decision.Headers.Location!.ToString();
        location.ShouldStartWith($"{Payloads.ReturnUrl}?token={id}&PayerID=");
        var payerId = location[(location.IndexOf("PayerID=", StringComparison.Ordinal) + 8)..];

        var (_, approved) = await host.CallAsync(HttpMethod.Get, $"/v2/checkout/orders/{id}");
        approved!["status"]!.GetValue<string>().ShouldBe("APPROVED");
        approved["payer"]!["payer_id"]!.GetValue<string>().ShouldBe(payerId);
        approved["payer"]!["email_address"]!.GetValue<string>().ShouldBe("buyer@example.org");
        approved["payment_source"]!["paypal"]!["email_address"]!.GetValue<string>().ShouldBe("buyer@example.org");

        var (status, captured) = await host.CallAsync(HttpMethod.Post, $"/v2/checkout/orders/{id}/capture", null, EmulatorHost.Representation("cap-1"));

        status.ShouldBe(HttpStatusCode.Created);
        captured!["status"]!.GetValue<string>().ShouldBe("COMPLETED");
        var capture = captured["purchase_units"]![0]!["payments"]!["captures"]![0]!;
        capture["status"]!.GetValue<string>().ShouldBe("COMPLETED");
        capture["amount"]!["value"]!.GetValue<string>().ShouldBe("100.00");
        capture["final_capture"]!.GetValue<bool>().ShouldBeTrue();
        var breakdown = capture["seller_receivable_breakdown"]!;
        breakdown["gross_amount"]!["value"]!.GetValue<string>().ShouldBe("100.00");
        var fee = decimal.Parse(breakdown["paypal_fee"]!["value"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        var net = decimal.Parse(breakdown["net_amount"]!["value"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        (fee + net).ShouldBe(100.00m);
        capture["supplementary_data"]!["related_ids"]!["order_id"]!.GetValue<string>().ShouldBe(id);
        var captureId = capture["id"]!.GetValue<string>();
        EmulatorHost.Link(capture, "self").ShouldBe($"http://localhost/v2/payments/captures/{captureId}");
        EmulatorHost.Link(capture, "refund").ShouldBe($"http://localhost/v2/payments/captures/{captureId}/refund");
        EmulatorHost.Link(capture, "up").ShouldBe($"http://localhost/v2/checkout/orders/{id}");
    }

    [Fact]
    public async Task The_approval_page_shows_amount_items_and_payee()
    {
        await using var host = await EmulatorHost.StartAsync();
        var order = await host.CreateOrderAsync(Payloads.OrderWithItems());

        var page = await host.Client.GetStringAsync(new Uri(EmulatorHost.Link(order, "approve")), TestContext.Current.CancellationToken);

        page.ShouldContain("90.00 EUR");
        page.ShouldContain("Sneaker");
        page.ShouldContain("sb-merchant@business.example.com");
        page.ShouldContain("value=\"sb-buyer@example.com\"");
        page.ShouldContain("<button type=\"submit\" id=\"approve\" name=\"decision\" value=\"approve\">");
        page.ShouldContain("<button type=\"submit\" id=\"cancel\" name=\"decision\" value=\"cancel\">");
    }

    [Fact]
    public async Task Payer_action_link_of_a_wallet_order_uses_the_experience_context_return_url()
    {
        await using var host = await EmulatorHost.StartAsync();
        var order = await host.CreateOrderAsync(Payloads.PayPalOrder());

        using var decision = await host.DecideOnPageAsync(EmulatorHost.Link(order, "payer-action"));

        decision.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        decision.Headers.Location!.ToString().ShouldStartWith($"{Payloads.ReturnUrl}?token={order["id"]}&PayerID=");
        var (_, approved) = await host.CallAsync(HttpMethod.Get, $"/v2/checkout/orders/{order["id"]}");
        approved!["status"]!.GetValue<string>().ShouldBe("APPROVED");
        approved["payment_source"]!["paypal"]!["email_address"]!.GetValue<string>().ShouldBe(PayPalEmulatorDefaults.BuyerEmail);
    }

    [Fact]
    public async Task Cancel_redirects_to_the_cancel_url_and_leaves_the_order_unapproved()
    {
        await using var host = await EmulatorHost.StartAsync();
        var order = await host.CreateOrderAsync(Payloads.Order());

        using var decision = await host.DecideOnPageAsync(EmulatorHost.Link(order, "approve"), "cancel");

        decision.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        decision.Headers.Location!.ToString().ShouldBe($"{Payloads.CancelUrl}?token={order["id"]}");
        var (_, after) = await host.CallAsync(HttpMethod.Get, $"/v2/checkout/orders/{order["id"]}");
        after!["status"]!.GetValue<string>().ShouldBe("CREATED");
    }

    [Fact]
    public async Task Without_a_return_url_the_page_says_approved()
    {
        await using var host = await EmulatorHost.StartAsync();
        var body = Payloads.Order();
        body.Remove("application_context");
        var order = await host.CreateOrderAsync(body);

        using var decision = await host.DecideOnPageAsync(EmulatorHost.Link(order, "approve"));

        decision.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await decision.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("approved");
    }

    [Fact]
    public async Task Capturing_an_unapproved_order_fails_with_order_not_approved()
    {
        await using var host = await EmulatorHost.StartAsync();
        var order = await host.CreateOrderAsync(Payloads.Order());

        var (status, error) = await host.CallAsync(HttpMethod.Post, $"/v2/checkout/orders/{order["id"]}/capture");

        status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        error!["name"]!.GetValue<string>().ShouldBe("UNPROCESSABLE_ENTITY");
        error["details"]![0]!["issue"]!.GetValue<string>().ShouldBe("ORDER_NOT_APPROVED");
    }

    [Fact]
    public async Task Capturing_twice_fails_with_order_already_captured_but_a_repeat_request_id_replays()
    {
        await using var host = await EmulatorHost.StartAsync();
        var order = await host.CreateOrderAsync(Payloads.CardOrder());
        var path = $"/v2/checkout/orders/{order["id"]}/capture";

        var first = await host.CallAsync(HttpMethod.Post, path, null, EmulatorHost.Representation("capture-a"));
        var replay = await host.CallAsync(HttpMethod.Post, path, null, EmulatorHost.Representation("capture-a"));
        var second = await host.CallAsync(HttpMethod.Post, path, null, EmulatorHost.Representation("capture-b"));

        first.Status.ShouldBe(HttpStatusCode.Created);
        replay.Status.ShouldBe(HttpStatusCode.OK);
        replay.Body!.ToJsonString().ShouldBe(first.Body!.ToJsonString());
        second.Status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        second.Body!["details"]![0]!["issue"]!.GetValue<string>().ShouldBe("ORDER_ALREADY_CAPTURED");
    }

    [Fact]
    public async Task Concurrent_captures_of_one_order_produce_exactly_one_capture()
    {
        await using var host = await EmulatorHost.StartAsync();
        var order = await host.CreateOrderAsync(Payloads.CardOrder());
        var path = $"/v2/checkout/orders/{order["id"]}/capture";

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => host.CallAsync(HttpMethod.Post, path, null, EmulatorHost.Representation("c-" + i))));

        results.Count(r => r.Status == HttpStatusCode.Created).ShouldBe(1);
        results.Count(r => r.Status == HttpStatusCode.UnprocessableEntity).ShouldBe(15);
        var (_, after) = await host.CallAsync(HttpMethod.Get, $"/v2/checkout/orders/{order["id"]}");
        after!["purchase_units"]![0]!["payments"]!["captures"]!.AsArray().Count.ShouldBe(1);
    }

    [Fact]
    public async Task Idempotency_keys_are_scoped_per_endpoint()
    {
        await using var host = await EmulatorHost.StartAsync();
        var a = await host.CreateOrderAsync(Payloads.CardOrder(), "shared-key");
        var b = await host.CreateOrderAsync(Payloads.CardOrder(), "other-key");

        var captureA = await host.CallAsync(HttpMethod.Post, $"/v2/checkout/orders/{a["id"]}/capture", null, EmulatorHost.Representation("shared-key"));
        var captureB = await host.CallAsync(HttpMethod.Post, $"/v2/checkout/orders/{b["id"]}/capture", null, EmulatorHost.Representation("shared-key"));

        captureA.Status.ShouldBe(HttpStatusCode.Created);
        captureB.Status.ShouldBe(HttpStatusCode.Created);
        captureB.Body!["id"]!.GetValue<string>().ShouldBe(b["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Minimal_capture_answer_still_carries_the_capture()
    {
        await using var host = await EmulatorHost.StartAsync();
        var order = await host.CreateOrderAsync(Payloads.CardOrder());

        var (status, body) = await host.CallAsync(HttpMethod.Post, $"/v2/checkout/orders/{order["id"]}/capture", null, new() { ["PayPal-Request-Id"] = "m" });

        status.ShouldBe(HttpStatusCode.Created);
        body!["status"]!.GetValue<string>().ShouldBe("COMPLETED");
        body["purchase_units"]![0]!["payments"]!["captures"]![0]!["id"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
        body["intent"].ShouldBeNull();
    }

    [Theory]
    [InlineData("CCREJECT-REFUSED", "0500")]
    [InlineData("CCREJECT-IF", "5120")]
    [InlineData("CCREJECT-CVV_F", "00N7")]
    public async Task Cardholder_names_trigger_sandbox_declines_as_a_declined_capture(string name, string responseCode)
    {
        await using var host = await EmulatorHost.StartAsync();
        var order = await host.CreateOrderAsync(Payloads.CardOrder(name: name));

        var (status, body) = await host.CallAsync(HttpMethod.Post, $"/v2/checkout/orders/{order["id"]}/capture", null, EmulatorHost.Representation("d"));

        status.ShouldBe(HttpStatusCode.Created);
        body!["status"]!.GetValue<string>().ShouldBe("COMPLETED");
        var capture = body["purchase_units"]![0]!["payments"]!["captures"]![0]!;
        capture["status"]!.GetValue<string>().ShouldBe("DECLINED");
        capture["processor_response"]!["response_code"]!.GetValue<string>().ShouldBe(responseCode);
    }

    [Fact]
    public async Task Successful_card_capture_reports_the_processor_response()
    {
        await using var host = await EmulatorHost.StartAsync();
        var order = await host.CreateOrderAsync(Payloads.CardOrder());

        var (_, body) = await host.CallAsync(HttpMethod.Post, $"/v2/checkout/orders/{order["id"]}/capture", null, EmulatorHost.Representation("ok"));

        body!["purchase_units"]![0]!["payments"]!["captures"]![0]!["processor_response"]!["response_code"]!.GetValue<string>().ShouldBe("0000");
    }

    [Fact]
    public async Task Authorizing_a_capture_order_does_not_match_intent()
    {
        await using var host = await EmulatorHost.StartAsync();
        var order = await host.CreateOrderAsync(Payloads.CardOrder());

        var (status, error) = await host.CallAsync(HttpMethod.Post, $"/v2/checkout/orders/{order["id"]}/authorize", null, EmulatorHost.Representation("a"));

        status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        error!["details"]![0]!["issue"]!.GetValue<string>().ShouldBe("ACTION_DOES_NOT_MATCH_INTENT");
    }

    [Fact]
    public async Task Capture_with_a_card_payment_source_pays_a_created_order()
    {
        await using var host = await EmulatorHost.StartAsync();
        var order = await host.CreateOrderAsync(Payloads.Order());

        var (status, body) = await host.CallAsync(
            HttpMethod.Post,
            $"/v2/checkout/orders/{order["id"]}/capture",
            new JsonObject { ["payment_source"] = new JsonObject { ["card"] = Payloads.Card() } },
            EmulatorHost.Representation("src"));

        status.ShouldBe(HttpStatusCode.Created);
        body!["payment_source"]!["card"]!["last_digits"]!.GetValue<string>().ShouldBe("1111");
    }

    [Fact]
    public async Task Orders_expire_six_hours_after_creation()
    {
        await using var host = await EmulatorHost.StartAsync();
        var order = await host.CreateOrderAsync(Payloads.CardOrder());

        host.Time.Advance(TimeSpan.FromHours(7));
        var (status, error) = await host.CallAsync(HttpMethod.Post, $"/v2/checkout/orders/{order["id"]}/capture", null, EmulatorHost.Representation("late"));

        status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        error!["details"]![0]!["issue"]!.GetValue<string>().ShouldBe("ORDER_EXPIRED");
    }

    [Theory]
    [InlineData("INSTRUMENT_DECLINED", 422)]
    [InlineData("TRANSACTION_REFUSED", 422)]
    [InlineData("INTERNAL_SERVER_ERROR", 500)]
    public async Task Mock_response_header_forces_the_error(string issue, int status)
    {
        await using var host = await EmulatorHost.StartAsync();
        var order = await host.CreateOrderAsync(Payloads.CardOrder());

        var (actual, error) = await host.CallAsync(
            HttpMethod.Post,
            $"/v2/checkout/orders/{order["id"]}/capture",
            null,
            new() { ["PayPal-Mock-Response"] = $"{{\"mock_application_codes\":\"{issue}\"}}", ["PayPal-Request-Id"] = "mock" });

        ((int)actual).ShouldBe(status);
        error!["details"]![0]!["issue"]!.GetValue<string>().ShouldBe(issue);
        var (_, after) = await host.CallAsync(HttpMethod.Get, $"/v2/checkout/orders/{order["id"]}");
        after!["status"]!.GetValue<string>().ShouldBe("APPROVED");
    }

    [Fact]
    public async Task Concurrent_creates_with_one_request_id_create_one_order()
    {
        await using var host = await EmulatorHost.StartAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => host.CallAsync(HttpMethod.Post, "/v2/checkout/orders", Payloads.CardOrder(), EmulatorHost.Representation("same-create"))));

        results.Count(r => r.Status == HttpStatusCode.Created).ShouldBe(1);
        results.Count(r => r.Status == HttpStatusCode.OK).ShouldBe(7);
        results.Select(r => r.Body!["id"]!.GetValue<string>()).Distinct().Count().ShouldBe(1);
    }
}
