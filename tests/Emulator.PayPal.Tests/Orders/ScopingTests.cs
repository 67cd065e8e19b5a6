using System.Net;
using System.Net.Http.Headers;
using Emulator.PayPal.Tests.Drivers;

namespace Emulator.PayPal.Tests.Orders;

public sealed class ScopingTests
{
    [Fact]
    public async Task Another_app_cannot_see_an_order()
    {
        await using var host = await EmulatorHost.StartAsync(new()
        {
            ["Emulator:Clients:0:ClientId"] = PayPalEmulatorDefaults.ClientId,
            ["Emulator:Clients:0:ClientSecret"] = PayPalEmulatorDefaults.ClientSecret,
            ["Emulator:Clients:1:ClientId"] = "other-app",
            ["Emulator:Clients:1:ClientSecret"] = "other-secret",
        });
        var order = await host.CreateOrderAsync(Payloads.Order());
        using var tokenResponse = await host.TokenRequestAsync("other-app", "other-secret", new() { ["grant_type"] = "client_credentials" });
        var otherToken = (await EmulatorHost.JsonAsync(tokenResponse))["access_token"]!.GetValue<string>();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v2/checkout/orders/{order["id"]}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", otherToken);

        using var response = await host.Client.SendAsync(request, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Unknown_api_paths_answer_the_paypal_404_envelope()
    {
        await using var host = await EmulatorHost.StartAsync();

        var (status, error) = await host.CallAsync(HttpMethod.Get, "/v2/invoicing/invoices");

        status.ShouldBe(HttpStatusCode.NotFound);
        error!["name"]!.GetValue<string>().ShouldBe("RESOURCE_NOT_FOUND");
    }
}
