using System.Net;
using System.Text.Json.Nodes;
using Emulator.Commercetools;
using Emulator.PayPal;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Sandbox;

namespace Connector.Service.Tests.Infrastructure;

/// <summary>
/// The connector with both emulators, each on an in-memory test server, wired and deployed as the sandbox does, for fast
/// connector tests: no sockets, one fake clock for all three apps, and every outgoing HttpClient of every app (and the
/// test's own <see cref="Http"/>) routed by <see cref="HostRouter"/> to the app behind a fake host, failing on any
/// other host. One instance per test: nothing is shared, the clock included.
/// </summary>
public sealed class InProcessConnector : IAsyncDisposable
{
    public const string ConnectorUrl = "http://connector.test";
    public const string CommercetoolsApiUrl = "http://commercetools.test";
    public const string CommercetoolsAuthUrl = "http://auth.commercetools.test";
    public const string PayPalUrl = "http://paypal.test";

    /// <summary>Where the fake clock starts; it moves only when a test advances it.</summary>
    public static readonly DateTimeOffset StartTime = new(2026, 11, 23, 11, 0, 0, TimeSpan.Zero);

    private readonly List<WebApplication> _apps;

    private InProcessConnector(FakeTimeProvider time, HostRouter router, List<WebApplication> apps, SandboxSecrets secrets)
    {
        Time = time;
        Router = router;
        _apps = apps;
        Secrets = secrets;
        Http = new HttpClient(router.HandlerFor("test")) { Timeout = TimeSpan.FromSeconds(30) };
    }

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    /// <summary>The one clock of the connector and both emulators.</summary>
    public FakeTimeProvider Time { get; }

    public HostRouter Router { get; }

    public SandboxSecrets Secrets { get; }

    public WebApplication Commercetools => _apps[0];

    public WebApplication PayPal => _apps[1];

    public WebApplication Connector => _apps[2];

    public IReadOnlyList<string> DeployReport { get; private set; } = [];

    /// <summary>The test's client: reaches the fake hosts (never follows redirects) and nothing else.</summary>
    public HttpClient Http { get; }

    /// <summary>The commercetools project as the shop's backend sees it (admin client).</summary>
    public CommercetoolsDriver Ct { get; private set; } = null!;

    /// <summary>
    /// Starts and deploys. <paramref name="options"/> chooses what the sandbox would (reconciler, PayPal webhook
    /// registration, log level, extra configuration per app by name: <c>commercetools</c>, <c>paypal</c>, <c>connector</c>);
    /// its ports and files are ignored.
    /// </summary>
    public static async Task<InProcessConnector> StartAsync(SandboxOptions? options = null)
    {
        options ??= new SandboxOptions();
        var time = new FakeTimeProvider(StartTime);
        var router = new HostRouter();
        var secrets = SandboxSecrets.Generate();
        var apps = new List<WebApplication>();
        try
        {
            var commercetools = CommercetoolsEmulatorApp.Build([], b =>
            {
                b.Configuration.AddInMemoryCollection(SandboxWiring.CommercetoolsEmulatorSettings(ConnectorUrl, secrets));
                Configure(b, "commercetools", time, router, options);
            });
            await StartAsync(commercetools, apps);
            router.Route(CommercetoolsApiUrl, commercetools.GetTestServer());
            router.Route(CommercetoolsAuthUrl, commercetools.GetTestServer());

            var payPal = PayPalEmulatorApp.Build([], b =>
            {
                b.Configuration.AddInMemoryCollection(SandboxWiring.PayPalEmulatorSettings());
                Configure(b, "paypal", time, router, options);
            });
            await StartAsync(payPal, apps);
            router.Route(PayPalUrl, payPal.GetTestServer());

            var connector = ConnectorApp.Build([], b =>
            {
                b.Configuration.AddInMemoryCollection(SandboxWiring.ConnectorSettings(CommercetoolsApiUrl, CommercetoolsAuthUrl, PayPalUrl, secrets, options));
                Configure(b, "connector", time, router, options);
            });
            await StartAsync(connector, apps);
            router.Route(ConnectorUrl, connector.GetTestServer());

            var system = new InProcessConnector(time, router, apps, secrets);
            system.DeployReport = await SandboxWiring.DeployAsync(connector, ConnectorUrl, secrets, options.RegisterPayPalWebhook, Cancellation);
            var token = await CommercetoolsDriver.ClientCredentialsTokenAsync(system.Http, CommercetoolsAuthUrl,
                CommercetoolsEmulatorDefaults.AdminClientId, CommercetoolsEmulatorDefaults.AdminClientSecret, Cancellation);
            system.Ct = new CommercetoolsDriver(system.Http, $"{CommercetoolsApiUrl}/{CommercetoolsEmulatorDefaults.ProjectKey}", token);
            return system;
        }
        catch
        {
            for (var i = apps.Count - 1; i >= 0; i--)
            {
                await apps[i].DisposeAsync();
            }

            router.Dispose();
            throw;
        }
    }

