using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Sandbox;

namespace EndToEnd.Tests;

/// <summary>
/// <c>PayPal:WebhookVerification=Api</c>: the connector asks PayPal (<c>verify-webhook-signature</c>) instead of checking the
/// signature itself. Own sandbox, webhook registered, deliveries signed by the PayPal emulator.
/// </summary>
public sealed class WebhookApiVerificationTests : IAsyncLifetime
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
                    // Certificates from the emulator are not allowed here, so only PayPal's answer can let a delivery in.
                    builder.Configuration.AddInMemoryCollection([new("PayPal:WebhookVerification", "Api"), new("PayPal:WebhookCertHosts:0", "api.paypal.com")]);
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
    public async Task PayPal_confirms_its_own_deliveries_and_refuses_a_forged_one()
    {
        var ct = await CommercetoolsDriver.CreateAsync(Sandbox, Ct);
        var payment = await ct.CreatePayPalPaymentAsync("EUR", 30_00, Ct);
        var paymentId = payment["id"]!.GetValue<string>();
        payment = await WebhookFlowTests.SetFieldAsync(ct, paymentId, "createPayPalOrderRequest", "{}");
        var created = payment.FieldJson("createPayPalOrderResponse");
        var orderId = created["id"]!.GetValue<string>();
        var approve = created["links"]!.AsArray().Single(l => l!["rel"]!.GetValue<string>() == "approve")!["href"]!.GetValue<string>();
        using (var decided = await BuyerDriver.DecideAsync(Sandbox.Http, approve, "approve", Ct))
        {
            ((int)decided.StatusCode).ShouldBeLessThan(400);
        }

        payment = await WebhookFlowTests.SetFieldAsync(ct, paymentId, "capturePayPalOrderRequest", "{}");
        var captureId = payment.Transactions().Single(t => t["type"]!.GetValue<string>() == "Charge")["interactionId"]!.GetValue<string>();

        using (var refunded = await Sandbox.Http.PostAsJsonAsync($"{Sandbox.Info.PayPal.ApiUrl}/emulator/captures/{captureId}/refund",
            new JsonObject { ["amount"] = new JsonObject { ["currency_code"] = "EUR", ["value"] = "30.00" } }, Ct))
        {
            ((int)refunded.StatusCode).ShouldBe(201);
        }

        var final = await WebhookFlowTests.PollAsync(ct, paymentId, p => p.Transactions().Any(t => t["type"]!.GetValue<string>() == "Refund"));
        final.Transactions().Single(t => t["type"]!.GetValue<string>() == "Refund")["amount"]!["centAmount"]!.GetValue<long>().ShouldBe(30_00);

        // Signed by someone else's key but naming PayPal's certificate: PayPal answers FAILURE, the connector 401.
        using var forger = new WebhookSigner("WH-FORGED");
        var evt = WebhookEvents.Capture("PAYMENT.CAPTURE.COMPLETED", orderId, "CAP-FORGED", "COMPLETED", "EUR", "30.00");
        var body = Encoding.UTF8.GetBytes(evt.ToJsonString());
        var headers = forger.Headers(body);
        headers["paypal-cert-url"] = Sandbox.Info.PayPal.ApiUrl + "/v1/notifications/certs/CERT-360caa42-fca2a594-emulator";
        using var request = new HttpRequestMessage(HttpMethod.Post, Sandbox.Info.Connector.Url + "/paypal-webhooks") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await Sandbox.Http.SendAsync(request, Ct);
        ((int)response.StatusCode).ShouldBe(401);
        (await ct.GetPaymentAsync(paymentId, Ct)).Transactions().ShouldNotContain(t => t["interactionId"]!.GetValue<string>() == "CAP-FORGED");
    }
}
