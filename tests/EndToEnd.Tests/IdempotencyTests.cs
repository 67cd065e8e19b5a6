using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace EndToEnd.Tests;

/// <summary>
/// commercetools re-sends an extension call when a client retries an update whose first attempt never got persisted.
/// The deterministic PayPal-Request-Id must make PayPal move the money once.
/// </summary>
public sealed class IdempotencyTests(SandboxFixture sandbox)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_same_capture_request_sent_twice_captures_once()
    {
        var (ct, payment, orderId) = await ApprovedOrderAsync(10_00);

        var first = await ExtensionCaller.CallAsync(sandbox, payment, "capturePayPalOrderRequest", "{}", Ct);
        var second = await ExtensionCaller.CallAsync(sandbox, payment, "capturePayPalOrderRequest", "{}", Ct);

        first.Status.ShouldBe(HttpStatusCode.OK);
        second.Status.ShouldBe(HttpStatusCode.OK);
        var firstCapture = first.Body.Actions("addTransaction").Single()["transaction"]!["interactionId"]!.GetValue<string>();
        var secondCapture = second.Body.Actions("addTransaction").Single()["transaction"]!["interactionId"]!.GetValue<string>();
        secondCapture.ShouldBe(firstCapture);
        var order = await PayPalGetAsync($"/v2/checkout/orders/{orderId}");
        order["purchase_units"]![0]!["payments"]!["captures"]!.AsArray().Count.ShouldBe(1);
        ct.ShouldNotBeNull();
    }

    [Fact]
    public async Task A_capture_retried_after_the_payment_changed_meanwhile_gets_PayPal_s_first_answer()
    {
        var (_, payment, orderId) = await ApprovedOrderAsync(7_00);
        var first = await ExtensionCaller.CallAsync(sandbox, payment, "capturePayPalOrderRequest", "{}", Ct);

        // A webhook moved the payment on, so the client re-read it and sent the same request at a newer version.
        var reread = (JsonObject)payment.DeepClone();
        reread["version"] = payment["version"]!.GetValue<long>() + 3;
        var retry = await ExtensionCaller.CallAsync(sandbox, reread, "capturePayPalOrderRequest", "{}", Ct);

        retry.Status.ShouldBe(HttpStatusCode.OK);
        var response = retry.Body.Actions("setCustomField").Single(a => a["name"]!.GetValue<string>() == "capturePayPalOrderResponse")["value"]!.GetValue<string>();
        response.ShouldNotContain("\"success\":false");
        retry.Body.Actions("addTransaction").Single()["transaction"]!["interactionId"]!.GetValue<string>()
            .ShouldBe(first.Body.Actions("addTransaction").Single()["transaction"]!["interactionId"]!.GetValue<string>());
        (await PayPalGetAsync($"/v2/checkout/orders/{orderId}"))["purchase_units"]![0]!["payments"]!["captures"]!.AsArray().Count.ShouldBe(1);
    }

    [Fact]
    public async Task The_same_partial_refund_sent_twice_refunds_once_and_the_rest_stays_refundable()
    {
        var (ct, payment, _) = await ApprovedOrderAsync(10_00);
        payment = await ct.SetCustomFieldOkAsync(payment, "capturePayPalOrderRequest", "{}", Ct);
        var captureId = payment.Transactions().Single(t => t["type"]!.GetValue<string>() == "Charge")["interactionId"]!.GetValue<string>();

        var first = await ExtensionCaller.CallAsync(sandbox, payment, "refundPayPalOrderRequest", "{\"amount\": 2}", Ct);
        var second = await ExtensionCaller.CallAsync(sandbox, payment, "refundPayPalOrderRequest", "{\"amount\": 2}", Ct);

        var firstRefund = first.Body.Actions("addTransaction").Single()["transaction"]!;
        var secondRefund = second.Body.Actions("addTransaction").Single()["transaction"]!;
        secondRefund["interactionId"]!.GetValue<string>().ShouldBe(firstRefund["interactionId"]!.GetValue<string>());
        firstRefund["amount"]!["centAmount"]!.GetValue<long>().ShouldBe(2_00);
        (await PayPalGetAsync($"/v2/payments/captures/{captureId}"))["status"]!.GetValue<string>().ShouldBe("PARTIALLY_REFUNDED");

        // Refunding the rest through commercetools must find exactly 8.00 left: 2.00 went out once, not twice.
        payment = await ct.SetCustomFieldOkAsync(payment, "refundPayPalOrderRequest", "{}", Ct);
        var rest = payment.Transactions().Single(t => t["type"]!.GetValue<string>() == "Refund");
        rest["amount"]!["centAmount"]!.GetValue<long>().ShouldBe(8_00);
        (await PayPalGetAsync($"/v2/payments/captures/{captureId}"))["status"]!.GetValue<string>().ShouldBe("REFUNDED");
    }

    private async Task<(CommercetoolsDriver Ct, JsonObject Payment, string OrderId)> ApprovedOrderAsync(long cents)
    {
        var ct = await CommercetoolsDriver.CreateAsync(sandbox, Ct);
        var payment = await ct.CreatePayPalPaymentAsync("EUR", cents, Ct);
        payment = await ct.SetCustomFieldOkAsync(payment, "createPayPalOrderRequest", "{}", Ct);
        var created = payment.FieldJson("createPayPalOrderResponse");
        var approve = created["links"]!.AsArray().Single(l => l!["rel"]!.GetValue<string>() == "approve")!["href"]!.GetValue<string>();
        using (await BuyerDriver.DecideAsync(sandbox.Http, approve, "approve", Ct))
        {
        }

        return (ct, payment, created["id"]!.GetValue<string>());
    }

    private async Task<JsonObject> PayPalGetAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, sandbox.Info.PayPal.ApiUrl + path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await sandbox.PayPalTokenAsync(Ct));
        using var response = await sandbox.Http.SendAsync(request, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
    }
}
