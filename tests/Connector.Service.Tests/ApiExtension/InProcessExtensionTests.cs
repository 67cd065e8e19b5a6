using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Connector.Commercetools;
using Connector.PayPal;
using Connector.Service.Tests.Infrastructure;
using Connector.Service.Webhooks;
using Emulator.Commercetools.Extensions;
using Emulator.Commercetools.Subscriptions;
using Emulator.PayPal.Webhooks;
using Microsoft.Extensions.DependencyInjection;

namespace Connector.Service.Tests.ApiExtension;

/// <summary>
/// Payment operations through commercetools' API extension with the connector and both emulators in memory
/// (<see cref="InProcessConnector"/>): the same wiring as the sandbox, without sockets and with a fake clock.
/// </summary>
public sealed class InProcessExtensionTests
{
    private const string ExtensionPath = "/paypal-commercetools-extension";

    [Fact]
    public async Task Create_order_buyer_approval_and_capture_record_a_successful_Charge()
    {
        await using var system = await InProcessConnector.StartAsync();
        var payment = await system.CartPaymentAsync(12_34);

        payment = await system.RequestAsync(payment, "createPayPalOrderRequest");
        var created = payment.FieldJson("createPayPalOrderResponse");
        created["status"]!.GetValue<string>().ShouldBe("CREATED");
        created["purchase_units"]![0]!["amount"]!["value"]!.GetValue<string>().ShouldBe("12.34");
        var orderId = created["id"]!.GetValue<string>();
        payment.Field("PayPalOrderId").ShouldBe(orderId);

        await system.ApproveAsync(payment);
        payment = await system.RequestAsync(payment, "capturePayPalOrderRequest");

        payment.ShouldHaveCapturedOnce(12_34, "EUR");
        // Both operations reached the connector as extension calls of the commercetools emulator, through the router.
        system.Router.Count("commercetools", HttpMethod.Post, InProcessConnector.ConnectorUrl + ExtensionPath).ShouldBe(2);
        system.Router.Unrouted.ShouldBeEmpty();
    }

    [Fact]
    public async Task Get_order_writes_PayPal_s_order_to_the_response_field_and_adds_no_transaction_before_capture()
    {
        await using var system = await InProcessConnector.StartAsync();
        var payment = await system.RequestAsync(await system.CartPaymentAsync(20_00), "createPayPalOrderRequest");
        var orderId = payment.Field("PayPalOrderId")!;
        await system.ApproveAsync(payment);

        payment = await system.RequestAsync(payment, "getPayPalOrderRequest");

        var order = payment.FieldJson("getPayPalOrderResponse");
        order["id"]!.GetValue<string>().ShouldBe(orderId);
        order["status"]!.GetValue<string>().ShouldBe("APPROVED");
        order["purchase_units"]![0]!["amount"]!["value"]!.GetValue<string>().ShouldBe("20.00");
        payment.Field("getPayPalOrderRequest").ShouldBeNull();
        payment.Transactions().ShouldBeEmpty();
        system.Router.Count("connector", HttpMethod.Get, $"{InProcessConnector.PayPalUrl}/v2/checkout/orders/{orderId}").ShouldBe(1);
    }

