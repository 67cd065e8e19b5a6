using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json;
using Connector.Commercetools;
using Connector.Deploy;
using Connector.Domain.Contract;
using Connector.PayPal;
using Connector.Service;
using Emulator.Commercetools;
using Emulator.PayPal;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
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
            var eventsSecret = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
            var pushUrl = $"http://127.0.0.1:{connectorPort}/paypal-commercetools-events?token={eventsSecret}";
            var commercetools = CommercetoolsEmulatorApp.Build([], b =>
            {
                b.Configuration.AddInMemoryCollection([new($"Emulator:Subscriptions:PushUrls:{ConnectorContract.SubscriptionKey}", pushUrl)]);
                Configure(b, "commercetools", options.CommercetoolsPort, options);
            });
            await commercetools.StartAsync(cancellationToken);
            apps.Add(commercetools);
            var commercetoolsUrl = AddressOf(commercetools);

            var payPal = PayPalEmulatorApp.Build([], b =>
            {
                // PayPal's retry schedule (25 retries over 3 days) compressed 100-fold: a failed delivery is retried within a second.
                b.Configuration.AddInMemoryCollection([new("Emulator:Webhooks:TimeScale", "0.01")]);
                Configure(b, "paypal", options.PayPalPort, options);
            });
            await payPal.StartAsync(cancellationToken);
            apps.Add(payPal);
            var payPalUrl = AddressOf(payPal);

            var extensionAuthorization = "Bearer " + Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
            var adminToken = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
            var connectorSettings = new Dictionary<string, string?>
            {
                ["Commercetools:ProjectKey"] = CommercetoolsEmulatorDefaults.ProjectKey,
                ["Commercetools:ClientId"] = CommercetoolsEmulatorDefaults.AdminClientId,
                ["Commercetools:ClientSecret"] = CommercetoolsEmulatorDefaults.AdminClientSecret,
                ["Commercetools:ApiUrl"] = commercetoolsUrl,
                ["Commercetools:AuthUrl"] = commercetoolsUrl,
                ["PayPal:ClientId"] = PayPalEmulatorDefaults.ClientId,
                ["PayPal:ClientSecret"] = PayPalEmulatorDefaults.ClientSecret,
                ["PayPal:ApiUrl"] = payPalUrl,
                ["Connector:ExtensionAuthorization"] = extensionAuthorization,
                ["Connector:AdminToken"] = adminToken,
                ["Connector:EventsSecret"] = eventsSecret,
                // The emulator signs webhooks with a certificate it serves itself, over plain HTTP on loopback.
                ["PayPal:WebhookCertHosts:0"] = payPalUrl,
                ["Connector:Reconciler:Enabled"] = options.RunReconciler ? "true" : "false",
                ["Connector:Reconciler:IntervalSeconds"] = options.ReconcilerIntervalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Connector:Reconciler:MinAgeSeconds"] = options.ReconcilerMinAgeSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
            var connector = ConnectorApp.Build([], b =>
            {
                b.Configuration.AddInMemoryCollection(connectorSettings);
                Configure(b, "connector", connectorPort, options);
            });
            await connector.StartAsync(cancellationToken);
            apps.Add(connector);
            var connectorUrl = AddressOf(connector);

            var deployer = new Deployer(connector.Services.GetRequiredService<CommercetoolsClient>(), new DeployOptions
            {
                PublicUrl = connectorUrl,
                ExtensionAuthorization = extensionAuthorization,
                GcpProjectId = "sandbox",
                GcpTopicName = "paypal-commercetools-events",
            }, options.RegisterPayPalWebhook ? connector.Services.GetRequiredService<PayPalClient>() : null);
            var report = await deployer.DeployAsync(cancellationToken);
            if (report.WebhookId is { } webhookId)
            {
                // The connector started before deploy registered the webhook; it reads the id per delivery, so set it now.
                connector.Configuration[$"{PayPalOptions.SectionName}:WebhookId"] = webhookId;
                ((IConfigurationRoot)connector.Configuration).Reload();
            }

            var reportLines = report.Lines.ToList();

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
            var host = new SandboxHost(info, extensionAuthorization) { DeployReport = reportLines, AdminToken = adminToken };
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
