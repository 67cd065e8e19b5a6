using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using Emulator.PayPal.Tests.Drivers;
using Emulator.PayPal.Webhooks;

namespace Emulator.PayPal.Tests.Webhooks;

public sealed class WebhookTests
{
    private const string HookUrl = "https://merchant.example.com/paypal-webhooks";

    private static async Task<(EmulatorHost Host, WebhookReceiver Receiver, string WebhookId)> StartWithWebhookAsync(Dictionary<string, string?>? settings = null, params string[] eventTypes)
    {
        var receiver = new WebhookReceiver();
        var host = await EmulatorHost.StartAsync(settings, receiver.Install);
        var types = new JsonArray([.. (eventTypes.Length == 0 ? ["*"] : eventTypes).Select(t => (JsonNode)new JsonObject { ["name"] = t })]);
        var (status, webhook) = await host.CallAsync(HttpMethod.Post, "/v1/notifications/webhooks", new JsonObject { ["url"] = HookUrl, ["event_types"] = types });
        status.ShouldBe(HttpStatusCode.Created, webhook?.ToJsonString());
        return (host, receiver, webhook!["id"]!.GetValue<string>());
    }

    private static async Task<string> CapturedCardOrderAsync(EmulatorHost host)
    {
        var order = await host.CreateOrderAsync(Payloads.CardOrder());
        var (_, captured) = await host.CallAsync(HttpMethod.Post, $"/v2/checkout/orders/{order["id"]}/capture", null, EmulatorHost.Representation("cap"));
        return captured!["purchase_units"]![0]!["payments"]!["captures"]![0]!["id"]!.GetValue<string>();
    }