    [Fact]
    public async Task A_refund_made_at_PayPal_reaches_commercetools_through_the_emulator_s_signed_webhook()
    {
        await using var system = await InProcessConnector.StartAsync();
        var payment = await system.RequestAsync(await system.CartPaymentAsync(40_00), "createPayPalOrderRequest");
        await system.ApproveAsync(payment);
        payment = await system.RequestAsync(payment, "capturePayPalOrderRequest");
        var captureId = payment.Transactions().ShouldHaveSingleItem()["interactionId"]!.GetValue<string>();
        await system.RegisterPayPalWebhookAsync();

        using (var refunded = await system.Http.PostAsJsonAsync($"{InProcessConnector.PayPalUrl}/emulator/captures/{captureId}/refund",
            new JsonObject { ["amount"] = new JsonObject { ["currency_code"] = "EUR", ["value"] = "15.00" } }, TestContext.Current.CancellationToken))
        {
            refunded.StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        var delivery = await NextDeliveryAsync(system, "PAYMENT.CAPTURE.REFUNDED");
        delivery.StatusCode.ShouldBe(200, delivery.Error);
        delivery.Url.ShouldBe(InProcessConnector.ConnectorUrl + "/paypal-webhooks");
        var after = await system.Ct.GetPaymentAsync(payment["id"]!.GetValue<string>(), TestContext.Current.CancellationToken);
        var refund = after.Transactions().Where(t => t["type"]!.GetValue<string>() == "Refund").ShouldHaveSingleItem();
        refund["state"]!.GetValue<string>().ShouldBe("Success");
        refund["amount"]!["centAmount"]!.GetValue<long>().ShouldBe(15_00);
        // The signature was checked with the certificate the emulator serves, fetched through the router.
        system.Router.Count("connector", HttpMethod.Get, InProcessConnector.PayPalUrl + WebhookSigner.CertPath).ShouldBe(1);
        system.Router.Unrouted.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("connector", nameof(PayPalTransport))]
    [InlineData("connector", PayPalTokenService.AuthClientName)]
    [InlineData("connector", nameof(CommercetoolsClient))]
    [InlineData("connector", CommercetoolsTokenCache.AuthClientName)]
    [InlineData("connector", WebhookCertificateCache.HttpClientName)]
    [InlineData("commercetools", ExtensionInvoker.HttpClientName)]
    [InlineData("commercetools", SubscriptionDispatcher.HttpClientName)]
    [InlineData("paypal", WebhookDispatcher.HttpClientName)]
    [InlineData("paypal", "a client registered by nobody")]
    public async Task A_call_to_a_host_no_in_process_app_answers_throws_naming_the_URL(string app, string clientName)
    {
        await using var system = await InProcessConnector.StartAsync();
        var services = app switch
        {
            "connector" => system.Connector.Services,
            "commercetools" => system.Commercetools.Services,
            _ => system.PayPal.Services,
        };
        using var client = services.GetRequiredService<IHttpClientFactory>().CreateClient(clientName);

        var thrown = await Should.ThrowAsync<UnroutedRequestException>(() =>
            client.GetAsync(new Uri("https://api-m.paypal.com/v2/checkout/orders/5O190127TN364715T?fields=secret"), TestContext.Current.CancellationToken));

        thrown.Message.ShouldContain($"{app} called GET https://api-m.paypal.com/v2/checkout/orders/5O190127TN364715T");
        thrown.Message.ShouldNotContain("secret");
        system.Router.Unrouted.ShouldBe(["https://api-m.paypal.com/v2/checkout/orders/5O190127TN364715T"]);
    }

    [Fact]
    public async Task The_connector_fetches_a_new_PayPal_token_only_once_the_fake_clock_passes_the_token_s_lifetime()
    {
        await using var system = await InProcessConnector.StartAsync();
        system.PayPalTokenFetches.ShouldBe(0);

        await system.RequestAsync(await system.CartPaymentAsync(1_00), "createPayPalOrderRequest");
        await system.RequestAsync(await system.CartPaymentAsync(2_00), "createPayPalOrderRequest");
        system.PayPalTokenFetches.ShouldBe(1);

        // The emulator's tokens live 32400 s; the connector refreshes five minutes before the expiry it was told.
        system.Time.Advance(TimeSpan.FromSeconds(32400 - 300 - 1));
        await system.RequestAsync(await system.CartPaymentAsync(3_00), "createPayPalOrderRequest");
        system.PayPalTokenFetches.ShouldBe(1);

        system.Time.Advance(TimeSpan.FromSeconds(2));
        var payment = await system.RequestAsync(await system.CartPaymentAsync(4_00), "createPayPalOrderRequest");

        system.PayPalTokenFetches.ShouldBe(2);
        payment.FieldJson("createPayPalOrderResponse")["status"]!.GetValue<string>().ShouldBe("CREATED");
    }

    [Fact]
    public async Task All_three_apps_read_the_one_fake_clock()
    {
        await using var system = await InProcessConnector.StartAsync();
        var apps = new[] { system.Connector, system.Commercetools, system.PayPal };

        system.Time.Advance(TimeSpan.FromDays(3));

        apps.Select(a => a.Services.GetRequiredService<TimeProvider>().GetUtcNow())
            .ShouldAllBe(now => now == InProcessConnector.StartTime.AddDays(3));
    }

    /// <summary>The emulator's next finished delivery attempt of an event of <paramref name="eventType"/> (earlier ones of other types are skipped).</summary>
    private static async Task<DeliveryAttempt> NextDeliveryAsync(InProcessConnector system, string eventType)
    {
        // Bounded, so a delivery that never comes fails the test instead of hanging it.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        var observed = system.PayPal.Services.GetRequiredService<WebhookDispatcher>().Observed;
        while (true)
        {
            var attempt = await observed.ReadAsync(timeout.Token);
            if (attempt.EventType == eventType)
            {
                return attempt;
            }
        }
    }
}
