using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Sandbox;

[assembly: AssemblyFixture(typeof(EndToEnd.Tests.SandboxFixture))]

namespace EndToEnd.Tests;

/// <summary>
/// One offline sandbox (both emulators + connector, deployed) on free loopback ports for the whole assembly.
/// Tests talk to it only over HTTP, through raw JSON: they share no wire models with the code under test.
/// </summary>
public sealed class SandboxFixture : IAsyncLifetime
{
    private readonly SandboxOptions _options;
    private SandboxHost? _host;

    public SandboxFixture()
    {
        _options = new SandboxOptions { ConnectorPort = 0, CommercetoolsPort = 0, PayPalPort = 0, DemoPort = 0 };
    }

    internal SandboxFixture(SandboxOptions options)
    {
        _options = options;
    }

    public SandboxHost Host => _host ?? throw new InvalidOperationException("not started");

    public SandboxInfo Info => Host.Info;

    public HttpClient Http { get; } = new(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(30) };

    public async ValueTask InitializeAsync()
    {
        _host = await SandboxHost.StartAsync(_options, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    /// <summary>The commercetools and PayPal settings a connector instance needs to reach this sandbox's emulators.</summary>
    public Dictionary<string, string?> UpstreamSettings() => new()
    {
        ["Commercetools:ProjectKey"] = Info.Commercetools.ProjectKey,
        ["Commercetools:ClientId"] = Info.Commercetools.ClientId,
        ["Commercetools:ClientSecret"] = Info.Commercetools.ClientSecret,
        ["Commercetools:ApiUrl"] = Info.Commercetools.ApiUrl,
        ["Commercetools:AuthUrl"] = Info.Commercetools.AuthUrl,
        ["PayPal:ClientId"] = Info.PayPal.ClientId,
        ["PayPal:ClientSecret"] = Info.PayPal.ClientSecret,
        ["PayPal:ApiUrl"] = Info.PayPal.ApiUrl,
    };

    public Task<string> CommercetoolsTokenAsync(CancellationToken cancellationToken) =>
        CommercetoolsDriver.ClientCredentialsTokenAsync(Http, Info.Commercetools.AuthUrl, Info.Commercetools.ClientId, Info.Commercetools.ClientSecret, cancellationToken);

    public async Task<string> PayPalTokenAsync(CancellationToken cancellationToken)
    {
        var info = Info.PayPal;
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{info.ApiUrl}/v1/oauth2/token")
        {
            Content = new FormUrlEncodedContent([new("grant_type", "client_credentials")]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{info.ClientId}:{info.ClientSecret}")));
        using var response = await Http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
        return body!["access_token"]!.GetValue<string>();
    }
}
