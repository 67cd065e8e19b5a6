using System.Globalization;
using System.Security.Cryptography;
using Connector.Commercetools;
using Connector.Deploy;
using Connector.Domain.Contract;
using Connector.PayPal;
using Emulator.Commercetools;
using Emulator.PayPal;

namespace Sandbox;

/// <summary>The secrets the connector and the emulators share in one sandbox run.</summary>
/// <param name="ExtensionAuthorization">The <c>Authorization</c> header commercetools sends to the extension.</param>
/// <param name="AdminToken">The connector's admin token for <c>/admin/settings</c>.</param>
/// <param name="EventsSecret">The token the commercetools subscription puts on its pushes to the events endpoint.</param>
public sealed record SandboxSecrets(string ExtensionAuthorization, string AdminToken, string EventsSecret)
{
    public static SandboxSecrets Generate() => new("Bearer " + RandomHex(), RandomHex(), RandomHex());

    private static string RandomHex() => Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
}

/// <summary>
/// How the sandbox wires its apps together, whatever hosts them: each app's settings given the others' base URLs, and
/// the deploy of the connector into the emulated project. <see cref="SandboxHost"/> runs the apps on loopback ports;
/// the connector's in-process tests run the same wiring on in-memory test servers.
/// </summary>
public static class SandboxWiring
{
    /// <summary>The commercetools emulator's settings: its subscription pushes to the connector's events endpoint.</summary>
    public static Dictionary<string, string?> CommercetoolsEmulatorSettings(string connectorUrl, SandboxSecrets secrets) => new()
    {
        [$"Emulator:Subscriptions:PushUrls:{ConnectorContract.SubscriptionKey}"] = $"{connectorUrl}/paypal-commercetools-events?token={secrets.EventsSecret}",
    };

    /// <summary>
    /// The PayPal emulator's settings: PayPal's retry schedule (25 retries over 3 days) compressed 100-fold, so a failed
    /// webhook delivery is retried within a second.
    /// </summary>
    public static Dictionary<string, string?> PayPalEmulatorSettings() => new()
    {
        ["Emulator:Webhooks:TimeScale"] = "0.01",
    };

    /// <summary>The connector's settings for emulators answering at these base URLs.</summary>
    public static Dictionary<string, string?> ConnectorSettings(string commercetoolsApiUrl, string commercetoolsAuthUrl, string payPalUrl, SandboxSecrets secrets, SandboxOptions options) => new()
    {
        ["Commercetools:ProjectKey"] = CommercetoolsEmulatorDefaults.ProjectKey,
        ["Commercetools:ClientId"] = CommercetoolsEmulatorDefaults.AdminClientId,
        ["Commercetools:ClientSecret"] = CommercetoolsEmulatorDefaults.AdminClientSecret,
        ["Commercetools:ApiUrl"] = commercetoolsApiUrl,
        ["Commercetools:AuthUrl"] = commercetoolsAuthUrl,
        ["PayPal:ClientId"] = PayPalEmulatorDefaults.ClientId,
        ["PayPal:ClientSecret"] = PayPalEmulatorDefaults.ClientSecret,
        ["PayPal:ApiUrl"] = payPalUrl,
        ["Connector:ExtensionAuthorization"] = secrets.ExtensionAuthorization,
        ["Connector:AdminToken"] = secrets.AdminToken,
        ["Connector:EventsSecret"] = secrets.EventsSecret,
        // The emulator signs webhooks with a certificate it serves itself, over plain HTTP.
        ["PayPal:WebhookCertHosts:0"] = payPalUrl,
        ["Connector:Reconciler:Enabled"] = options.RunReconciler ? "true" : "false",
        ["Connector:Reconciler:IntervalSeconds"] = options.ReconcilerIntervalSeconds.ToString(CultureInfo.InvariantCulture),
        ["Connector:Reconciler:MinAgeSeconds"] = options.ReconcilerMinAgeSeconds.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// Deploys the started connector into the emulated project through the connector's own clients (types, the API
    /// extension pointing at <paramref name="connectorUrl"/>, settings, subscription and, if asked, the PayPal webhook);
    /// returns deploy's report lines.
    /// </summary>
    public static async Task<IReadOnlyList<string>> DeployAsync(WebApplication connector, string connectorUrl, SandboxSecrets secrets, bool registerPayPalWebhook, CancellationToken cancellationToken)
    {
        var deployer = new Deployer(connector.Services.GetRequiredService<CommercetoolsClient>(), new DeployOptions
        {
            PublicUrl = connectorUrl,
            ExtensionAuthorization = secrets.ExtensionAuthorization,
            GcpProjectId = "sandbox",
            GcpTopicName = "paypal-commercetools-events",
        }, registerPayPalWebhook ? connector.Services.GetRequiredService<PayPalClient>() : null);
        var report = await deployer.DeployAsync(cancellationToken);
        if (report.WebhookId is { } webhookId)
        {
            // The connector started before deploy registered the webhook; it reads the id per delivery, so set it now.
            connector.Configuration[$"{PayPalOptions.SectionName}:WebhookId"] = webhookId;
            ((IConfigurationRoot)connector.Configuration).Reload();
        }

        return report.Lines;
    }
}
