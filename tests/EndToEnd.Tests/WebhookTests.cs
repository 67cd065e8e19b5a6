using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace EndToEnd.Tests;

/// <summary>
/// <c>POST /paypal-webhooks</c> over loopback: verification first (forged, stale, wrong webhook id: 401 and nothing changes),
/// then exactly-once application to the commercetools payment, however often and in whatever order PayPal delivers.
/// </summary>
public sealed class WebhookTests(SandboxFixture sandbox) : IAsyncLifetime
{
    private WebhookConnector? _connector;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private WebhookConnector Connector => _connector!;

    public async ValueTask InitializeAsync() => _connector = await WebhookConnector.StartAsync(sandbox);

    public async ValueTask DisposeAsync()
    {
        if (_connector is not null)
        {
            await _connector.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_signed_capture_webhook_records_the_Charge_and_a_replay_changes_nothing()
    {
        var (ct, payment, orderId) = await PaymentForOrderAsync(25_00);
        var evt = WebhookEvents.Capture("PAYMENT.CAPTURE.COMPLETED", orderId, "CAP-" + Guid.NewGuid().ToString("N")[..10], "COMPLETED", "EUR", "25.00");
        var body = Encoding.UTF8.GetBytes(evt.ToJsonString());
        var headers = Connector.Signer.Headers(body);

        (await Connector.DeliverRawAsync(body, headers, Ct)).ShouldBe(200);
        var after = await ct.GetPaymentAsync(Id(payment), Ct);
        var charge = after.Transactions().ShouldHaveSingleItem();
        charge["type"]!.GetValue<string>().ShouldBe("Charge");
        charge["state"]!.GetValue<string>().ShouldBe("Success");
        charge["amount"]!["centAmount"]!.GetValue<long>().ShouldBe(25_00);

        // The very same delivery again (a replay inside the tolerance window), and a fresh redelivery of the event.
        (await Connector.DeliverRawAsync(body, headers, Ct)).ShouldBe(200);
        (await Connector.DeliverAsync(evt, Ct)).ShouldBe(200);
        var again = await ct.GetPaymentAsync(Id(payment), Ct);
        again["version"]!.GetValue<long>().ShouldBe(after["version"]!.GetValue<long>());
        again.Transactions().Count().ShouldBe(1);
    }

    [Fact]
    public async Task Forged_webhooks_get_401_and_change_nothing()
    {
        var (ct, payment, orderId) = await PaymentForOrderAsync(10_00);
        var evt = WebhookEvents.Capture("PAYMENT.CAPTURE.COMPLETED", orderId, "CAP-FORGED", "COMPLETED", "EUR", "10.00");
        var body = Encoding.UTF8.GetBytes(evt.ToJsonString());
        using var otherKey = RSA.Create(2048);

        // Signed by someone else's key.
        (await Connector.DeliverRawAsync(body, Connector.Signer.Headers(body, key: otherKey), Ct)).ShouldBe(401);
        // Signed for another webhook registration (e.g. PayPal's simulator, which signs with WEBHOOK_ID).
        (await Connector.DeliverRawAsync(body, Connector.Signer.Headers(body, webhookId: "WEBHOOK_ID"), Ct)).ShouldBe(401);
        // A genuine signature over a different body.
        var tampered = Encoding.UTF8.GetBytes(evt.ToJsonString().Replace("10.00", "0.01", StringComparison.Ordinal));
        (await Connector.DeliverRawAsync(tampered, Connector.Signer.Headers(body), Ct)).ShouldBe(401);
        // Certificate from a host that is not PayPal's.
        var evilCert = Connector.Signer.Headers(body);
        evilCert["paypal-cert-url"] = "https://evil.example/cert.pem";
        (await Connector.DeliverRawAsync(body, evilCert, Ct)).ShouldBe(401);
        // Plain HTTP to an allowed host name.
        var plainHttp = Connector.Signer.Headers(body);
        plainHttp["paypal-cert-url"] = Connector.Signer.CertUrl.Replace("https://", "http://", StringComparison.Ordinal);
        (await Connector.DeliverRawAsync(body, plainHttp, Ct)).ShouldBe(401);
        // No headers at all, and an unsupported algorithm.
        (await Connector.DeliverRawAsync(body, [], Ct)).ShouldBe(401);
        var md5 = Connector.Signer.Headers(body);
        md5["paypal-auth-algo"] = "MD5withRSA";
        (await Connector.DeliverRawAsync(body, md5, Ct)).ShouldBe(401);

        var after = await ct.GetPaymentAsync(Id(payment), Ct);
        after["version"]!.GetValue<long>().ShouldBe(payment["version"]!.GetValue<long>());
        after.Transactions().ShouldBeEmpty();
    }

    [Fact]
    public async Task A_stale_or_future_transmission_gets_401_and_changes_nothing()
    {
        var (ct, payment, orderId) = await PaymentForOrderAsync(10_00);
        var evt = WebhookEvents.Capture("PAYMENT.CAPTURE.COMPLETED", orderId, "CAP-STALE", "COMPLETED", "EUR", "10.00");

        (await Connector.DeliverAsync(evt, Ct, b => Connector.Signer.Headers(b, DateTimeOffset.UtcNow.AddMinutes(-30)))).ShouldBe(401);
        (await Connector.DeliverAsync(evt, Ct, b => Connector.Signer.Headers(b, DateTimeOffset.UtcNow.AddMinutes(30)))).ShouldBe(401);

        var after = await ct.GetPaymentAsync(Id(payment), Ct);
        after["version"]!.GetValue<long>().ShouldBe(payment["version"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_capture_webhook_after_the_extension_recorded_the_capture_changes_nothing()
    {
        var ct = await CommercetoolsDriver.CreateAsync(sandbox, Ct);
        var (payment, orderId) = await ApprovedOrderAsync(ct, 42_00);
        payment = await ct.SetCustomFieldOkAsync(payment, "capturePayPalOrderRequest", "{}", Ct);
        var capture = payment.FieldJson("capturePayPalOrderResponse")["purchase_units"]![0]!["payments"]!["captures"]![0]!.AsObject();
        payment.Transactions().Count().ShouldBe(1);

        var evt = WebhookEvents.Create("PAYMENT.CAPTURE.COMPLETED", "capture", CaptureResource(capture, orderId));
        (await Connector.DeliverAsync(evt, Ct)).ShouldBe(200);

        var after = await ct.GetPaymentAsync(Id(payment), Ct);
        after["version"]!.GetValue<long>().ShouldBe(payment["version"]!.GetValue<long>());
        var charge = after.Transactions().ShouldHaveSingleItem();
        charge["interactionId"]!.GetValue<string>().ShouldBe(capture["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_capture_webhook_before_the_extension_s_capture_is_recorded_once_and_the_late_capture_adds_nothing()
    {
        var ct = await CommercetoolsDriver.CreateAsync(sandbox, Ct);
        var (payment, orderId) = await ApprovedOrderAsync(ct, 18_50);

        // The capture happens at PayPal (the extension call timed out from commercetools' view, say) and its webhook arrives first.
        var order = await PayPalAsync(HttpMethod.Post, $"/v2/checkout/orders/{orderId}/capture", new JsonObject(), "capture-" + orderId);
        var capture = order["purchase_units"]![0]!["payments"]!["captures"]![0]!.AsObject();
        (await Connector.DeliverAsync(WebhookEvents.Create("PAYMENT.CAPTURE.COMPLETED", "capture", CaptureResource(capture, orderId)), Ct)).ShouldBe(200);
        var afterWebhook = await ct.GetPaymentAsync(Id(payment), Ct);
        afterWebhook.Transactions().ShouldHaveSingleItem()["interactionId"]!.GetValue<string>().ShouldBe(capture["id"]!.GetValue<string>());

        // Then the merchant's capture request goes through the extension: PayPal reports the order as captured already.
        var afterExtension = await ct.SetCustomFieldOkAsync(afterWebhook, "capturePayPalOrderRequest", "{}", Ct);
        var charges = afterExtension.Transactions().Where(t => t["type"]!.GetValue<string>() == "Charge").ToList();
        charges.Count.ShouldBe(1);
        charges[0]["state"]!.GetValue<string>().ShouldBe("Success");
        charges[0]["amount"]!["centAmount"]!.GetValue<long>().ShouldBe(18_50);
    }

    [Fact]
    public async Task A_transaction_state_only_moves_forward_whatever_the_delivery_order()
    {
        var (ct, payment, orderId) = await PaymentForOrderAsync(30_00);
        var captureId = "CAP-" + Guid.NewGuid().ToString("N")[..10];

        (await Connector.DeliverAsync(WebhookEvents.Capture("PAYMENT.CAPTURE.PENDING", orderId, captureId, "PENDING", "EUR", "30.00"), Ct)).ShouldBe(200);
        (await ct.GetPaymentAsync(Id(payment), Ct)).Transactions().ShouldHaveSingleItem()["state"]!.GetValue<string>().ShouldBe("Pending");

        (await Connector.DeliverAsync(WebhookEvents.Capture("PAYMENT.CAPTURE.COMPLETED", orderId, captureId, "COMPLETED", "EUR", "30.00"), Ct)).ShouldBe(200);
        var completed = await ct.GetPaymentAsync(Id(payment), Ct);
        completed.Transactions().ShouldHaveSingleItem()["state"]!.GetValue<string>().ShouldBe("Success");

        // A late PENDING (delivered out of order) does not move it back.
        (await Connector.DeliverAsync(WebhookEvents.Capture("PAYMENT.CAPTURE.PENDING", orderId, captureId, "PENDING", "EUR", "30.00"), Ct)).ShouldBe(200);
        var final = await ct.GetPaymentAsync(Id(payment), Ct);
        final["version"]!.GetValue<long>().ShouldBe(completed["version"]!.GetValue<long>());
        final.Transactions().ShouldHaveSingleItem()["state"]!.GetValue<string>().ShouldBe("Success");
    }

    [Fact]
    public async Task Refund_reversal_denial_and_authorization_events_record_their_transactions()
    {
        var (ct, payment, orderId) = await PaymentForOrderAsync(50_00);
        var captureId = "CAP-" + Guid.NewGuid().ToString("N")[..10];
        var denied = "CAP-" + Guid.NewGuid().ToString("N")[..10];
        var authorizationId = "AUTH-" + Guid.NewGuid().ToString("N")[..10];

        foreach (var evt in new[]
        {
            WebhookEvents.Authorization("PAYMENT.AUTHORIZATION.CREATED", orderId, authorizationId, "CREATED", "EUR", "50.00"),
            WebhookEvents.Authorization("PAYMENT.AUTHORIZATION.VOIDED", orderId, authorizationId, "VOIDED", "EUR", "50.00"),
            WebhookEvents.Capture("PAYMENT.CAPTURE.DENIED", orderId, denied, "DECLINED", "EUR", "50.00"),
            WebhookEvents.Capture("PAYMENT.CAPTURE.COMPLETED", orderId, captureId, "COMPLETED", "EUR", "50.00"),
            WebhookEvents.Refund("PAYMENT.CAPTURE.REFUNDED", orderId, captureId, "REF-1-" + captureId, "COMPLETED", "EUR", "12.34"),
            WebhookEvents.Refund("PAYMENT.CAPTURE.REVERSED", orderId, captureId, "REV-1-" + captureId, "COMPLETED", "EUR", "37.66"),
            WebhookEvents.Order("CHECKOUT.ORDER.COMPLETED", orderId, "COMPLETED"),
            WebhookEvents.Order("CHECKOUT.ORDER.APPROVED", orderId, "APPROVED"),
            WebhookEvents.Create("PAYMENT.PAYOUTS-ITEM.SUCCEEDED", "payouts_item", new JsonObject { ["id"] = "X" }),
        })
        {
            (await Connector.DeliverAsync(evt, Ct)).ShouldBe(200, evt["event_type"]!.GetValue<string>());
        }

        var after = await ct.GetPaymentAsync(Id(payment), Ct);
        var transactions = after.Transactions().Select(t => (
            Type: t["type"]!.GetValue<string>(), Id: t["interactionId"]!.GetValue<string>(), State: t["state"]!.GetValue<string>(),
            Cents: t["amount"]!["centAmount"]!.GetValue<long>())).OrderBy(t => t.Type, StringComparer.Ordinal).ThenBy(t => t.Id, StringComparer.Ordinal).ToList();
        transactions.ShouldBe(new[]
        {
            ("Authorization", authorizationId, "Success", 50_00L),
            ("CancelAuthorization", authorizationId, "Success", 50_00L),
            ("Charge", captureId, "Success", 50_00L),
            ("Charge", denied, "Failure", 50_00L),
            ("Chargeback", "REV-1-" + captureId, "Success", 37_66L),
            ("Refund", "REF-1-" + captureId, "Success", 12_34L),
        }.OrderBy(t => t.Item1, StringComparer.Ordinal).ThenBy(t => t.Item2, StringComparer.Ordinal).ToList());
        // APPROVED arrived after COMPLETED and did not move the status back.
        after["paymentStatus"]!["interfaceCode"]!.GetValue<string>().ShouldBe("COMPLETED");
        after["paymentMethodInfo"]!["method"]!.GetValue<string>().ShouldBe("paypal (buyer@example.com)");
    }

    [Fact]
    public async Task Ten_concurrent_deliveries_of_the_same_and_different_events_end_exactly_right()
    {
        var (ct, payment, orderId) = await PaymentForOrderAsync(100_00);
        var captureId = "CAP-" + Guid.NewGuid().ToString("N")[..10];
        var capture = WebhookEvents.Capture("PAYMENT.CAPTURE.COMPLETED", orderId, captureId, "COMPLETED", "EUR", "100.00");
        var refund1 = WebhookEvents.Refund("PAYMENT.CAPTURE.REFUNDED", orderId, captureId, "R1-" + captureId, "COMPLETED", "EUR", "10.00");
        var refund2 = WebhookEvents.Refund("PAYMENT.CAPTURE.REFUNDED", orderId, captureId, "R2-" + captureId, "COMPLETED", "EUR", "20.00");
        var completed = WebhookEvents.Order("CHECKOUT.ORDER.COMPLETED", orderId, "COMPLETED");
        JsonObject[] deliveries = [capture, capture, capture, capture, refund1, refund1, refund2, refund2, completed, completed];

        var statuses = await Task.WhenAll(deliveries.Select(evt => Task.Run(() => Connector.DeliverAsync(evt, Ct), Ct)));

        statuses.ShouldAllBe(s => s == 200);
        var after = await ct.GetPaymentAsync(Id(payment), Ct);
        var transactions = after.Transactions().ToList();
        transactions.Count.ShouldBe(3);
        transactions.Single(t => t["type"]!.GetValue<string>() == "Charge")["interactionId"]!.GetValue<string>().ShouldBe(captureId);
        transactions.Where(t => t["type"]!.GetValue<string>() == "Refund").Select(t => t["amount"]!["centAmount"]!.GetValue<long>()).Order().ShouldBe([10_00L, 20_00L]);
        transactions.ShouldAllBe(t => t["state"]!.GetValue<string>() == "Success");
        after["paymentStatus"]!["interfaceCode"]!.GetValue<string>().ShouldBe("COMPLETED");
    }

    [Fact]
    public async Task A_capture_webhook_costs_one_commercetools_query_and_one_update_and_no_PayPal_call()
    {
        var counter = new UpstreamCounter();
        await using var counted = await WebhookConnector.StartAsync(sandbox, counter: counter);
        var (ct, payment, orderId) = await PaymentForOrderAsync(12_00);
        // The first delivery also fetches the signing certificate and the commercetools token; both are cached after.
        (await counted.DeliverAsync(WebhookEvents.Order("CHECKOUT.ORDER.APPROVED", orderId, "APPROVED"), Ct)).ShouldBe(200);
        counter.Clear();

        (await counted.DeliverAsync(WebhookEvents.Capture("PAYMENT.CAPTURE.COMPLETED", orderId, "CAP-" + Guid.NewGuid().ToString("N")[..10], "COMPLETED", "EUR", "12.00"), Ct))
            .ShouldBe(200);

        var commercetools = new Uri(sandbox.Info.Commercetools.ApiUrl);
        var payPal = new Uri(sandbox.Info.PayPal.ApiUrl);
        var projectPath = $"/{sandbox.Info.Commercetools.ProjectKey}";
        counter.Calls.Where(c => c.Contains($"{commercetools.Host}:{commercetools.Port}", StringComparison.Ordinal)).ShouldBe(
        [
            $"GET {commercetools.Host}:{commercetools.Port}{projectPath}/payments",
            $"POST {commercetools.Host}:{commercetools.Port}{projectPath}/payments/{Id(payment)}",
        ]);
        counter.Count($"{payPal.Host}:{payPal.Port}").ShouldBe(0);
        (await ct.GetPaymentAsync(Id(payment), Ct)).Transactions().ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Vault_token_events_create_the_PaymentMethod_mirror_once_and_remove_it()
    {
        var ct = await CommercetoolsDriver.CreateAsync(sandbox, Ct);
        var payPalCustomerId = "PPCUST" + Guid.NewGuid().ToString("N")[..10];
        var (status, body) = await ct.SendAsync(HttpMethod.Post, "/customers", new JsonObject
        {
            ["email"] = $"vault-{Guid.NewGuid():N}@example.com",
            ["password"] = "Secret-Pass-1",
            ["custom"] = new JsonObject
            {
                ["type"] = new JsonObject { ["typeId"] = "type", ["key"] = "paypal-customer-type" },
                ["fields"] = new JsonObject { ["PayPalUserId"] = payPalCustomerId },
            },
        }, Ct);
        status.ShouldBe(System.Net.HttpStatusCode.Created, body?.ToJsonString());
        var customerId = body!["customer"]!["id"]!.GetValue<string>();
        // Whose vault it is comes from the connector's binding, not the PayPalUserId field (a shopper can write that).
        var (bound, _) = await ct.SendAsync(HttpMethod.Post, "/custom-objects", new JsonObject
        {
            ["container"] = "paypal-commercetools-vault",
            ["key"] = customerId,
            ["value"] = new JsonObject { ["payPalCustomerId"] = payPalCustomerId },
        }, Ct);
        bound.ShouldBe(System.Net.HttpStatusCode.Created);
        var tokenId = "TOK" + Guid.NewGuid().ToString("N")[..12];
        var created = WebhookEvents.Create("VAULT.PAYMENT-TOKEN.CREATED", "payment_token", new JsonObject
        {
            ["id"] = tokenId,
            ["customer"] = new JsonObject { ["id"] = payPalCustomerId },
            ["payment_source"] = new JsonObject { ["card"] = new JsonObject { ["brand"] = "VISA", ["last_digits"] = "1111" } },
        });

        (await Connector.DeliverAsync(created, Ct)).ShouldBe(200);
        (await Connector.DeliverAsync(created, Ct)).ShouldBe(200);

        var (found, method) = await ct.SendAsync(HttpMethod.Get, $"/payment-methods/key=paypal-{tokenId}", null, Ct);
        found.ShouldBe(System.Net.HttpStatusCode.OK, method?.ToJsonString());
        method!["customer"]!["id"]!.GetValue<string>().ShouldBe(customerId);
        var (_, all) = await ct.SendAsync(HttpMethod.Get, $"/payment-methods?where={Uri.EscapeDataString($"customer(id=\"{customerId}\")")}", null, Ct);
        all!["results"]!.AsArray().Count.ShouldBe(1);

        (await Connector.DeliverAsync(WebhookEvents.Create("VAULT.PAYMENT-TOKEN.DELETED", "payment_token", new JsonObject { ["id"] = tokenId }), Ct)).ShouldBe(200);
        (await ct.SendAsync(HttpMethod.Get, $"/payment-methods/key=paypal-{tokenId}", null, Ct)).Status.ShouldBe(System.Net.HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_event_for_an_unknown_order_is_404_while_recent_and_200_once_old()
    {
        var unknown = "ORDER-UNKNOWN-" + Guid.NewGuid().ToString("N")[..8];
        var recent = WebhookEvents.Capture("PAYMENT.CAPTURE.COMPLETED", unknown, "CAP-X", "COMPLETED", "EUR", "1.00");
        (await Connector.DeliverAsync(recent, Ct)).ShouldBe(404);

        var old = WebhookEvents.Capture("PAYMENT.CAPTURE.COMPLETED", unknown, "CAP-Y", "COMPLETED", "EUR", "1.00");
        old["create_time"] = DateTimeOffset.UtcNow.AddDays(-2).ToString("yyyy-MM-ddTHH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        (await Connector.DeliverAsync(old, Ct)).ShouldBe(200);
    }

    [Fact]
    public async Task A_webhook_whose_resource_cannot_be_read_is_acknowledged_without_changes()
    {
        var (ct, payment, orderId) = await PaymentForOrderAsync(10_00);
        var evt = WebhookEvents.Capture("PAYMENT.CAPTURE.COMPLETED", orderId, "CAP-BAD", "COMPLETED", "EUR", "not-a-number");

        (await Connector.DeliverAsync(evt, Ct)).ShouldBe(200);

        (await ct.GetPaymentAsync(Id(payment), Ct))["version"]!.GetValue<long>().ShouldBe(payment["version"]!.GetValue<long>());
    }

    private static string Id(JsonObject payment) => payment["id"]!.GetValue<string>();

    /// <summary>A payment whose own PayPal order (its interfaceId, as the connector or the merchant set it) is a new order id.</summary>
    private async Task<(CommercetoolsDriver Ct, JsonObject Payment, string OrderId)> PaymentForOrderAsync(long cents)
    {
        var ct = await CommercetoolsDriver.CreateAsync(sandbox, Ct);
        var orderId = "ORDER-" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();
        var payment = await ct.CreatePayPalPaymentAsync("EUR", cents, Ct, new JsonObject { ["PayPalOrderId"] = orderId }, interfaceId: orderId);
        return (ct, payment, orderId);
    }

    private async Task<(JsonObject Payment, string OrderId)> ApprovedOrderAsync(CommercetoolsDriver ct, long cents)
    {
        var payment = await ct.CreatePayPalPaymentAsync("EUR", cents, Ct);
        payment = await ct.SetCustomFieldOkAsync(payment, "createPayPalOrderRequest", "{}", Ct);
        var created = payment.FieldJson("createPayPalOrderResponse");
        var approve = created["links"]!.AsArray().Single(l => l!["rel"]!.GetValue<string>() == "approve")!["href"]!.GetValue<string>();
        using (var decided = await BuyerDriver.DecideAsync(sandbox.Http, approve, "approve", Ct))
        {
            ((int)decided.StatusCode).ShouldBeLessThan(400);
        }

        return (payment, created["id"]!.GetValue<string>());
    }

    private static JsonObject CaptureResource(JsonObject capture, string orderId)
    {
        var resource = capture.DeepClone().AsObject();
        resource["supplementary_data"] ??= new JsonObject { ["related_ids"] = new JsonObject { ["order_id"] = orderId } };
        return resource;
    }

    private async Task<JsonObject> PayPalAsync(HttpMethod method, string path, JsonObject? body, string? requestId)
    {
        using var request = new HttpRequestMessage(method, sandbox.Info.PayPal.ApiUrl + path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await sandbox.PayPalTokenAsync(Ct));
        if (requestId is not null)
        {
            request.Headers.TryAddWithoutValidation("PayPal-Request-Id", requestId);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        using var response = await sandbox.Http.SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        ((int)response.StatusCode).ShouldBeLessThan(300, text);
        return JsonNode.Parse(text)!.AsObject();
    }
}
