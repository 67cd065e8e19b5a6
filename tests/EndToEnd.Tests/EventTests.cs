using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace EndToEnd.Tests;

/// <summary>
/// <c>POST /paypal-commercetools-events</c>: Pub/Sub push envelopes carrying commercetools order messages, authenticated by a
/// shared secret; a parcel with a tracking number becomes a PayPal tracker on the order's PayPal capture, once.
/// The tests share the project's settings object, so they live in one class (run one after another).
/// </summary>
public sealed class EventTests(SandboxFixture sandbox) : IAsyncLifetime
{
    private const string Secret = "events-secret-for-tests-0123456789";

    private WebhookConnector? _connector;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private WebhookConnector Connector => _connector!;

    public async ValueTask InitializeAsync() => _connector = await WebhookConnector.StartAsync(sandbox, new()
    {
        ["Connector:EventsSecret"] = Secret,
        // Settings edits in these tests must show at once.
        ["Connector:SettingsCacheSeconds"] = "0",
    });

    public async ValueTask DisposeAsync()
    {
        if (_connector is not null)
        {
            await _connector.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_push_without_the_shared_secret_gets_401()
    {
        var envelope = Envelope(new JsonObject { ["notificationType"] = "Message", ["type"] = "OrderCreated" });

        (await PushAsync(envelope, null, null)).ShouldBe(HttpStatusCode.Unauthorized);
        (await PushAsync(envelope, "Bearer wrong", null)).ShouldBe(HttpStatusCode.Unauthorized);
        (await PushAsync(envelope, null, "wrong")).ShouldBe(HttpStatusCode.Unauthorized);
        (await PushAsync(envelope, "Bearer " + Secret + "x", null)).ShouldBe(HttpStatusCode.Unauthorized);

        (await PushAsync(envelope, "Bearer " + Secret, null)).ShouldBe(HttpStatusCode.Accepted);
        (await PushAsync(envelope, null, Secret)).ShouldBe(HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task A_body_that_is_not_a_push_envelope_is_a_400_and_other_messages_are_acknowledged()
    {
        (await PushAsync(new JsonObject { ["hello"] = "world" }, null, Secret)).ShouldBe(HttpStatusCode.BadRequest);
        (await PushAsync(new JsonObject { ["message"] = new JsonObject { ["data"] = "%%%not base64" } }, null, Secret)).ShouldBe(HttpStatusCode.BadRequest);
        (await PushAsync(Envelope(new JsonObject { ["notificationType"] = "ResourceCreated", ["resource"] = new JsonObject { ["typeId"] = "order", ["id"] = "x" } }), null, Secret))
            .ShouldBe(HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task A_parcel_added_to_a_delivery_becomes_one_PayPal_tracker_when_tracking_is_switched_on()
    {
        var ct = await CommercetoolsDriver.CreateAsync(sandbox, Ct);
        var (paymentId, orderId, captureId) = await CapturedPaymentAsync(ct);
        var order = await OrderWithPaymentAsync(ct, paymentId);
        var lineId = order["customLineItems"]![0]!["id"]!.GetValue<string>();
        order = await UpdateOrderAsync(ct, order, new JsonObject
        {
            ["action"] = "addDelivery",
            ["items"] = new JsonArray(new JsonObject { ["id"] = lineId, ["quantity"] = 2 }),
        });
        var deliveryId = order["shippingInfo"]!["deliveries"]![0]!["id"]!.GetValue<string>();
        var trackingNumber = "TRK" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        order = await UpdateOrderAsync(ct, order, new JsonObject
        {
            ["action"] = "addParcelToDelivery",
            ["deliveryId"] = deliveryId,
            ["trackingData"] = new JsonObject { ["trackingId"] = trackingNumber, ["carrier"] = "DHL" },
            ["items"] = new JsonArray(new JsonObject { ["id"] = lineId, ["quantity"] = 2 }),
        });
        var delivery = order["shippingInfo"]!["deliveries"]![0]!.AsObject();
        var message = new JsonObject
        {
            ["notificationType"] = "Message",
            ["id"] = Guid.NewGuid().ToString(),
            ["type"] = "ParcelAddedToDelivery",
            ["resource"] = new JsonObject { ["typeId"] = "order", ["id"] = order["id"]!.DeepClone() },
            ["delivery"] = delivery.DeepClone(),
            ["parcel"] = delivery["parcels"]![0]!.DeepClone(),
        };

        await SetSendTrackingAsync(ct, false);
        (await PushAsync(Envelope(message), null, Secret)).ShouldBe(HttpStatusCode.Accepted);
        Trackers(await PayPalOrderAsync(orderId)).ShouldBeEmpty();

        await SetSendTrackingAsync(ct, true);
        try
        {
            (await PushAsync(Envelope(message), "Bearer " + Secret, null)).ShouldBe(HttpStatusCode.NoContent);
            // Pub/Sub delivers at least once: the same message again adds nothing.
            (await PushAsync(Envelope(message), "Bearer " + Secret, null)).ShouldBe(HttpStatusCode.NoContent);
        }
        finally
        {
            await SetSendTrackingAsync(ct, false);
        }

        var tracker = Trackers(await PayPalOrderAsync(orderId)).ShouldHaveSingleItem();
        tracker["id"]!.GetValue<string>().ShouldBe($"{captureId}-{trackingNumber}");
        var items = tracker["items"]!.AsArray();
        items.Count.ShouldBe(1);
        items[0]!["name"]!.GetValue<string>().ShouldBe("Tracked shirt");
        items[0]!["quantity"]!.GetValue<string>().ShouldBe("2");
    }

    [Fact]
    public async Task A_parcel_on_an_order_without_a_captured_PayPal_payment_is_acknowledged_and_tracks_nothing()
    {
        var ct = await CommercetoolsDriver.CreateAsync(sandbox, Ct);
        var payment = await ct.CreatePayPalPaymentAsync("EUR", 10_00, Ct);
        var order = await OrderWithPaymentAsync(ct, payment["id"]!.GetValue<string>());
        order = await UpdateOrderAsync(ct, order, new JsonObject { ["action"] = "addDelivery" });
        order = await UpdateOrderAsync(ct, order, new JsonObject
        {
            ["action"] = "addParcelToDelivery",
            ["deliveryId"] = order["shippingInfo"]!["deliveries"]![0]!["id"]!.DeepClone(),
            ["trackingData"] = new JsonObject { ["trackingId"] = "TRK-NOPAY", ["carrier"] = "Some Local Courier" },
        });
        var delivery = order["shippingInfo"]!["deliveries"]![0]!.AsObject();
        var message = new JsonObject
        {
            ["notificationType"] = "Message",
            ["type"] = "ParcelAddedToDelivery",
            ["resource"] = new JsonObject { ["typeId"] = "order", ["id"] = order["id"]!.DeepClone() },
            ["delivery"] = delivery.DeepClone(),
            ["parcel"] = delivery["parcels"]![0]!.DeepClone(),
        };

        await SetSendTrackingAsync(ct, true);
        try
        {
            (await PushAsync(Envelope(message), null, Secret)).ShouldBe(HttpStatusCode.Accepted);
        }
        finally
        {
            await SetSendTrackingAsync(ct, false);
        }
    }

    private static JsonObject Envelope(JsonObject notification) => new()
    {
        ["message"] = new JsonObject
        {
            ["data"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(notification.ToJsonString())),
            ["messageId"] = Guid.NewGuid().ToString("N"),
            ["publishTime"] = DateTimeOffset.UtcNow.ToString("o", System.Globalization.CultureInfo.InvariantCulture),
        },
        ["subscription"] = "projects/sandbox/subscriptions/paypal-commercetools-events",
    };

    private async Task<HttpStatusCode> PushAsync(JsonObject body, string? authorization, string? token)
    {
        var url = Connector.Url + "/paypal-commercetools-events" + (token is null ? "" : "?token=" + Uri.EscapeDataString(token));
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await sandbox.Http.SendAsync(request, Ct);
        return response.StatusCode;
    }

    private async Task<(string PaymentId, string OrderId, string CaptureId)> CapturedPaymentAsync(CommercetoolsDriver ct)
    {
        var payment = await ct.CreatePayPalPaymentAsync("EUR", 20_00, Ct);
        payment = await ct.SetCustomFieldOkAsync(payment, "createPayPalOrderRequest", "{}", Ct);
        var created = payment.FieldJson("createPayPalOrderResponse");
        var approve = created["links"]!.AsArray().Single(l => l!["rel"]!.GetValue<string>() == "approve")!["href"]!.GetValue<string>();
        using (var decided = await BuyerDriver.DecideAsync(sandbox.Http, approve, "approve", Ct))
        {
            ((int)decided.StatusCode).ShouldBeLessThan(400);
        }

        payment = await SetFieldRetryingAsync(ct, payment["id"]!.GetValue<string>(), "capturePayPalOrderRequest", "{}");
        var charge = payment.Transactions().Single(t => t["type"]!.GetValue<string>() == "Charge");
        charge["state"]!.GetValue<string>().ShouldBe("Success");
        return (payment["id"]!.GetValue<string>(), created["id"]!.GetValue<string>(), charge["interactionId"]!.GetValue<string>());
    }

    /// <summary>Sets a request field at the current version; PayPal's webhooks may update the payment meanwhile (409), as any client must expect.</summary>
    private static async Task<JsonObject> SetFieldRetryingAsync(CommercetoolsDriver ct, string paymentId, string field, string value)
    {
        for (var attempt = 0; ; attempt++)
        {
            var current = await ct.GetPaymentAsync(paymentId, Ct);
            var (status, body) = await ct.SetCustomFieldAsync(paymentId, current["version"]!.GetValue<long>(), field, value, Ct);
            if (status != HttpStatusCode.Conflict || attempt == 5)
            {
                status.ShouldBe(HttpStatusCode.OK, body?.ToJsonString());
                return body!.AsObject();
            }
        }
    }

    internal static async Task<JsonObject> OrderWithPaymentAsync(CommercetoolsDriver ct, string paymentId)
    {
        // Deliveries need shipping info, which needs a shipping method (zone, tax category): created once per project.
        await EnsureAsync(ct, "/zones", new JsonObject { ["key"] = "events-test-zone", ["name"] = "DE", ["locations"] = new JsonArray(new JsonObject { ["country"] = "DE" }) });
        await EnsureAsync(ct, "/tax-categories", new JsonObject
        {
            ["key"] = "events-test-tax",
            ["name"] = "VAT",
            ["rates"] = new JsonArray(new JsonObject { ["name"] = "19%", ["amount"] = 0.19m, ["includedInPrice"] = true, ["country"] = "DE" }),
        });
        await EnsureAsync(ct, "/shipping-methods", new JsonObject
        {
            ["key"] = "events-test-shipping",
            ["name"] = "Standard",
            ["taxCategory"] = new JsonObject { ["typeId"] = "tax-category", ["key"] = "events-test-tax" },
            ["zoneRates"] = new JsonArray(new JsonObject
            {
                ["zone"] = new JsonObject { ["typeId"] = "zone", ["key"] = "events-test-zone" },
                ["shippingRates"] = new JsonArray(new JsonObject { ["price"] = new JsonObject { ["currencyCode"] = "EUR", ["centAmount"] = 4_90 } }),
            }),
        });
        var (cartStatus, cart) = await ct.SendAsync(HttpMethod.Post, "/carts", new JsonObject
        {
            ["currency"] = "EUR",
            ["country"] = "DE",
            ["shippingAddress"] = new JsonObject { ["country"] = "DE" },
            ["shippingMethod"] = new JsonObject { ["typeId"] = "shipping-method", ["key"] = "events-test-shipping" },
            ["customLineItems"] = new JsonArray(new JsonObject
            {
                ["name"] = new JsonObject { ["en"] = "Tracked shirt" },
                ["slug"] = "tracked-shirt",
                ["quantity"] = 2,
                ["money"] = new JsonObject { ["currencyCode"] = "EUR", ["centAmount"] = 10_00 },
                ["taxCategory"] = new JsonObject { ["typeId"] = "tax-category", ["key"] = "events-test-tax" },
            }),
        }, Ct);
        cartStatus.ShouldBe(HttpStatusCode.Created, cart?.ToJsonString());
        var (orderStatus, order) = await ct.SendAsync(HttpMethod.Post, "/orders", new JsonObject { ["id"] = cart!["id"]!.DeepClone(), ["version"] = cart["version"]!.DeepClone() }, Ct);
        orderStatus.ShouldBe(HttpStatusCode.Created, order?.ToJsonString());
        return await UpdateOrderAsync(ct, order!.AsObject(), new JsonObject
        {
            ["action"] = "addPayment",
            ["payment"] = new JsonObject { ["typeId"] = "payment", ["id"] = paymentId },
        });
    }

    internal static async Task EnsureAsync(CommercetoolsDriver ct, string path, JsonObject draft)
    {
        var (status, body) = await ct.SendAsync(HttpMethod.Post, path, draft, Ct);
        var duplicate = status == HttpStatusCode.BadRequest && body?["errors"]?.AsArray().Any(e => e?["code"]?.GetValue<string>() == "DuplicateField") == true;
        (status == HttpStatusCode.Created || duplicate).ShouldBeTrue(body?.ToJsonString());
    }

    internal static async Task<JsonObject> UpdateOrderAsync(CommercetoolsDriver ct, JsonObject order, JsonObject action)
    {
        var (status, body) = await ct.SendAsync(HttpMethod.Post, $"/orders/{order["id"]!.GetValue<string>()}", new JsonObject
        {
            ["version"] = order["version"]!.DeepClone(),
            ["actions"] = new JsonArray(action),
        }, Ct);
        status.ShouldBe(HttpStatusCode.OK, body?.ToJsonString());
        return body!.AsObject();
    }

    internal static async Task SetSendTrackingAsync(CommercetoolsDriver ct, bool on)
    {
        var (status, current) = await ct.SendAsync(HttpMethod.Get, "/custom-objects/paypal-commercetools-connector/settings", null, Ct);
        status.ShouldBe(HttpStatusCode.OK, current?.ToJsonString());
        var value = current!["value"]!.DeepClone().AsObject();
        value["sendTrackingToPayPal"] = on;
        var (saved, body) = await ct.SendAsync(HttpMethod.Post, "/custom-objects", new JsonObject
        {
            ["container"] = "paypal-commercetools-connector",
            ["key"] = "settings",
            ["value"] = value,
        }, Ct);
        ((int)saved).ShouldBeLessThan(300, body?.ToJsonString());
    }

    internal static IEnumerable<JsonObject> Trackers(JsonObject payPalOrder) =>
        payPalOrder["purchase_units"]!.AsArray().SelectMany(u => u!["shipping"]?["trackers"]?.AsArray() ?? []).Select(t => t!.AsObject());

    private async Task<JsonObject> PayPalOrderAsync(string orderId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{sandbox.Info.PayPal.ApiUrl}/v2/checkout/orders/{orderId}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await sandbox.PayPalTokenAsync(Ct));
        using var response = await sandbox.Http.SendAsync(request, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
    }
}
