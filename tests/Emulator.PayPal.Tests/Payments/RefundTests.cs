using System.Net;
using System.Text.Json.Nodes;
using Emulator.PayPal.Tests.Drivers;

namespace Emulator.PayPal.Tests.Payments;

public sealed class RefundTests
{
    private static async Task<(EmulatorHost Host, string OrderId, string CaptureId)> CapturedAsync(string currency = "EUR", string value = "100.00")
    {
        var host = await EmulatorHost.StartAsync();
        var body = Payloads.CardOrder();
        body["purchase_units"]![0]!["amount"] = Payloads.Money(value, currency);
        var order = await host.CreateOrderAsync(body);
        var (_, captured) = await host.CallAsync(HttpMethod.Post, $"/v2/checkout/orders/{order["id"]}/capture", null, EmulatorHost.Representation("cap"));
        return (host, order["id"]!.GetValue<string>(), captured!["purchase_units"]![0]!["payments"]!["captures"]![0]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Partial_then_remaining_refund_moves_the_capture_to_refunded()
    {
        var (host, orderId, captureId) = await CapturedAsync();
        await using var _ = host;
        var path = $"/v2/payments/captures/{captureId}/refund";

        var partial = await host.CallAsync(HttpMethod.Post, path, new JsonObject { ["amount"] = Payloads.Money("40.00"), ["note_to_payer"] = "sorry" }, EmulatorHost.Representation("r1"));
        var afterPartial = await host.CallAsync(HttpMethod.Get, $"/v2/payments/captures/{captureId}");
        var tooMuch = await host.CallAsync(HttpMethod.Post, path, new JsonObject { ["amount"] = Payloads.Money("60.01") }, EmulatorHost.Representation("r2"));
        var rest = await host.CallAsync(HttpMethod.Post, path, null, EmulatorHost.Representation("r3"));
        var afterRest = await host.CallAsync(HttpMethod.Get, $"/v2/payments/captures/{captureId}");
        var more = await host.CallAsync(HttpMethod.Post, path, null, EmulatorHost.Representation("r4"));

        partial.Status.ShouldBe(HttpStatusCode.Created);
        partial.Body!["status"]!.GetValue<string>().ShouldBe("COMPLETED");
        partial.Body["amount"]!["value"]!.GetValue<string>().ShouldBe("40.00");
        partial.Body["note_to_payer"]!.GetValue<string>().ShouldBe("sorry");
        EmulatorHost.Link(partial.Body, "up").ShouldEndWith($"/v2/payments/captures/{captureId}");
        afterPartial.Body!["status"]!.GetValue<string>().ShouldBe("PARTIALLY_REFUNDED");
        tooMuch.Status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        tooMuch.Body!["details"]![0]!["issue"]!.GetValue<string>().ShouldBe("REFUND_AMOUNT_EXCEEDED");
        rest.Body!["amount"]!["value"]!.GetValue<string>().ShouldBe("60.00");
        afterRest.Body!["status"]!.GetValue<string>().ShouldBe("REFUNDED");
        more.Body!["details"]![0]!["issue"]!.GetValue<string>().ShouldBe("CAPTURE_FULLY_REFUNDED");

        var refundId = partial.Body["id"]!.GetValue<string>();
        var (status, refund) = await host.CallAsync(HttpMethod.Get, $"/v2/payments/refunds/{refundId}");
        status.ShouldBe(HttpStatusCode.OK);
        refund!["seller_payable_breakdown"]!["gross_amount"]!["value"]!.GetValue<string>().ShouldBe("40.00");
        var (_, order) = await host.CallAsync(HttpMethod.Get, $"/v2/checkout/orders/{orderId}");
        order!["purchase_units"]![0]!["payments"]!["refunds"]!.AsArray().Count.ShouldBe(2);
    }

    [Fact]
    public async Task Repeated_refund_with_the_same_request_id_refunds_once()
    {
        var (host, _, captureId) = await CapturedAsync();
        await using var _ = host;
        var body = new JsonObject { ["amount"] = Payloads.Money("10.00") };

        var first = await host.CallAsync(HttpMethod.Post, $"/v2/payments/captures/{captureId}/refund", body, EmulatorHost.Representation("same"));
        var second = await host.CallAsync(HttpMethod.Post, $"/v2/payments/captures/{captureId}/refund", body, EmulatorHost.Representation("same"));

        first.Status.ShouldBe(HttpStatusCode.Created);
        second.Status.ShouldBe(HttpStatusCode.OK);
        second.Body!["id"]!.GetValue<string>().ShouldBe(first.Body!["id"]!.GetValue<string>());
        var (_, capture) = await host.CallAsync(HttpMethod.Get, $"/v2/payments/captures/{captureId}");
        capture!["status"]!.GetValue<string>().ShouldBe("PARTIALLY_REFUNDED");
    }

    [Fact]
    public async Task Huf_refunds_have_no_decimals()
    {
        var (host, _, captureId) = await CapturedAsync("HUF", "5000");
        await using var _ = host;

        var ok = await host.CallAsync(HttpMethod.Post, $"/v2/payments/captures/{captureId}/refund", new JsonObject { ["amount"] = Payloads.Money("1000", "HUF") }, EmulatorHost.Representation("a"));
        var bad = await host.CallAsync(HttpMethod.Post, $"/v2/payments/captures/{captureId}/refund", new JsonObject { ["amount"] = Payloads.Money("1000.50", "HUF") }, EmulatorHost.Representation("b"));

        ok.Body!["amount"]!["value"]!.GetValue<string>().ShouldBe("1000");
        bad.Body!["details"]![0]!["issue"]!.GetValue<string>().ShouldBe("DECIMALS_NOT_SUPPORTED");
    }

    [Fact]
    public async Task Refund_in_another_currency_is_rejected()
    {
        var (host, _, captureId) = await CapturedAsync();
        await using var _ = host;

        var (status, error) = await host.CallAsync(HttpMethod.Post, $"/v2/payments/captures/{captureId}/refund", new JsonObject { ["amount"] = Payloads.Money("1.00", "USD") });

        status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        error!["details"]![0]!["issue"]!.GetValue<string>().ShouldBe("CURRENCY_MISMATCH");
    }

    [Fact]
    public async Task Declined_capture_cannot_be_refunded()
    {
        await using var host = await EmulatorHost.StartAsync();
        var order = await host.CreateOrderAsync(Payloads.CardOrder(name: "CCREJECT-REFUSED"));
        var (_, captured) = await host.CallAsync(HttpMethod.Post, $"/v2/checkout/orders/{order["id"]}/capture", null, EmulatorHost.Representation("cap"));
        var captureId = captured!["purchase_units"]![0]!["payments"]!["captures"]![0]!["id"]!.GetValue<string>();

        var (status, error) = await host.CallAsync(HttpMethod.Post, $"/v2/payments/captures/{captureId}/refund");

        status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        error!["details"]![0]!["issue"]!.GetValue<string>().ShouldBe("REFUND_NOT_ALLOWED");
    }

    [Fact]
    public async Task Mock_response_applies_to_payments_too()
    {
        var (host, _, captureId) = await CapturedAsync();
        await using var _ = host;

        var (status, error) = await host.CallAsync(HttpMethod.Post, $"/v2/payments/captures/{captureId}/refund", null, new() { ["PayPal-Mock-Response"] = """{"mock_application_codes":"TRANSACTION_DISPUTED"}""" });

        status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        error!["details"]![0]!["issue"]!.GetValue<string>().ShouldBe("TRANSACTION_DISPUTED");
    }
}
