using System.Net;
using System.Text.Json.Nodes;
using Emulator.PayPal.Tests.Drivers;

namespace Emulator.PayPal.Tests.Orders;

public sealed class UpdateOrderTests
{
    private const string Unit = "/purchase_units/@reference_id=='default'";

    [Fact]
    public async Task Patch_replaces_amount_and_items_and_adds_ids()
    {
        await using var host = await EmulatorHost.StartAsync();
        var order = await host.CreateOrderAsync(Payloads.OrderWithItems());
        var patch = new JsonArray
        {
            Op("replace", Unit + "/amount", new JsonObject
            {
                ["currency_code"] = "EUR",
                ["value"] = "50.00",
                ["breakdown"] = new JsonObject { ["item_total"] = Payloads.Money("50.00") },
            }),
            Op("replace", Unit + "/items", new JsonArray(new JsonObject { ["name"] = "Sock", ["quantity"] = "5", ["unit_amount"] = Payloads.Money("10.00") })),
            Op("add", Unit + "/invoice_id", "INV-42"),
            Op("add", Unit + "/custom_id", "custom-1"),
            Op("replace", Unit + "/description", "Socks"),
            Op("add", Unit + "/shipping/address", new JsonObject { ["address_line_1"] = "Main St 1", ["country_code"] = "DE" }),
            Op("add", Unit + "/shipping/name", new JsonObject { ["full_name"] = "Jane Doe" }),
            Op("replace", Unit + "/payee/email", "shop@example.com"),
        };

        using var response = await host.SendAsync(HttpMethod.Patch, $"/v2/checkout/orders/{order["id"]}", patch);

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var (_, after) = await host.CallAsync(HttpMethod.Get, $"/v2/checkout/orders/{order["id"]}");
        var unit = after!["purchase_units"]![0]!;
        unit["amount"]!["value"]!.GetValue<string>().ShouldBe("50.00");
        unit["items"]![0]!["name"]!.GetValue<string>().ShouldBe("Sock");
        unit["invoice_id"]!.GetValue<string>().ShouldBe("INV-42");
        unit["custom_id"]!.GetValue<string>().ShouldBe("custom-1");
        unit["description"]!.GetValue<string>().ShouldBe("Socks");
        unit["shipping"]!["address"]!["country_code"]!.GetValue<string>().ShouldBe("DE");
        unit["shipping"]!["name"]!["full_name"]!.GetValue<string>().ShouldBe("Jane Doe");
        unit["payee"]!["email_address"]!.GetValue<string>().ShouldBe("shop@example.com");
    }

    [Fact]
    public async Task Patch_that_breaks_the_breakdown_is_rejected_and_changes_nothing()
    {
        await using var host = await EmulatorHost.StartAsync();
        var order = await host.CreateOrderAsync(Payloads.OrderWithItems());
        var patch = new JsonArray
        {
            Op("add", Unit + "/invoice_id", "INV-43"),
            Op("replace", Unit + "/amount", new JsonObject { ["currency_code"] = "EUR", ["value"] = "50.00", ["breakdown"] = new JsonObject { ["item_total"] = Payloads.Money("80.00"), ["tax_total"] = Payloads.Money("8.00") } }),
        };

        var (status, error) = await host.CallAsync(HttpMethod.Patch, $"/v2/checkout/orders/{order["id"]}", patch);

        status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        error!["details"]![0]!["issue"]!.GetValue<string>().ShouldBe("AMOUNT_MISMATCH");
        var (_, after) = await host.CallAsync(HttpMethod.Get, $"/v2/checkout/orders/{order["id"]}");
        after!["purchase_units"]![0]!["invoice_id"].ShouldBeNull();
    }

    public static TheoryData<JsonArray, int, string> BadPatches() => new()
    {
        { new JsonArray(Op("replace", "/purchase_units/@reference_id=='nope'/amount", Payloads.Money("1.00"))), 422, "REFERENCE_ID_NOT_FOUND" },
        { new JsonArray(Op("replace", "purchase_units[0].amount", Payloads.Money("1.00"))), 422, "INVALID_JSON_POINTER_FORMAT" },
        { new JsonArray(Op("replace", Unit + "/reference_id", "x")), 400, "FIELD_NOT_PATCHABLE" },
        { new JsonArray(Op("remove", Unit + "/amount", null)), 400, "INVALID_PATCH_OPERATION" },
        { new JsonArray(Op("frobnicate", Unit + "/description", "x")), 400, "INVALID_PATCH_OPERATION" },
        { new JsonArray(Op("replace", Unit + "/amount", new JsonObject { ["currency_code"] = "EUR", ["value"] = "1.001" })), 422, "DECIMAL_PRECISION" },
    };

