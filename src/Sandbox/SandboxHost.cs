using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Connector.Service;
using Emulator.Commercetools;
using Emulator.PayPal;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Sandbox.Demo;

namespace Sandbox;

/// <summary>
/// Runs the whole system offline on 127.0.0.1: the commercetools emulator, the PayPal emulator and the connector
/// (talking to both over HTTP exactly as to the real services), then deploys the connector into the emulated project.
/// </summary>
public sealed class SandboxHost : IAsyncDisposable
{
    private readonly List<WebApplication> _apps = [];

    private SandboxHost(SandboxInfo info, string extensionAuthorization)
    {
        Info = info;
        ExtensionAuthorization = extensionAuthorization;
    }

    public SandboxInfo Info { get; }

    /// <summary>The secret commercetools sends to the extension (generated per run).</summary>
    public string ExtensionAuthorization { get; }

    /// <summary>The connector's admin token for the settings page <c>/admin/settings</c> (generated per run).</summary>
    public string AdminToken { get; private init; } = "";

    public IReadOnlyList<string> DeployReport { get; private set; } = [];

    public static async Task<SandboxHost> StartAsync(SandboxOptions options, CancellationToken cancellationToken)
    {
        var apps = new List<WebApplication>();
        try
        {
            // The emulator's subscription pushes to the connector's events endpoint, so the connector's port is fixed first.
            var connectorPort = options.ConnectorPort == 0 ? FreeLoopbackPort() : options.ConnectorPort;
            var secrets = SandboxSecrets.Generate();
            var commercetools = CommercetoolsEmulatorApp.Build([], b =>
            {
                b.Configuration.AddInMemoryCollection(SandboxWiring.CommercetoolsEmulatorSettings($"http://127.0.0.1:{connectorPort}", secrets));
                Configure(b, "commercetools", options.CommercetoolsPort, options);
            });
            await commercetools.StartAsync(cancellationToken);
            apps.Add(commercetools);
            var commercetoolsUrl = AddressOf(commercetools);

            var payPal = PayPalEmulatorApp.Build([], b =>
            {
                b.Configuration.AddInMemoryCollection(SandboxWiring.PayPalEmulatorSettings());
                Configure(b, "paypal", options.PayPalPort, options);
            });
            await payPal.StartAsync(cancellationToken);
            apps.Add(payPal);
            var payPalUrl = AddressOf(payPal);

            var connectorSettings = SandboxWiring.ConnectorSettings(commercetoolsUrl, commercetoolsUrl, payPalUrl, secrets, options);
            var connector = ConnectorApp.Build([], b =>
            {
                b.Configuration.AddInMemoryCollection(connectorSettings);
                Configure(b, "connector", connectorPort, options);
            });
            await connector.StartAsync(cancellationToken);
            apps.Add(connector);
            var connectorUrl = AddressOf(connector);

            var reportLines = (await SandboxWiring.DeployAsync(connector, connectorUrl, secrets, options.RegisterPayPalWebhook, cancellationToken)).ToList();

            // The demo shop is a storefront backend: it gets the commercetools API and nothing else.
            DemoInfo? demo = null;
            if (options.DemoPort is { } demoPort)
            {
                var demoApp = DemoApp.Build(
                    new DemoCommercetoolsOptions(commercetoolsUrl, commercetoolsUrl, CommercetoolsEmulatorDefaults.ProjectKey, CommercetoolsEmulatorDefaults.AdminClientId, CommercetoolsEmulatorDefaults.AdminClientSecret),
                    b => Configure(b, "demo", demoPort, options));
                reportLines.AddRange(await demoApp.Services.GetRequiredService<DemoCatalog>().SeedAsync(cancellationToken));
                await demoApp.StartAsync(cancellationToken);
                apps.Add(demoApp);
                demo = new DemoInfo(AddressOf(demoApp));
            }

            var info = new SandboxInfo(
                new CommercetoolsInfo(commercetoolsUrl, commercetoolsUrl, CommercetoolsEmulatorDefaults.ProjectKey, CommercetoolsEmulatorDefaults.AdminClientId, CommercetoolsEmulatorDefaults.AdminClientSecret),
                new PayPalInfo(payPalUrl, PayPalEmulatorDefaults.ClientId, PayPalEmulatorDefaults.ClientSecret),
                new ConnectorInfo(connectorUrl))
            { Demo = demo };
            var host = new SandboxHost(info, secrets.ExtensionAuthorization) { DeployReport = reportLines, AdminToken = secrets.AdminToken };
            host._apps.AddRange(apps);
            if (options.InfoFile is { } file)
            {
                // Written last and atomically: its appearance means everything serves.
                var temp = file + ".tmp";
                await File.WriteAllTextAsync(temp, JsonSerializer.Serialize(info, SandboxJsonContext.Default.SandboxInfo), cancellationToken);
                File.Move(temp, file, overwrite: true);
            }

            return host;
        }
        catch
        {
            foreach (var app in apps)
            {
                await app.DisposeAsync();
            }

            throw;
        }
    }

    private static void Configure(WebApplicationBuilder builder, string name, int port, SandboxOptions options)
    {
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.SetMinimumLevel(options.LogLevel);
        options.Configure?.Invoke(name, builder);
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string AddressOf(WebApplication app)
    {
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The server reported no address.");
        return address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
    }

    public async ValueTask DisposeAsync()
    {
        // Connector first, so no extension call reaches a stopped emulator mid-flight.
        for (var i = _apps.Count - 1; i >= 0; i--)
        {
            await _apps[i].StopAsync();
            await _apps[i].DisposeAsync();
        }
    }
}
