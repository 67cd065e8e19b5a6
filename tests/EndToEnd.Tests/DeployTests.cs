using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Connector.Commercetools;
using Connector.Deploy;
using Connector.PayPal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Sandbox;

namespace EndToEnd.Tests;

/// <summary>
/// Deploy and undeploy against a sandbox of their own (undeploying the shared one would break every other test):
/// deploy is idempotent, registers one PayPal webhook for the connector, and undeploy removes registrations, never data.
/// </summary>
public sealed class DeployTests : IAsyncLifetime
{
    private SandboxFixture? _sandbox;
    private ServiceProvider? _services;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private SandboxFixture Sandbox => _sandbox!;

    public async ValueTask InitializeAsync()
    {
        _sandbox = new SandboxFixture(new SandboxOptions { ConnectorPort = 0, CommercetoolsPort = 0, PayPalPort = 0, RegisterPayPalWebhook = true });
        await _sandbox.InitializeAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(_sandbox.UpstreamSettings()).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddCommercetoolsClient();
        services.AddPayPalClient();
        _services = services.BuildServiceProvider();
    }

    public async ValueTask DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        if (_sandbox is not null)
        {
            await _sandbox.DisposeAsync();
        }
    }

    [Fact]
    public async Task Deploy_registers_one_webhook_for_the_connector_and_running_it_again_reuses_it()
    {
        var first = (await WebhooksAsync()).ShouldHaveSingleItem();
        first["url"]!.GetValue<string>().ShouldBe(Sandbox.Info.Connector.Url + "/paypal-webhooks");
        var types = first["event_types"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()).ToList();
        types.ShouldBe(Connector.Deploy.Deployer.WebhookEventTypes, ignoreOrder: true);

        var again = await NewDeployer().DeployAsync(Ct);

        again.WebhookId.ShouldBe(first["id"]!.GetValue<string>());
        again.Lines.ShouldContain($"webhook {again.WebhookId}: up to date");
        (await WebhooksAsync()).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Deploy_adds_missing_event_types_to_a_webhook_registered_for_the_same_url()
    {
        var webhook = (await WebhooksAsync()).ShouldHaveSingleItem();
        var id = webhook["id"]!.GetValue<string>();
        await PayPalAsync(HttpMethod.Patch, $"/v1/notifications/webhooks/{id}", new JsonArray(new JsonObject
        {
            ["op"] = "replace",
            ["path"] = "/event_types",
            ["value"] = new JsonArray(new JsonObject { ["name"] = "PAYMENT.CAPTURE.COMPLETED" }, new JsonObject { ["name"] = "CHECKOUT.PAYMENT-APPROVAL.REVERSED" }),
        }));

        var report = await NewDeployer().DeployAsync(Ct);

        report.WebhookId.ShouldBe(id);
        var types = (await WebhooksAsync()).ShouldHaveSingleItem()["event_types"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()).ToList();
        types.ShouldBe([.. Connector.Deploy.Deployer.WebhookEventTypes, "CHECKOUT.PAYMENT-APPROVAL.REVERSED"], ignoreOrder: true);
    }

    [Fact]
    public async Task Undeploy_then_deploy_keeps_every_PayPalOrderId_and_removes_only_registrations()
    {
        var ct = await CommercetoolsDriver.CreateAsync(Sandbox, Ct);
        var payments = new List<(string Id, string OrderId)>();
        for (var i = 0; i < 3; i++)
        {
            var orderId = $"ORDER-KEEP-{i}-{Guid.NewGuid():N}"[..24];
            var payment = await ct.CreatePayPalPaymentAsync("EUR", 10_00 + i, Ct, new JsonObject { ["PayPalOrderId"] = orderId });
            payments.Add((payment["id"]!.GetValue<string>(), orderId));
        }

        var created = await ct.SetCustomFieldOkAsync(await ct.CreatePayPalPaymentAsync("EUR", 7_00, Ct), "createPayPalOrderRequest", "{}", Ct);
        payments.Add((created["id"]!.GetValue<string>(), created.Field("PayPalOrderId")!));

        var undeployed = await NewDeployer().UndeployAsync(purge: false, Ct);

        undeployed.Lines.ShouldContain("extension paypal-payment-extension: removed");
        undeployed.Lines.ShouldContain(l => l.StartsWith("webhook ", StringComparison.Ordinal) && l.EndsWith(": removed", StringComparison.Ordinal));
        (await WebhooksAsync()).ShouldBeEmpty();
        (await ct.SendAsync(HttpMethod.Get, "/extensions/key=paypal-payment-extension", null, Ct)).Status.ShouldBe(HttpStatusCode.NotFound);
        (await ct.SendAsync(HttpMethod.Get, "/types/key=paypal-payment-type", null, Ct)).Status.ShouldBe(HttpStatusCode.OK);
        foreach (var (id, orderId) in payments)
        {
            (await ct.GetPaymentAsync(id, Ct)).Field("PayPalOrderId").ShouldBe(orderId);
        }

        var redeployed = await NewDeployer().DeployAsync(Ct);

        redeployed.WebhookId.ShouldNotBeNull();
        (await WebhooksAsync()).ShouldHaveSingleItem()["id"]!.GetValue<string>().ShouldBe(redeployed.WebhookId);
        (await ct.SendAsync(HttpMethod.Get, "/extensions/key=paypal-payment-extension", null, Ct)).Status.ShouldBe(HttpStatusCode.OK);
        foreach (var (id, orderId) in payments)
        {
            (await ct.GetPaymentAsync(id, Ct)).Field("PayPalOrderId").ShouldBe(orderId);
        }

        // The extension works again after redeploy.
        var after = await ct.SetCustomFieldOkAsync(await ct.CreatePayPalPaymentAsync("EUR", 3_00, Ct), "createPayPalOrderRequest", "{}", Ct);
        after.Field("PayPalOrderId").ShouldNotBeNull();
    }

    private Deployer NewDeployer() => new(
        _services!.GetRequiredService<CommercetoolsClient>(),
        new DeployOptions
        {
            PublicUrl = Sandbox.Info.Connector.Url,
            ExtensionAuthorization = Sandbox.Host.ExtensionAuthorization,
            GcpProjectId = "sandbox",
            GcpTopicName = "paypal-commercetools-events",
        },
        _services!.GetRequiredService<PayPalClient>());

    private async Task<List<JsonObject>> WebhooksAsync()
    {
        var list = await PayPalAsync(HttpMethod.Get, "/v1/notifications/webhooks", null);
        return [.. list["webhooks"]!.AsArray().Select(w => w!.AsObject()).Where(w => w["url"]!.GetValue<string>() == Sandbox.Info.Connector.Url + "/paypal-webhooks")];
    }

    private async Task<JsonObject> PayPalAsync(HttpMethod method, string path, JsonNode? body)
    {
        using var request = new HttpRequestMessage(method, Sandbox.Info.PayPal.ApiUrl + path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await Sandbox.PayPalTokenAsync(Ct));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        using var response = await Sandbox.Http.SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        ((int)response.StatusCode).ShouldBeLessThan(300, text);
        return string.IsNullOrEmpty(text) ? [] : JsonNode.Parse(text)!.AsObject();
    }
}