    [Theory]
    [MemberData(nameof(BadPatches))]
    public async Task Bad_patches_are_rejected(JsonArray patch, int status, string issue)
    {
        await using var host = await EmulatorHost.StartAsync();
        var order = await host.CreateOrderAsync(Payloads.Order());

        var (actual, error) = await host.CallAsync(HttpMethod.Patch, $"/v2/checkout/orders/{order["id"]}", patch);

        ((int)actual).ShouldBe(status);
        error!["details"]![0]!["issue"]!.GetValue<string>().ShouldBe(issue);
    }

    [Fact]
    public async Task Completed_orders_cannot_be_patched()
    {
        await using var host = await EmulatorHost.StartAsync();
        var order = await host.CreateOrderAsync(Payloads.CardOrder());
        await host.CallAsync(HttpMethod.Post, $"/v2/checkout/orders/{order["id"]}/capture", null, EmulatorHost.Representation("c"));

        var (status, error) = await host.CallAsync(HttpMethod.Patch, $"/v2/checkout/orders/{order["id"]}", new JsonArray(Op("add", Unit + "/invoice_id", "x")));

        status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        error!["details"]![0]!["issue"]!.GetValue<string>().ShouldBe("ORDER_ALREADY_COMPLETED");
    }

    [Fact]
    public async Task Patching_the_intent_switches_the_action_link()
    {
        await using var host = await EmulatorHost.StartAsync();
        var order = await host.CreateOrderAsync(Payloads.Order());

        using var _ = await host.SendAsync(HttpMethod.Patch, $"/v2/checkout/orders/{order["id"]}", new JsonArray(Op("replace", "/intent", "AUTHORIZE")));

        var (_, after) = await host.CallAsync(HttpMethod.Get, $"/v2/checkout/orders/{order["id"]}");
        after!["intent"]!.GetValue<string>().ShouldBe("AUTHORIZE");
        EmulatorHost.HasLink(after, "authorize").ShouldBeTrue();
    }

    [Fact]
    public async Task Confirm_payment_source_moves_a_created_order_on()
    {
        await using var host = await EmulatorHost.StartAsync();
        var created = await host.CreateOrderAsync(Payloads.Order());
        var wallet = await host.CreateOrderAsync(Payloads.Order());

        var card = await host.CallAsync(HttpMethod.Post, $"/v2/checkout/orders/{created["id"]}/confirm-payment-source", new JsonObject { ["payment_source"] = new JsonObject { ["card"] = Payloads.Card() } });
        var paypal = await host.CallAsync(HttpMethod.Post, $"/v2/checkout/orders/{wallet["id"]}/confirm-payment-source", new JsonObject
        {
            ["payment_source"] = new JsonObject { ["paypal"] = new JsonObject { ["experience_context"] = new JsonObject { ["return_url"] = "https://shop.example.com/back" } } },
        });
        var again = await host.CallAsync(HttpMethod.Post, $"/v2/checkout/orders/{created["id"]}/confirm-payment-source", new JsonObject { ["payment_source"] = new JsonObject { ["card"] = Payloads.Card() } });

        card.Status.ShouldBe(HttpStatusCode.OK);
        card.Body!["status"]!.GetValue<string>().ShouldBe("APPROVED");
        paypal.Body!["status"]!.GetValue<string>().ShouldBe("PAYER_ACTION_REQUIRED");
        using var decision = await host.DecideOnPageAsync(EmulatorHost.Link(paypal.Body, "payer-action"));
        decision.Headers.Location!.ToString().ShouldStartWith("https://shop.example.com/back?token=");
        again.Body!["details"]![0]!["issue"]!.GetValue<string>().ShouldBe("PAYMENT_ALREADY_APPROVED");
    }

