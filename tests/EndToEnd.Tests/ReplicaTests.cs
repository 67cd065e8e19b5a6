using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Connector.Commercetools;
using Connector.Deploy;
using Connector.PayPal;
using Connector.Service;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sandbox;

namespace EndToEnd.Tests;

/// <summary>
/// The connector is stateless: three instances behind a round-robin proxy (extension calls and PayPal's signed webhooks
/// spread over them, the sandbox's own instance receiving every webhook too) and a reconciler running on every one of
/// them, over concurrent checkouts with captures and refunds. Nothing is doubled, lost or moved backward, and a settings
/// change reaches every instance within its cache time.
/// </summary>
public sealed class ReplicaTests : IAsyncLifetime
{
    private const int Replicas = 3;
    private const int Checkouts = 9;
    private readonly List<WebApplication> _apps = [];
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Instance, string Path), int> _served = new();
    private SandboxFixture? _sandbox;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private SandboxFixture Sandbox => _sandbox!;

    public async ValueTask InitializeAsync()
    {
        _sandbox = new SandboxFixture(new SandboxOptions
        {
            ConnectorPort = 0, CommercetoolsPort = 0, PayPalPort = 0,
            RegisterPayPalWebhook = true, RunReconciler = true, ReconcilerIntervalSeconds = 1, ReconcilerMinAgeSeconds = 1,
        });
        await _sandbox.InitializeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in _apps)
        {
            await app.DisposeAsync();
        }

        await _sandbox!.DisposeAsync();
    }

    [Fact]
    public async Task Three_replicas_with_webhooks_and_reconcilers_on_every_one_move_each_payment_s_money_exactly_once()
    {
        var instances = new List<string>();
        var proxy = await StartProxyAsync(instances);
        var replicas = new List<WebApplication>();
        for (var i = 0; i < Replicas; i++)
        {
            var app = await StartReplicaAsync();
            replicas.Add(app);
            instances.Add(AddressOf(app));
        }

        // Point commercetools' extension and PayPal's webhook at the proxy (deploy is idempotent; the webhook is new).
        var first = replicas[0].Services;
        var report = await new Deployer(first.GetRequiredService<CommercetoolsClient>(), new DeployOptions
        {
            PublicUrl = proxy,
            ExtensionAuthorization = Sandbox.Host.ExtensionAuthorization,
            GcpProjectId = "sandbox",
            GcpTopicName = "paypal-commercetools-events",
        }, first.GetRequiredService<PayPalClient>()).DeployAsync(Ct);
        var webhookId = report.WebhookId.ShouldNotBeNull();
        foreach (var app in replicas)
        {
            app.Configuration["PayPal:WebhookId"] = webhookId;
            ((IConfigurationRoot)app.Configuration).Reload();
        }

        var ct = await CommercetoolsDriver.CreateAsync(Sandbox, Ct);
        var payments = await Task.WhenAll(Enumerable.Range(0, Checkouts).Select(i => CheckoutAsync(ct, 20_00 + (i * 100), refund: i % 3 == 0)));

        // Webhooks and reconcilers keep running: wait until every payment matches PayPal, then once more, then check.
        foreach (var (paymentId, orderId) in payments)
        {
            await MatchesPayPalAsync(ct, paymentId, orderId, TimeSpan.FromSeconds(60));
        }

        await Task.Delay(TimeSpan.FromSeconds(3), Ct);
        foreach (var (paymentId, orderId) in payments)
        {
            (await MatchesPayPalAsync(ct, paymentId, orderId, TimeSpan.Zero)).ShouldBeTrue($"payment {paymentId} no longer matches PayPal");
        }

        // The load really was spread: every instance answered extension calls and PayPal webhooks came through the proxy.
        foreach (var instance in instances)
        {
            _served.GetValueOrDefault((instance, "/paypal-commercetools-extension")).ShouldBeGreaterThan(0, instance);
        }

        _served.Where(e => e.Key.Path == "/paypal-webhooks").Sum(e => e.Value).ShouldBeGreaterThan(Checkouts);

        // A settings change is seen by every instance within its cache time (1 s here): three orders, three instances.
        await ReconcilerDriver.SetIntentAsync(ct, "Authorize");
        await Task.Delay(TimeSpan.FromSeconds(2), Ct);
        for (var i = 0; i < Replicas; i++)
        {
            var payment = await ct.SetCustomFieldOkAsync(await ct.CreatePayPalPaymentAsync("EUR", 5_00, Ct), "createPayPalOrderRequest", "{}", Ct);
            payment.FieldJson("createPayPalOrderResponse")["intent"]!.GetValue<string>().ShouldBe("AUTHORIZE");
        }
    }

    /// <summary>Create, approve, capture (two clients racing), maybe a partial refund; returns the payment and order ids.</summary>
    private async Task<(string PaymentId, string OrderId)> CheckoutAsync(CommercetoolsDriver ct, long cents, bool refund)
    {
        var (payment, orderId) = await ReconcilerDriver.ApprovedOrderAsync(Sandbox, ct, cents);
        var id = payment.Id();
        // Two clients capture at once, each retrying on 409 the way the README says: PayPal captures once.
        await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => RetryingSetAsync(ct, id, "capturePayPalOrderRequest", "{}")));
        if (refund)
        {
            await RetryingSetAsync(ct, id, "refundPayPalOrderRequest", """{"amount":"3.00"}""");
        }

        return (id, orderId);
    }

    private static async Task RetryingSetAsync(CommercetoolsDriver ct, string paymentId, string field, string value)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var current = await ct.GetPaymentAsync(paymentId, Ct);
            var (status, body) = await ct.SetCustomFieldAsync(paymentId, current["version"]!.GetValue<long>(), field, value, Ct);
            if (status == HttpStatusCode.OK)
            {
                return;
            }

            status.ShouldBe(HttpStatusCode.Conflict, body?.ToJsonString());
        }

        throw new ShouldAssertException($"{field} kept conflicting");
    }

    /// <summary>True once the payment's Charges and Refunds are PayPal's captures and refunds, one to one, all Success.</summary>
    private async Task<bool> MatchesPayPalAsync(CommercetoolsDriver ct, string paymentId, string orderId, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var order = await ReconcilerDriver.PayPalAsync(Sandbox, HttpMethod.Get, $"/v2/checkout/orders/{orderId}");
            var payPal = order["purchase_units"]![0]!["payments"]!.AsObject();
            var payment = await ct.GetPaymentAsync(paymentId, Ct);
            var matches = Same(payment, "Charge", payPal["captures"]) && Same(payment, "Refund", payPal["refunds"]);
            (payPal["captures"]?.AsArray().Count ?? 0).ShouldBe(1, $"PayPal captured {orderId} more than once");
            if (matches)
            {
                return true;
            }

            if (DateTime.UtcNow > deadline)
            {
                if (timeout > TimeSpan.Zero)
                {
                    throw new ShouldAssertException($"payment {paymentId} does not match PayPal: {payment["transactions"]?.ToJsonString()} vs {payPal.ToJsonString()}");
                }

                return false;
            }

            await Task.Delay(300, Ct);
        }
    }

    private static bool Same(JsonObject payment, string type, JsonNode? payPal)
    {
        var ids = (payPal?.AsArray() ?? []).Select(x => x!["id"]!.GetValue<string>()).Order(StringComparer.Ordinal).ToList();
        var recorded = payment.Transactions().Where(t => t["type"]!.GetValue<string>() == type).ToList();
        recorded.ShouldAllBe(t => t["state"]!.GetValue<string>() == "Success" || t["state"]!.GetValue<string>() == "Pending", "a state moved backward");
        return recorded.Select(t => t["interactionId"]!.GetValue<string>()).Order(StringComparer.Ordinal).SequenceEqual(ids)
            && recorded.All(t => t["state"]!.GetValue<string>() == "Success");
    }

    private async Task<WebApplication> StartReplicaAsync()
    {
        var settings = ReconcilerDriver.ConnectorConfiguration(Sandbox);
        settings["Connector:Reconciler:Enabled"] = "true";
        settings["Connector:Reconciler:IntervalSeconds"] = "1";
        settings["Connector:Reconciler:MinAgeSeconds"] = "1";
        settings["Connector:SettingsCacheSeconds"] = "1";
        settings["PayPal:WebhookCertHosts:0"] = Sandbox.Info.PayPal.ApiUrl;
        var app = ConnectorApp.Build([], b =>
        {
            b.Configuration.AddInMemoryCollection(settings);
            b.WebHost.UseUrls("http://127.0.0.1:0");
            b.Logging.SetMinimumLevel(LogLevel.Warning);
        });
        await app.StartAsync(Ct);
        _apps.Add(app);
        return app;
    }

    /// <summary>A round-robin reverse proxy on loopback: each request goes to the next instance, body and headers as sent.</summary>
    private async Task<string> StartProxyAsync(List<string> instances)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        var http = new HttpClient();
        var next = 0;
        app.Run(async context =>
        {
            var target = instances[(int)((uint)Interlocked.Increment(ref next) % (uint)instances.Count)];
            _served.AddOrUpdate((target, context.Request.Path.Value ?? ""), 1, (_, n) => n + 1);
            using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), target + context.Request.Path + context.Request.QueryString);
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body, context.RequestAborted);
            request.Content = new ByteArrayContent(body.ToArray());
            foreach (var (name, values) in context.Request.Headers)
            {
                if (name is "Host" or "Content-Length" or "Transfer-Encoding")
                {
                    continue;
                }

                if (!request.Headers.TryAddWithoutValidation(name, [.. values]))
                {
                    request.Content.Headers.TryAddWithoutValidation(name, [.. values]);
                }
            }

            using var response = await http.SendAsync(request, context.RequestAborted);
            context.Response.StatusCode = (int)response.StatusCode;
            foreach (var (name, values) in response.Content.Headers)
            {
                context.Response.Headers[name] = values.ToArray();
            }

            context.Response.Headers.Remove("Content-Length");
            await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
        });
        await app.StartAsync(Ct);
        _apps.Add(app);
        return AddressOf(app);
    }

    private static string AddressOf(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
}
