using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Connector.Service.Tests.Admin;

/// <summary>Without an admin credential the settings page and its API do not exist.</summary>
public sealed class AdminDisabledTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("GET", "/admin/settings")]
    [InlineData("POST", "/admin/settings")]
    [InlineData("GET", "/admin/login")]
    [InlineData("GET", "/admin/api/settings")]
    [InlineData("PUT", "/admin/api/settings")]
    public async Task Every_admin_route_answers_404_when_no_admin_credential_is_configured(string method, string path)
    {
        await using var connector = Build(new Dictionary<string, string?>());
        await connector.StartAsync(Ct);
        using var http = new HttpClient { BaseAddress = new Uri(Address(connector)) };

        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "anything-at-all-0123456789");
        using var response = await http.SendAsync(request, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_too_short_admin_token_stops_the_start_up_with_a_message_naming_the_key()
    {
        await using var connector = Build(new Dictionary<string, string?> { ["Connector:AdminToken"] = "short" });

        var error = await Should.ThrowAsync<OptionsValidationException>(() => connector.StartAsync(Ct));

        error.Message.ShouldContain("Connector:AdminToken");
    }

    private static WebApplication Build(Dictionary<string, string?> extra) => Infrastructure.OfflineConnector.Build(extra);

    private static string Address(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
}