    [Fact]
    public async Task Tracking_adds_a_tracker_that_can_be_cancelled()
    {
        await using var host = await EmulatorHost.StartAsync();
        var order = await host.CreateOrderAsync(WithCard(Payloads.OrderWithItems()));
        var (_, captured) = await host.CallAsync(HttpMethod.Post, $"/v2/checkout/orders/{order["id"]}/capture", null, EmulatorHost.Representation("c"));
        var captureId = captured!["purchase_units"]![0]!["payments"]!["captures"]![0]!["id"]!.GetValue<string>();
        var track = new JsonObject
        {
            ["capture_id"] = captureId,
            ["tracking_number"] = "1Z999",
            ["carrier"] = "DHL",
            ["notify_payer"] = true,
            ["items"] = new JsonArray(new JsonObject { ["name"] = "Sneaker", ["quantity"] = "2", ["sku"] = "SNK-1" }),
        };

        var (status, tracked) = await host.CallAsync(HttpMethod.Post, $"/v2/checkout/orders/{order["id"]}/track", track, new() { ["PayPal-Request-Id"] = "t1" });

        status.ShouldBe(HttpStatusCode.Created);
        var tracker = tracked!["purchase_units"]![0]!["shipping"]!["trackers"]![0]!;
        tracker["id"]!.GetValue<string>().ShouldBe($"{captureId}-1Z999");
        tracker["status"]!.GetValue<string>().ShouldBe("SHIPPED");

        using var cancel = await host.SendAsync(HttpMethod.Patch, $"/v2/checkout/orders/{order["id"]}/trackers/{captureId}-1Z999", new JsonArray(Op("replace", "/status", "CANCELLED")));
        cancel.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var (_, after) = await host.CallAsync(HttpMethod.Get, $"/v2/checkout/orders/{order["id"]}");
        after!["purchase_units"]![0]!["shipping"]!["trackers"]![0]!["status"]!.GetValue<string>().ShouldBe("CANCELLED");

        var unknown = await host.CallAsync(HttpMethod.Patch, $"/v2/checkout/orders/{order["id"]}/trackers/nope", new JsonArray(Op("replace", "/status", "CANCELLED")));
        unknown.Status.ShouldBe(HttpStatusCode.NotFound);
        unknown.Body!["details"]![0]!["issue"]!.GetValue<string>().ShouldBe("TRACKER_ID_NOT_FOUND");
        var shipped = await host.CallAsync(HttpMethod.Patch, $"/v2/checkout/orders/{order["id"]}/trackers/{captureId}-1Z999", new JsonArray(Op("replace", "/status", "SHIPPED")));
        shipped.Status.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Tracking_needs_a_capture_of_this_order_and_known_skus()
    {
        await using var host = await EmulatorHost.StartAsync();
        var order = await host.CreateOrderAsync(WithCard(Payloads.OrderWithItems()));
        var (_, captured) = await host.CallAsync(HttpMethod.Post, $"/v2/checkout/orders/{order["id"]}/capture", null, EmulatorHost.Representation("c"));
        var captureId = captured!["purchase_units"]![0]!["payments"]!["captures"]![0]!["id"]!.GetValue<string>();

        var unknownCapture = await host.CallAsync(HttpMethod.Post, $"/v2/checkout/orders/{order["id"]}/track", new JsonObject { ["capture_id"] = "NOPE", ["tracking_number"] = "1", ["carrier"] = "DHL" });
        var badSku = await host.CallAsync(HttpMethod.Post, $"/v2/checkout/orders/{order["id"]}/track", new JsonObject
        {
            ["capture_id"] = captureId,
            ["tracking_number"] = "1",
            ["carrier"] = "DHL",
            ["items"] = new JsonArray(new JsonObject { ["name"] = "Other", ["quantity"] = "1", ["sku"] = "OTHER" }),
        });
        var otherWithoutName = await host.CallAsync(HttpMethod.Post, $"/v2/checkout/orders/{order["id"]}/track", new JsonObject { ["capture_id"] = captureId, ["tracking_number"] = "1", ["carrier"] = "OTHER" });

        unknownCapture.Body!["details"]![0]!["issue"]!.GetValue<string>().ShouldBe("CAPTURE_ID_NOT_FOUND");
        badSku.Body!["details"]![0]!["issue"]!.GetValue<string>().ShouldBe("ITEM_SKU_MISMATCH");
        otherWithoutName.Body!["details"]![0]!["issue"]!.GetValue<string>().ShouldBe("MISSING_REQUIRED_PARAMETER");
    }

    private static JsonObject WithCard(JsonObject body)
    {
        body["payment_source"] = new JsonObject { ["card"] = Payloads.Card() };
        return body;
    }

    private static JsonObject Op(string op, string path, JsonNode? value)
    {
        var operation = new JsonObject { ["op"] = op, ["path"] = path };
        if (value is not null)
        {
            operation["value"] = value;
        }

        return operation;
    }
}
