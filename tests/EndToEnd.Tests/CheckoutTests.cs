using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace EndToEnd.Tests;

/// <summary>The walking skeleton: one PayPal checkout through commercetools, the connector and PayPal, over loopback HTTP.</summary>
public sealed class CheckoutTests(SandboxFixture sandbox)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PayPal_checkout_creates_an_order_the_buyer_approves_and_the_capture_is_recorded_as_a_Charge()
    {
        var ct = await CommercetoolsDriver.CreateAsync(sandbox, Ct);
        var payment = await ct.CreatePayPalPaymentAsync("EUR", 12_34, Ct);

        payment = await ct.SetCustomFieldOkAsync(payment, "createPayPalOrderRequest", "{}", Ct);
        var created = payment.FieldJson("createPayPalOrderResponse");
        var orderId = created["id"]!.GetValue<string>();
        payment.Field("PayPalOrderId").ShouldBe(orderId);
        payment["interfaceId"]!.GetValue<string>().ShouldBe(orderId);
        payment.Field("createPayPalOrderRequest").ShouldBeNull();
        created["status"]!.GetValue<string>().ShouldBe("CREATED");
        created["purchase_units"]![0]!["amount"]!["value"]!.GetValue<string>().ShouldBe("12.34");
        var approve = created["links"]!.AsArray().Single(l => l!["rel"]!.GetValue<string>() == "approve")!["href"]!.GetValue<string>();

        using (var decided = await BuyerDriver.DecideAsync(sandbox.Http, approve, "approve", Ct))
        {
            ((int)decided.StatusCode).ShouldBeLessThan(400);
        }

        payment = await ct.SetCustomFieldOkAsync(payment, "capturePayPalOrderRequest", "{}", Ct);
        payment.ShouldHaveCapturedOnce(12_34, "EUR");
        payment["paymentStatus"]!["interfaceCode"]!.GetValue<string>().ShouldBe("COMPLETED");

        // Request and response of each of the two operations, and the amount the connector put on the order.
        payment["interfaceInteractions"]!.AsArray().Count.ShouldBe(5);

        var order = await GetPayPalOrderAsync(orderId);
        order["status"]!.GetValue<string>().ShouldBe("COMPLETED");
    }

    [Fact]
    public async Task Capturing_before_the_buyer_approved_writes_PayPal_s_error_to_the_response_field_and_adds_no_transaction()
    {
        var ct = await CommercetoolsDriver.CreateAsync(sandbox, Ct);
        var payment = await ct.CreatePayPalPaymentAsync("EUR", 5_00, Ct);
        payment = await ct.SetCustomFieldOkAsync(payment, "createPayPalOrderRequest", "{}", Ct);

        payment = await ct.SetCustomFieldOkAsync(payment, "capturePayPalOrderRequest", "{}", Ct);

        var response = payment.FieldJson("capturePayPalOrderResponse");
        response["success"]!.GetValue<bool>().ShouldBeFalse();
        response["details"]!["issues"]![0]!["issue"]!.GetValue<string>().ShouldBe("ORDER_NOT_APPROVED");
        payment.Transactions().ShouldBeEmpty();
        payment.Field("capturePayPalOrderRequest").ShouldBeNull();
    }

    [Fact]
    public async Task A_forged_extension_call_without_the_registered_Authorization_gets_401_and_changes_nothing()
    {
        var ct = await CommercetoolsDriver.CreateAsync(sandbox, Ct);
        var payment = await ct.CreatePayPalPaymentAsync("EUR", 9_99, Ct);
        var body = new JsonObject
        {
            ["action"] = "Update",
            ["resource"] = new JsonObject { ["typeId"] = "payment", ["id"] = payment["id"]!.DeepClone(), ["obj"] = payment.DeepClone() },
        };
        body["resource"]!["obj"]!["custom"]!["fields"]!["refundPayPalOrderRequest"] = "{}";

        foreach (var header in new string?[] { null, "Bearer wrong", sandbox.Host.ExtensionAuthorization + "x" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, sandbox.Info.Connector.Url + "/paypal-commercetools-extension") { Content = JsonContent.Create(body) };
            if (header is not null)
            {
                request.Headers.TryAddWithoutValidation("Authorization", header);
            }

            using var response = await sandbox.Http.SendAsync(request, Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        var after = await ct.GetPaymentAsync(payment["id"]!.GetValue<string>(), Ct);
        after["version"]!.GetValue<long>().ShouldBe(payment["version"]!.GetValue<long>());
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[1,2]")]
    [InlineData("{\"payment_source\":{\"bitcoin\":{}}}")]
    [InlineData("{\"purchase_units\":[{\"amount\":{\"currency_code\":\"EUR\",\"value\":\"0.01\"}}]}")]
    public async Task Bad_input_in_createPayPalOrderRequest_is_rejected_with_InvalidInput_and_the_payment_is_unchanged(string value)
    {
        var ct = await CommercetoolsDriver.CreateAsync(sandbox, Ct);
        var payment = await ct.CreatePayPalPaymentAsync("EUR", 10_00, Ct);

        var (status, body) = await ct.SetCustomFieldAsync(payment["id"]!.GetValue<string>(), payment["version"]!.GetValue<long>(), "createPayPalOrderRequest", value, Ct);

        status.ShouldBe(HttpStatusCode.BadRequest);
        var error = body!["errors"]![0]!;
        error["code"]!.GetValue<string>().ShouldBe("InvalidInput");
        error["message"]!.GetValue<string>().ShouldContain("createPayPalOrderRequest");
        var after = await ct.GetPaymentAsync(payment["id"]!.GetValue<string>(), Ct);
        after["version"]!.GetValue<long>().ShouldBe(payment["version"]!.GetValue<long>());
        after.Field("createPayPalOrderRequest").ShouldBeNull();
        after.Field("PayPalOrderId").ShouldBeNull();
    }

    private async Task<JsonObject> GetPayPalOrderAsync(string orderId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{sandbox.Info.PayPal.ApiUrl}/v2/checkout/orders/{orderId}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await sandbox.PayPalTokenAsync(Ct));
        using var response = await sandbox.Http.SendAsync(request, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
    }
}