    private static async Task StartAsync(WebApplication app, List<WebApplication> apps)
    {
        apps.Add(app);
        await app.StartAsync(Cancellation);
    }

    private static void Configure(WebApplicationBuilder builder, string name, FakeTimeProvider time, HostRouter router, SandboxOptions options)
    {
        builder.WebHost.UseTestServer();
        builder.Logging.SetMinimumLevel(options.LogLevel);
        // Registered after the app's own TimeProvider, so this one wins.
        builder.Services.AddSingleton<TimeProvider>(time);
        // Runs after each client's own ConfigurePrimaryHttpMessageHandler (registered earlier), so every named and typed
        // client, and any added later, ends on the router.
        builder.Services.ConfigureAll<HttpClientFactoryOptions>(o => o.HttpMessageHandlerBuilderActions.Add(b => b.PrimaryHandler = router.HandlerFor(name)));
        options.Configure?.Invoke(name, builder);
    }

    /// <summary>A cart of <paramref name="centAmount"/> EUR with a new PayPal payment of the same amount (connector's custom type) added; returns the payment.</summary>
    public async Task<JsonObject> CartPaymentAsync(long centAmount)
    {
        var cart = await Ct.CreateCartAsync(CommercetoolsDriver.CartDraft(centAmount), Cancellation);
        var payment = await Ct.CreatePayPalPaymentAsync("EUR", centAmount, Cancellation);
        await Ct.AddPaymentToCartAsync(cart, payment["id"]!.GetValue<string>(), Cancellation);
        return payment;
    }

    /// <summary>Sets the request field <paramref name="field"/> (the connector runs the operation as commercetools' extension); returns the updated payment.</summary>
    public Task<JsonObject> RequestAsync(JsonObject payment, string field, string value = "{}") =>
        Ct.SetCustomFieldOkAsync(payment, field, value, Cancellation);

    /// <summary>The buyer approves the PayPal order the payment's <c>createPayPalOrderResponse</c> describes, on the emulator's page.</summary>
    public async Task ApproveAsync(JsonObject payment)
    {
        var order = payment.FieldJson("createPayPalOrderResponse");
        var approve = order["links"]!.AsArray().Single(l => l!["rel"]!.GetValue<string>() == "approve")!["href"]!.GetValue<string>();
        using var decided = await BuyerDriver.DecideAsync(Http, approve, "approve", Cancellation);
        ((int)decided.StatusCode).ShouldBeLessThan((int)HttpStatusCode.BadRequest);
    }

    /// <summary>
    /// Deploys again, now registering the connector's PayPal webhook (deploy reuses what exists). Until then PayPal's
    /// webhooks go nowhere, so a test can bring a payment into shape without webhook writes racing its own updates.
    /// </summary>
    public async Task RegisterPayPalWebhookAsync() =>
        DeployReport = await SandboxWiring.DeployAsync(Connector, ConnectorUrl, Secrets, registerPayPalWebhook: true, Cancellation);

    /// <summary>How many access tokens the connector has fetched from PayPal so far.</summary>
    public int PayPalTokenFetches => Router.Count("connector", HttpMethod.Post, $"{PayPalUrl}/v1/oauth2/token");

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        // Connector first, so no extension call reaches a stopped emulator mid-flight.
        for (var i = _apps.Count - 1; i >= 0; i--)
        {
            await _apps[i].StopAsync(CancellationToken.None);
            await _apps[i].DisposeAsync();
        }

        Router.Dispose();
    }
}
