using System.Net;
using System.Text.Json.Nodes;
using Emulator.Commercetools;
using Emulator.PayPal;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Connector.Service.Tests.Health;

/// <summary><c>/ready</c> calls both upstreams with the connector's credentials and says what is wrong, without secrets.</summary>
public sealed class ReadyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Ready_answers_200_while_both_upstreams_serve_and_503_naming_PayPal_once_its_emulator_is_stopped()
    {
        await using var commercetools = await StartAsync(CommercetoolsEmulatorApp.Build([], Quiet));
        await using var payPal = await StartAsync(PayPalEmulatorApp.Build([], Quiet));
        await using var connector = await StartConnectorAsync(AddressOf(commercetools), AddressOf(payPal), PayPalEmulatorDefaults.ClientSecret);
        using var http = new HttpClient { BaseAddress = new Uri(AddressOf(connector)) };

        var (status, body) = await GetReadyAsync(http);
        status.ShouldBe(HttpStatusCode.OK, body);
        JsonNode.Parse(body)!["status"]!.GetValue<string>().ShouldBe("ready");

        await payPal.StopAsync(Ct);

        (status, body) = await GetReadyAsync(http);
        status.ShouldBe(HttpStatusCode.ServiceUnavailable);
        var problems = JsonNode.Parse(body)!["problems"]!.AsArray().Select(p => p!.GetValue<string>()).ToList();
        problems.ShouldBe(["paypal: not reachable"]);
        body.ShouldNotContain(PayPalEmulatorDefaults.ClientSecret);
    }

    [Fact]
    public async Task Ready_answers_503_naming_commercetools_when_its_emulator_is_stopped()
    {
        await using var commercetools = await StartAsync(CommercetoolsEmulatorApp.Build([], Quiet));
        await using var payPal = await StartAsync(PayPalEmulatorApp.Build([], Quiet));
        await using var connector = await StartConnectorAsync(AddressOf(commercetools), AddressOf(payPal), PayPalEmulatorDefaults.ClientSecret);
        using var http = new HttpClient { BaseAddress = new Uri(AddressOf(connector)) };
        (await GetReadyAsync(http)).Status.ShouldBe(HttpStatusCode.OK);

        await commercetools.StopAsync(Ct);

        var (status, body) = await GetReadyAsync(http);
        status.ShouldBe(HttpStatusCode.ServiceUnavailable);
        JsonNode.Parse(body)!["problems"]!.AsArray().Select(p => p!.GetValue<string>()).ShouldBe(["commercetools: not reachable"]);
        body.ShouldNotContain(CommercetoolsEmulatorDefaults.AdminClientSecret);
    }

    [Fact]
    public async Task Ready_answers_503_when_PayPal_refuses_the_connector_s_credentials_and_does_not_echo_them()
    {
        const string wrongSecret = "wrong-secret-that-must-not-be-echoed";
        await using var commercetools = await StartAsync(CommercetoolsEmulatorApp.Build([], Quiet));
        await using var payPal = await StartAsync(PayPalEmulatorApp.Build([], Quiet));
        await using var connector = await StartConnectorAsync(AddressOf(commercetools), AddressOf(payPal), wrongSecret);
        using var http = new HttpClient { BaseAddress = new Uri(AddressOf(connector)) };

        var (status, body) = await GetReadyAsync(http);

        status.ShouldBe(HttpStatusCode.ServiceUnavailable);
        JsonNode.Parse(body)!["problems"]!.AsArray().Select(p => p!.GetValue<string>()).ShouldBe(["paypal: credentials refused (HTTP 401)"]);
        body.ShouldNotContain(wrongSecret);
        body.ShouldNotContain(PayPalEmulatorDefaults.ClientId);
    }

    private static void Quiet(WebApplicationBuilder builder)
    {
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
    }

    private static async Task<WebApplication> StartAsync(WebApplication app)
    {
        await app.StartAsync(Ct);
        return app;
    }

    private static Task<WebApplication> StartConnectorAsync(string commercetoolsUrl, string payPalUrl, string payPalSecret) =>
        StartAsync(ConnectorApp.Build([], b =>
        {
            b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Commercetools:ProjectKey"] = CommercetoolsEmulatorDefaults.ProjectKey,
                ["Commercetools:ClientId"] = CommercetoolsEmulatorDefaults.AdminClientId,
                ["Commercetools:ClientSecret"] = CommercetoolsEmulatorDefaults.AdminClientSecret,
                ["Commercetools:ApiUrl"] = commercetoolsUrl,
                ["Commercetools:AuthUrl"] = commercetoolsUrl,
                ["PayPal:ClientId"] = PayPalEmulatorDefaults.ClientId,
                ["PayPal:ClientSecret"] = payPalSecret,
                ["PayPal:ApiUrl"] = payPalUrl,
                ["Connector:ExtensionAuthorization"] = "Bearer ready-tests-extension-secret",
            });
            Quiet(b);
        }));

    private static async Task<(HttpStatusCode Status, string Body)> GetReadyAsync(HttpClient http)
    {
        using var response = await http.GetAsync(new Uri("/ready", UriKind.Relative), Ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    private static string AddressOf(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
}
