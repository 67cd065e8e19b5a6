using System.Net;

namespace EndToEnd.Tests;

/// <summary>
/// The customer extension has 2 s: once warm, each customer operation makes one PayPal call. commercetools calls are
/// the vault binding's (read until the customer is bound, then cached; written once when PayPal makes the customer's
/// vault) and the PaymentMethod mirror's (query + create; get + delete); with the mirror in place deletePaymentToken
/// needs no PayPal call to establish ownership.
/// </summary>
public sealed class VaultCallCountTests : IAsyncLifetime
{
    private PrivateSandbox? _sandbox;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private PrivateSandbox Sandbox => _sandbox!;

    public async ValueTask InitializeAsync() => _sandbox = await PrivateSandbox.StartAsync();

    public async ValueTask DisposeAsync() => await _sandbox!.DisposeAsync();

    [Fact]
    public async Task Each_customer_operation_makes_one_PayPal_call()
    {
        var fixture = Sandbox.Fixture;
        var paypal = new Uri(fixture.Info.PayPal.ApiUrl).Authority;
        var commercetools = new Uri(fixture.Info.Commercetools.ApiUrl).Authority;
        var vault = await VaultDriver.CreateAsync(fixture, Ct);

        // Warm-up fills the token and type-id caches.
        await vault.VaultCardAsync(await vault.CreateCustomerAsync(Ct), Ct);

        var customer = await vault.CreateCustomerAsync(Ct);
        var counts = new Dictionary<string, (int PayPal, int Commercetools)>();
        async Task StepAsync(string operation, string value)
        {
            Sandbox.Counter.Clear();
            customer = await vault.SetFieldOkAsync(customer, operation + "Request", value, Ct);
            counts[operation] = (Sandbox.Counter.Count(paypal), Sandbox.Counter.Count(commercetools));
        }

        await StepAsync("getUserIDToken", "{}");
        await StepAsync("createVaultSetupToken", VaultDriver.VisaCard);
        await StepAsync("createPaymentToken", customer.FieldJson("createVaultSetupTokenResponse")["id"]!.GetValue<string>());
        var tokenId = customer.FieldJson("createPaymentTokenResponse")["id"]!.GetValue<string>();
        await StepAsync("getPaymentTokens", "{}");
        var (mirror, _) = await vault.Commercetools.SendAsync(HttpMethod.Get, $"/payment-methods/key=paypal-{tokenId}", null, Ct);
        mirror.ShouldBe(HttpStatusCode.OK);
        await StepAsync("deletePaymentToken", tokenId);

        var calls = string.Join(", ", Sandbox.Counter.Calls);
        counts["getUserIDToken"].ShouldBe((1, 1), calls); // no vault bound yet: the binding is read (an absent one is not cached)
        counts["createVaultSetupToken"].ShouldBe((1, 2), calls); // binding read, then written once PayPal made the vault customer
        counts["createPaymentToken"].ShouldBe((1, 2), calls); // mirror: query the customer's PaymentMethods, create
        counts["getPaymentTokens"].ShouldBe((1, 1)); // mirror in line: one query
        counts["deletePaymentToken"].ShouldBe((1, 2), calls); // mirror: get by key (ownership), delete
    }
}
