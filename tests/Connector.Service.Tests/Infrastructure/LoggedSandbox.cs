using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Sandbox;

namespace Connector.Service.Tests.Infrastructure;

/// <summary>
/// The whole system in this process on loopback (both emulators, the connector, deployed), with every log line of the
/// connector (down to Trace) captured and the connector's services reachable.
/// </summary>
public sealed class LoggedSandbox : IAsyncDisposable
{
    private readonly SandboxHost _host;
    private readonly ServicesCapture _capture;

    private LoggedSandbox(SandboxHost host, ServicesCapture capture)
    {
        _host = host;
        _capture = capture;
    }

    public SandboxInfo Info => _host.Info;

    /// <summary>The secret commercetools sends to the extension.</summary>
    public string ExtensionAuthorization => _host.ExtensionAuthorization;

    public IServiceProvider ConnectorServices => _capture.Services ?? throw new InvalidOperationException("The connector has not started.");

    public FakeLogCollector Logs => ConnectorServices.GetFakeLogCollector();

    public HttpClient Http { get; } = new(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(30) };

    public static async Task<LoggedSandbox> StartAsync(Dictionary<string, string?>? connectorSettings = null)
    {
        var capture = new ServicesCapture();
        var host = await SandboxHost.StartAsync(new SandboxOptions
        {
            ConnectorPort = 0,
            CommercetoolsPort = 0,
            PayPalPort = 0,
            Configure = (name, builder) =>
            {
                if (name != "connector")
                {
                    return;
                }

                if (connectorSettings is not null)
                {
                    builder.Configuration.AddInMemoryCollection(connectorSettings);
                }

                builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Trace);
                builder.Services.AddFakeLogging(o => o.CollectRecordsForDisabledLogLevels = false);
                builder.Services.AddSingleton<IStartupFilter>(capture);
            },
        }, CancellationToken.None);
        return new LoggedSandbox(host, capture);
    }

    public Task<string> CommercetoolsTokenAsync(CancellationToken cancellationToken) =>
        CommercetoolsDriver.ClientCredentialsTokenAsync(Http, Info.Commercetools.AuthUrl, Info.Commercetools.ClientId, Info.Commercetools.ClientSecret, cancellationToken);

    /// <summary>A raw-JSON call to the emulated commercetools project.</summary>
    public async Task<(HttpStatusCode Status, JsonNode? Body)> CommercetoolsAsync(string token, HttpMethod method, string path, JsonNode? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, $"{Info.Commercetools.ApiUrl}/{Info.Commercetools.ProjectKey}{path}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        using var response = await Http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return (response.StatusCode, string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text));
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _host.DisposeAsync();
    }

    /// <summary>Hands the connector's root service provider to the test once the host is built.</summary>
    private sealed class ServicesCapture : IStartupFilter
    {
        public IServiceProvider? Services { get; private set; }

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            Services = app.ApplicationServices;
            next(app);
        };
    }
}