    [Fact]
    public async Task Webhooks_can_be_registered_listed_patched_and_deleted()
    {
        var (host, _, id) = await StartWithWebhookAsync(null, "PAYMENT.CAPTURE.COMPLETED");
        await using var _ = host;

        var (_, list) = await host.CallAsync(HttpMethod.Get, "/v1/notifications/webhooks?anchor_type=APPLICATION");
        list!["webhooks"]!.AsArray().Single()!["url"]!.GetValue<string>().ShouldBe(HookUrl);
        var duplicate = await host.CallAsync(HttpMethod.Post, "/v1/notifications/webhooks", new JsonObject { ["url"] = HookUrl, ["event_types"] = new JsonArray(new JsonObject { ["name"] = "*" }) });
        duplicate.Body!["details"]![0]!["issue"]!.GetValue<string>().ShouldBe("WEBHOOK_URL_ALREADY_EXISTS");
        var unknownType = await host.CallAsync(HttpMethod.Post, "/v1/notifications/webhooks", new JsonObject { ["url"] = HookUrl + "2", ["event_types"] = new JsonArray(new JsonObject { ["name"] = "NOT.A.TYPE" }) });
        unknownType.Status.ShouldBe(HttpStatusCode.BadRequest);

        var (patched, webhook) = await host.CallAsync(HttpMethod.Patch, $"/v1/notifications/webhooks/{id}", new JsonArray(new JsonObject
        {
            ["op"] = "replace",
            ["path"] = "/event_types",
            ["value"] = new JsonArray(new JsonObject { ["name"] = "PAYMENT.CAPTURE.REFUNDED" }, new JsonObject { ["name"] = "PAYMENT.CAPTURE.REVERSED" }),
        }));
        patched.ShouldBe(HttpStatusCode.OK);
        webhook!["event_types"]!.AsArray().Count.ShouldBe(2);
        var (_, types) = await host.CallAsync(HttpMethod.Get, $"/v1/notifications/webhooks/{id}/event-types");
        types!["event_types"]![0]!["name"]!.GetValue<string>().ShouldBe("PAYMENT.CAPTURE.REFUNDED");
        var (_, all) = await host.CallAsync(HttpMethod.Get, "/v1/notifications/webhooks-event-types");
        all!["event_types"]!.AsArray().Count.ShouldBeGreaterThan(10);

        using var deleted = await host.SendAsync(HttpMethod.Delete, $"/v1/notifications/webhooks/{id}");
        deleted.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await host.CallAsync(HttpMethod.Get, $"/v1/notifications/webhooks/{id}")).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Capture_events_are_delivered_signed_and_verify_against_the_served_certificate()
    {
        var (host, receiver, webhookId) = await StartWithWebhookAsync(null, "PAYMENT.CAPTURE.COMPLETED");
        await using var _ = host;
        var captureId = await CapturedCardOrderAsync(host);

        var delivery = await receiver.NextAsync();

        delivery.Url.ShouldBe(HookUrl);
        delivery.EventType.ShouldBe("PAYMENT.CAPTURE.COMPLETED");
        var evt = delivery.Json;
        evt["id"]!.GetValue<string>().ShouldStartWith("WH-");
        evt["resource_type"]!.GetValue<string>().ShouldBe("capture");
        evt["resource"]!["id"]!.GetValue<string>().ShouldBe(captureId);
        evt["resource"]!["supplementary_data"]!["related_ids"]!["order_id"].ShouldNotBeNull();
        delivery.Headers["PAYPAL-AUTH-ALGO"].ShouldBe("SHA256withRSA");
        Guid.TryParse(delivery.Headers["PAYPAL-TRANSMISSION-ID"], out var __).ShouldBeTrue();
        DateTimeOffset.Parse(delivery.Headers["PAYPAL-TRANSMISSION-TIME"], System.Globalization.CultureInfo.InvariantCulture).ShouldBe(host.Time.GetUtcNow());

        var certUrl = delivery.Headers["PAYPAL-CERT-URL"];
        certUrl.ShouldStartWith("http://localhost/v1/notifications/certs/");
        var pem = await host.Client.GetStringAsync(new Uri(certUrl), TestContext.Current.CancellationToken);
        using var certificate = X509Certificate2.CreateFromPem(pem);
        using var rsa = certificate.GetRSAPublicKey()!;
        var crc = Crc32.Compute(Encoding.UTF8.GetBytes(delivery.Body));
        var signed = $"{delivery.Headers["PAYPAL-TRANSMISSION-ID"]}|{delivery.Headers["PAYPAL-TRANSMISSION-TIME"]}|{webhookId}|{crc}";
        rsa.VerifyData(Encoding.UTF8.GetBytes(signed), Convert.FromBase64String(delivery.Headers["PAYPAL-TRANSMISSION-SIG"]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .ShouldBeTrue();

        var (status, verification) = await host.CallAsync(HttpMethod.Post, "/v1/notifications/verify-webhook-signature", VerifyRequest(delivery, webhookId, evt));
        status.ShouldBe(HttpStatusCode.OK);
        verification!["verification_status"]!.GetValue<string>().ShouldBe("SUCCESS");

        var tampered = (JsonObject)evt.DeepClone();
        tampered["summary"] = "tampered";
        var (_, failed) = await host.CallAsync(HttpMethod.Post, "/v1/notifications/verify-webhook-signature", VerifyRequest(delivery, webhookId, tampered));
        failed!["verification_status"]!.GetValue<string>().ShouldBe("FAILURE");
        var (_, wrongHook) = await host.CallAsync(HttpMethod.Post, "/v1/notifications/verify-webhook-signature", VerifyRequest(delivery, "OTHERWEBHOOKID", evt));
        wrongHook!["verification_status"]!.GetValue<string>().ShouldBe("FAILURE");

        var (_, stored) = await host.CallAsync(HttpMethod.Get, $"/v1/notifications/webhooks-events/{evt["id"]}");
        stored!["event_type"]!.GetValue<string>().ShouldBe("PAYMENT.CAPTURE.COMPLETED");
    }

    [Fact]
    public void Crc32_matches_the_standard_check_value()
    {
        Crc32.Compute("123456789"u8).ShouldBe(0xCBF43926u);
    }

    [Fact]
    public async Task Order_lifecycle_emits_approved_completed_and_refund_events()
    {
        var (host, receiver, _) = await StartWithWebhookAsync();
        await using var _ = host;
        var order = await host.CreateOrderAsync(Payloads.Order());
        using var __ = await host.DecideOnPageAsync(EmulatorHost.Link(order, "approve"));
        (await receiver.NextAsync()).EventType.ShouldBe("CHECKOUT.ORDER.APPROVED");

        var (_, captured) = await host.CallAsync(HttpMethod.Post, $"/v2/checkout/orders/{order["id"]}/capture", null, EmulatorHost.Representation("c"));
        var captureId = captured!["purchase_units"]![0]!["payments"]!["captures"]![0]!["id"]!.GetValue<string>();
        var received = new[] { await receiver.NextAsync(), await receiver.NextAsync() }.Select(r => r.EventType).Order().ToList();
        received.ShouldBe(["CHECKOUT.ORDER.COMPLETED", "PAYMENT.CAPTURE.COMPLETED"]);

        await host.CallAsync(HttpMethod.Post, $"/v2/payments/captures/{captureId}/refund", new JsonObject { ["amount"] = Payloads.Money("1.00") });
        var refund = await receiver.NextAsync();
        refund.EventType.ShouldBe("PAYMENT.CAPTURE.REFUNDED");
        refund.Json["resource_type"]!.GetValue<string>().ShouldBe("refund");
    }

    [Fact]
    public async Task Authorization_and_vault_events_are_delivered()
    {
        var (host, receiver, _) = await StartWithWebhookAsync(null, "PAYMENT.AUTHORIZATION.CREATED", "PAYMENT.AUTHORIZATION.VOIDED", "VAULT.PAYMENT-TOKEN.CREATED", "VAULT.PAYMENT-TOKEN.DELETED");
        await using var _ = host;
        var order = await host.CreateOrderAsync(Payloads.CardOrder(intent: "AUTHORIZE"));
        var (_, authorized) = await host.CallAsync(HttpMethod.Post, $"/v2/checkout/orders/{order["id"]}/authorize", null, EmulatorHost.Representation("a"));
        (await receiver.NextAsync()).EventType.ShouldBe("PAYMENT.AUTHORIZATION.CREATED");
        var authorizationId = authorized!["purchase_units"]![0]!["payments"]!["authorizations"]![0]!["id"]!.GetValue<string>();
        using var voided = await host.SendAsync(HttpMethod.Post, $"/v2/payments/authorizations/{authorizationId}/void");
        (await receiver.NextAsync()).EventType.ShouldBe("PAYMENT.AUTHORIZATION.VOIDED");

        var (_, token) = await host.CallAsync(HttpMethod.Post, "/v3/vault/payment-tokens", new JsonObject { ["payment_source"] = new JsonObject { ["card"] = Payloads.Card() } });
        (await receiver.NextAsync()).EventType.ShouldBe("VAULT.PAYMENT-TOKEN.CREATED");
        using var deleted = await host.SendAsync(HttpMethod.Delete, $"/v3/vault/payment-tokens/{token!["id"]}");
        var deletion = await receiver.NextAsync();
        deletion.EventType.ShouldBe("VAULT.PAYMENT-TOKEN.DELETED");
        deletion.Json["resource"]!["id"]!.GetValue<string>().ShouldBe(token["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Failed_deliveries_are_retried_on_the_configured_delays_on_the_clock()
    {
        var (host, receiver, _) = await StartWithWebhookAsync(new() { ["Emulator:Webhooks:RetryDelays:0"] = "00:00:01", ["Emulator:Webhooks:RetryDelays:1"] = "00:00:02" }, "PAYMENT.CAPTURE.COMPLETED");
        await using var _ = host;
        var calls = 0;
        receiver.Answer = _ => Interlocked.Increment(ref calls) <= 2 ? HttpStatusCode.InternalServerError : HttpStatusCode.OK;
        var observed = host.Service<WebhookDispatcher>().Observed;
        await CapturedCardOrderAsync(host);

        var first = await observed.ReadAsync(TestContext.Current.CancellationToken);
        first.Delivered.ShouldBeFalse();
        first.StatusCode.ShouldBe(500);
        first.NextAttemptAt.ShouldBe(host.Time.GetUtcNow().AddSeconds(1));

        host.Time.Advance(TimeSpan.FromSeconds(1));
        var second = await observed.ReadAsync(TestContext.Current.CancellationToken);
        second.Attempt.ShouldBe(2);
        second.Delivered.ShouldBeFalse();
        second.NextAttemptAt.ShouldBe(host.Time.GetUtcNow().AddSeconds(2));

        host.Time.Advance(TimeSpan.FromSeconds(2));
        var third = await observed.ReadAsync(TestContext.Current.CancellationToken);
        third.Attempt.ShouldBe(3);
        third.Delivered.ShouldBeTrue();
        third.NextAttemptAt.ShouldBeNull();
        (await receiver.NextAsync()).Body.ShouldBe((await receiver.NextAsync()).Body);
    }

    [Fact]
    public async Task Retries_stop_after_the_configured_attempts()
    {
        var (host, receiver, _) = await StartWithWebhookAsync(new() { ["Emulator:Webhooks:MaxAttempts"] = "2", ["Emulator:Webhooks:RetryDelays:0"] = "00:00:01" }, "PAYMENT.CAPTURE.COMPLETED");
        await using var _ = host;
        receiver.Answer = _ => HttpStatusCode.ServiceUnavailable;
        var observed = host.Service<WebhookDispatcher>().Observed;
        await CapturedCardOrderAsync(host);

        (await observed.ReadAsync(TestContext.Current.CancellationToken)).NextAttemptAt.ShouldNotBeNull();
        host.Time.Advance(TimeSpan.FromSeconds(1));
        var last = await observed.ReadAsync(TestContext.Current.CancellationToken);

        last.Attempt.ShouldBe(2);
        last.Delivered.ShouldBeFalse();
        last.NextAttemptAt.ShouldBeNull();
        var (_, deliveries) = await host.CallAsync(HttpMethod.Get, "/emulator/webhooks/deliveries");
        deliveries!["deliveries"]!.AsArray().Count.ShouldBe(2);
    }

    [Fact]
    public async Task Events_only_reach_webhooks_of_the_same_app()
    {
        var receiver = new WebhookReceiver();
        await using var host = await EmulatorHost.StartAsync(new()
        {
            ["Emulator:Clients:0:ClientId"] = PayPalEmulatorDefaults.ClientId,
            ["Emulator:Clients:0:ClientSecret"] = PayPalEmulatorDefaults.ClientSecret,
            ["Emulator:Clients:1:ClientId"] = "other-app",
            ["Emulator:Clients:1:ClientSecret"] = "other-secret",
        }, receiver.Install);
        using var tokenResponse = await host.TokenRequestAsync("other-app", "other-secret", new() { ["grant_type"] = "client_credentials" });
        var otherToken = (await EmulatorHost.JsonAsync(tokenResponse))["access_token"]!.GetValue<string>();
        using var register = new HttpRequestMessage(HttpMethod.Post, "/v1/notifications/webhooks")
        {
            Content = new StringContent(new JsonObject { ["url"] = "https://other.example.com/hook", ["event_types"] = new JsonArray(new JsonObject { ["name"] = "*" }) }.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        register.Headers.Authorization = new("Bearer", otherToken);
        (await host.Client.SendAsync(register, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.Created);
        await host.CallAsync(HttpMethod.Post, "/v1/notifications/webhooks", new JsonObject { ["url"] = HookUrl, ["event_types"] = new JsonArray(new JsonObject { ["name"] = "PAYMENT.CAPTURE.COMPLETED" }) });

        await CapturedCardOrderAsync(host);

        (await receiver.NextAsync()).Url.ShouldBe(HookUrl);
        host.Service<WebhookDispatcher>().Attempts.ShouldAllBe(a => a.Url == HookUrl);
    }

    [Fact]
    public async Task Stored_events_can_be_resent()
    {
        var (host, receiver, webhookId) = await StartWithWebhookAsync(null, "PAYMENT.CAPTURE.COMPLETED");
        await using var _ = host;
        await CapturedCardOrderAsync(host);
        var original = await receiver.NextAsync();

        var (status, _) = await host.CallAsync(HttpMethod.Post, $"/v1/notifications/webhooks-events/{original.Json["id"]}/resend", new JsonObject { ["webhook_ids"] = new JsonArray(webhookId) });
        var again = await receiver.NextAsync();

        status.ShouldBe(HttpStatusCode.Accepted);
        again.Body.ShouldBe(original.Body);
        again.Headers["PAYPAL-TRANSMISSION-ID"].ShouldNotBe(original.Headers["PAYPAL-TRANSMISSION-ID"]);
        (await host.CallAsync(HttpMethod.Get, "/v1/notifications/webhooks-events/WH-NOPE")).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    private static JsonObject VerifyRequest(ReceivedWebhook delivery, string webhookId, JsonNode evt) => new()
    {
        ["auth_algo"] = delivery.Headers["PAYPAL-AUTH-ALGO"],
        ["cert_url"] = delivery.Headers["PAYPAL-CERT-URL"],
        ["transmission_id"] = delivery.Headers["PAYPAL-TRANSMISSION-ID"],
        ["transmission_sig"] = delivery.Headers["PAYPAL-TRANSMISSION-SIG"],
        ["transmission_time"] = delivery.Headers["PAYPAL-TRANSMISSION-TIME"],
        ["webhook_id"] = webhookId,
        ["webhook_event"] = evt.DeepClone(),
    };
}
