using System.Net;

namespace EndToEnd.Tests;

/// <summary>
/// commercetools waits at most the extension timeout. With PayPal slower than the connector's budget the update is
/// refused with InvalidOperation (retryable), never left hanging past the deadline, and nothing is applied.
/// </summary>
public sealed class DeadlineTests : IAsyncLifetime
{
    private PrivateSandbox? _sandbox;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _sandbox = await PrivateSandbox.StartAsync(new()
    {
        ["connector"] = new() { ["Connector:PaymentExtensionTimeoutMs"] = "1000" },
        ["paypal"] = new() { ["Emulator:LatencyMs"] = "3000" },
    });

    public async ValueTask DisposeAsync() => await _sandbox!.DisposeAsync();

    [Fact]
    public async Task A_PayPal_slower_than_the_budget_gives_a_retryable_InvalidOperation_and_changes_nothing()
    {
        var fixture = _sandbox!.Fixture;
        var ct = await CommercetoolsDriver.CreateAsync(fixture, Ct);
        var payment = await ct.CreatePayPalPaymentAsync("EUR", 3_00, Ct);

        var (status, body) = await ct.SetCustomFieldAsync(payment["id"]!.GetValue<string>(), payment["version"]!.GetValue<long>(), "createPayPalOrderRequest", "{}", Ct);

        status.ShouldBe(HttpStatusCode.BadRequest, body?.ToJsonString());
        body!["errors"]![0]!["code"]!.GetValue<string>().ShouldBe("InvalidOperation");
        body["errors"]![0]!["message"]!.GetValue<string>().ShouldContain("retried");
        var after = await ct.GetPaymentAsync(payment["id"]!.GetValue<string>(), Ct);
        after["version"]!.GetValue<long>().ShouldBe(payment["version"]!.GetValue<long>());
        after.Field("PayPalOrderId").ShouldBeNull();
    }
}
