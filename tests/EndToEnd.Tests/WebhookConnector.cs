using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Connector.Service;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Connector.Service.Webhooks;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EndToEnd.Tests;

/// <summary>
/// A second connector instance on the shared sandbox's emulators, whose webhook certificates come from a
/// <see cref="WebhookSigner"/>: tests can then deliver webhooks signed exactly as PayPal signs them. Everything else
/// (commercetools, PayPal) is the same as the sandbox's own connector, as with several instances behind a load balancer.
/// </summary>
public sealed class WebhookConnector : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebhookConnector(WebApplication app, WebhookSigner signer, string url, HttpClient http)
    {
        _app = app;
        Signer = signer;
        Url = url;
        Http = http;
    }

    public WebhookSigner Signer { get; }

    public string Url { get; }

    private HttpClient Http { get; }

    public static async Task<WebhookConnector> StartAsync(SandboxFixture sandbox, Dictionary<string, string?>? extra = null, UpstreamCounter? counter = null)
    {
        var signer = new WebhookSigner("WH-" + Guid.NewGuid().ToString("N")[..12]);
        var settings = sandbox.UpstreamSettings();
        settings["PayPal:WebhookId"] = signer.WebhookId;
        settings["PayPal:WebhookCertHosts:0"] = WebhookSigner.CertHost;
        settings["Connector:ExtensionAuthorization"] = "Bearer not-used-by-webhook-tests";
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        var app = ConnectorApp.Build([], b =>
        {
            b.Configuration.AddInMemoryCollection(settings);
            b.WebHost.UseUrls("http://127.0.0.1:0");
            b.Logging.SetMinimumLevel(LogLevel.Warning);
            b.Services.AddHttpClient(WebhookCertificateCache.HttpClientName).ConfigurePrimaryHttpMessageHandler(signer.CertificateHandler);
            if (counter is not null)
            {
                b.Services.ConfigureHttpClientDefaults(http => http.AddHttpMessageHandler(counter.CreateHandler));
            }
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return new WebhookConnector(app, signer, address, sandbox.Http);
    }

    /// <summary>Delivers an event signed by our signer (or with the given headers) and returns the status code.</summary>
    public async Task<int> DeliverAsync(JsonObject evt, CancellationToken cancellationToken, Func<byte[], Dictionary<string, string>>? headers = null)
    {
        var body = Encoding.UTF8.GetBytes(evt.ToJsonString());
        return await DeliverRawAsync(body, (headers ?? (b => Signer.Headers(b)))(body), cancellationToken);
    }

    public async Task<int> DeliverRawAsync(byte[] body, Dictionary<string, string> headers, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Url + WebhookEndpoints.Path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await Http.SendAsync(request, cancellationToken);
        return (int)response.StatusCode;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Signer.Dispose();
    }
}

/// <summary>PayPal webhook event bodies, shaped as PayPal sends them.</summary>
public static class WebhookEvents
{
    public static JsonObject Create(string eventType, string resourceType, JsonObject resource, DateTimeOffset? createdAt = null) => new()
    {
        ["id"] = "WH-EVT-" + Guid.NewGuid().ToString("N")[..16].ToUpperInvariant(),
        ["event_version"] = "1.0",
        ["create_time"] = (createdAt ?? DateTimeOffset.UtcNow).ToString("yyyy-MM-ddTHH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture),
        ["resource_type"] = resourceType,
        ["resource_version"] = "2.0",
        ["event_type"] = eventType,
        ["summary"] = eventType,
        ["resource"] = resource,
    };

    public static JsonObject Capture(string eventType, string orderId, string captureId, string status, string currency, string value) =>
        Create(eventType, "capture", new JsonObject
        {
            ["id"] = captureId,
            ["status"] = status,
            ["amount"] = new JsonObject { ["currency_code"] = currency, ["value"] = value },
            ["final_capture"] = true,
            ["supplementary_data"] = new JsonObject { ["related_ids"] = new JsonObject { ["order_id"] = orderId } },
        });

    public static JsonObject Refund(string eventType, string orderId, string captureId, string refundId, string status, string currency, string value) =>
        Create(eventType, "refund", new JsonObject
        {
            ["id"] = refundId,
            ["status"] = status,
            ["amount"] = new JsonObject { ["currency_code"] = currency, ["value"] = value },
            ["supplementary_data"] = new JsonObject { ["related_ids"] = new JsonObject { ["order_id"] = orderId, ["capture_id"] = captureId } },
        });

    public static JsonObject Authorization(string eventType, string orderId, string authorizationId, string status, string currency, string value) =>
        Create(eventType, "authorization", new JsonObject
        {
            ["id"] = authorizationId,
            ["status"] = status,
            ["amount"] = new JsonObject { ["currency_code"] = currency, ["value"] = value },
            ["supplementary_data"] = new JsonObject { ["related_ids"] = new JsonObject { ["order_id"] = orderId } },
        });

    public static JsonObject Order(string eventType, string orderId, string status) =>
        Create(eventType, "checkout-order", new JsonObject
        {
            ["id"] = orderId,
            ["status"] = status,
            ["intent"] = "CAPTURE",
            ["payment_source"] = new JsonObject { ["paypal"] = new JsonObject { ["email_address"] = "buyer@example.com" } },
            ["purchase_units"] = new JsonArray(),
        });
}
