using System.Net;
using System.Text.Json.Nodes;

namespace EndToEnd.Tests;

/// <summary>
/// Counts what the connector sends upstream per operation once warm (tokens, settings and type ids cached):
/// createPayPalOrder reads the cart and calls PayPal once; every other operation calls PayPal once and commercetools never.
/// </summary>
public sealed class UpstreamCallTests : IAsyncLifetime
{
    private PrivateSandbox? _sandbox;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private PrivateSandbox Sandbox => _sandbox!;

    public async ValueTask InitializeAsync() => _sandbox = await PrivateSandbox.StartAsync();

    public async ValueTask DisposeAsync() => await _sandbox!.DisposeAsync();

    [Fact]
    public async Task Each_operation_makes_one_PayPal_call_and_only_create_and_capture_read_the_cart()
    {
        var fixture = Sandbox.Fixture;
        var paypal = new Uri(fixture.Info.PayPal.ApiUrl).Authority;
        var commercetools = new Uri(fixture.Info.Commercetools.ApiUrl).Authority;
        var ct = await CommercetoolsDriver.CreateAsync(fixture, Ct);

        // Warm-up: one full flow fills the token, settings and type-id caches.
        await RunFlowAsync(ct, fixture, _ => { });

        var counts = new Dictionary<string, (int PayPal, int Commercetools)>();
        await RunFlowAsync(ct, fixture, op => counts[op] = (Sandbox.Counter.Count(paypal), Sandbox.Counter.Count(commercetools)));

        counts["createPayPalOrder"].ShouldBe((1, 1), string.Join(", ", Sandbox.Counter.Calls));
        counts["getPayPalOrder"].ShouldBe((1, 0));
        counts["capturePayPalOrder"].ShouldBe((1, 1)); // the cart: what the payment may capture is what it still owes
        counts["getPayPalCapture"].ShouldBe((1, 0));
        counts["refundPayPalOrder"].ShouldBe((1, 0));
    }

    private async Task RunFlowAsync(CommercetoolsDriver ct, SandboxFixture fixture, Action<string> measured)
    {
        var payment = await ct.CreatePayPalPaymentAsync("EUR", 25_00, Ct);
        async Task<JsonObject> StepAsync(JsonObject p, string operation, string value)
        {
            Sandbox.Counter.Clear();
            var (status, body) = await ct.SetCustomFieldAsync(p["id"]!.GetValue<string>(), p["version"]!.GetValue<long>(), operation + "Request", value, Ct);
            measured(operation);
            status.ShouldBe(HttpStatusCode.OK, body?.ToJsonString());
            return body!.AsObject();
        }

        payment = await StepAsync(payment, "createPayPalOrder", "{}");
        var approve = payment.FieldJson("createPayPalOrderResponse")["links"]!.AsArray().Single(l => l!["rel"]!.GetValue<string>() == "approve")!["href"]!.GetValue<string>();
        using (await BuyerDriver.DecideAsync(fixture.Http, approve, "approve", Ct))
        {
        }

        payment = await StepAsync(payment, "getPayPalOrder", "{}");
        payment = await StepAsync(payment, "capturePayPalOrder", "{}");
        payment = await StepAsync(payment, "getPayPalCapture", "{}");
        await StepAsync(payment, "refundPayPalOrder", "{\"amount\":\"5.00\"}");
    }
}
