using System.Net;
using System.Text.Json.Nodes;
using Emulator.PayPal.Tests.Drivers;

namespace Emulator.PayPal.Tests.Orders;

public sealed class CreateOrderTests
{
    [Fact]
    public async Task Order_without_payment_source_is_created_with_absolute_links()
    {
        await using var host = await EmulatorHost.StartAsync();

        var order = await host.CreateOrderAsync(Payloads.OrderWithItems());

        order["status"]!.GetValue<string>().ShouldBe("CREATED");
        order["intent"]!.GetValue<string>().ShouldBe("CAPTURE");
        var id = order["id"]!.GetValue<string>();
        id.Length.ShouldBe(17);
        EmulatorHost.Link(order, "self").ShouldBe($"http://localhost/v2/checkout/orders/{id}");
        EmulatorHost.Link(order, "approve").ShouldBe($"http://localhost/checkoutnow?token={id}");
        EmulatorHost.Link(order, "update").ShouldBe($"http://localhost/v2/checkout/orders/{id}");
        EmulatorHost.Link(order, "capture").ShouldBe($"http://localhost/v2/checkout/orders/{id}/capture");
        var unit = order["purchase_units"]![0]!;
        unit["reference_id"]!.GetValue<string>().ShouldBe("default");
        unit["amount"]!["value"]!.GetValue<string>().ShouldBe("90.00");
        unit["amount"]!["breakdown"]!["item_total"]!["value"]!.GetValue<string>().ShouldBe("80.00");
        unit["payee"]!["merchant_id"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
        unit["items"]![0]!["sku"]!.GetValue<string>().ShouldBe("SNK-1");
        order.ToJsonString().ShouldNotContain("null");
    }

    [Fact]
    public async Task Minimal_is_the_default_representation()
    {
        await using var host = await EmulatorHost.StartAsync();

        var (status, order) = await host.CallAsync(HttpMethod.Post, "/v2/checkout/orders", Payloads.Order(intent: "AUTHORIZE"));

        status.ShouldBe(HttpStatusCode.Created);
        order!.AsObject().Select(p => p.Key).ShouldBe(["id", "status", "links"]);
        EmulatorHost.HasLink(order, "authorize").ShouldBeTrue();
        EmulatorHost.HasLink(order, "capture").ShouldBeFalse();
    }

    [Fact]
    public async Task Links_follow_the_host_the_request_came_in_on()
    {
        await using var host = await EmulatorHost.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v2/checkout/orders") { Content = JsonContent(Payloads.Order()) };
        request.Headers.Authorization = new("Bearer", await host.AccessTokenAsync());
        request.Headers.Host = "paypal.emulator.test:5123";

        using var response = await host.Client.SendAsync(request, TestContext.Current.CancellationToken);

        var order = await EmulatorHost.JsonAsync(response);
        EmulatorHost.Link(order, "approve").ShouldStartWith("http://paypal.emulator.test:5123/checkoutnow?token=");
    }

    [Fact]
    public async Task Amounts_are_normalised_to_the_currency_decimals()
    {
        await using var host = await EmulatorHost.StartAsync();

        var eur = await host.CreateOrderAsync(Payloads.Order(value: "10.5"));
        var jpy = await host.CreateOrderAsync(Payloads.Order(currency: "JPY", value: "1500"));

        eur["purchase_units"]![0]!["amount"]!["value"]!.GetValue<string>().ShouldBe("10.50");
        jpy["purchase_units"]![0]!["amount"]!["value"]!.GetValue<string>().ShouldBe("1500");
    }

    public static TheoryData<string, JsonNode, int, string, string?> InvalidOrders() => new()
    {
        { "total differs from breakdown", Payloads.OrderWithItems(total: "91.00"), 422, "AMOUNT_MISMATCH", "/purchase_units/@reference_id=='default'/amount/value" },
        { "item total differs from items", Payloads.OrderWithItems(total: "92.00", itemTotal: "82.00"), 422, "ITEM_TOTAL_MISMATCH", "/purchase_units/@reference_id=='default'/amount/breakdown/item_total/value" },
        { "tax total differs from item tax", Payloads.OrderWithItems(total: "91.00", taxTotal: "9.00"), 422, "TAX_TOTAL_MISMATCH", "/purchase_units/@reference_id=='default'/amount/breakdown/tax_total/value" },
        { "three decimals in EUR", Payloads.Order(value: "10.001"), 422, "DECIMAL_PRECISION", "/purchase_units/@reference_id=='default'/amount/value" },
        { "decimals in JPY", Payloads.Order(currency: "JPY", value: "10.5"), 422, "DECIMAL_PRECISION", "/purchase_units/@reference_id=='default'/amount/value" },
        { "decimals in HUF", Payloads.Order(currency: "HUF", value: "10.00"), 422, "DECIMAL_PRECISION", "/purchase_units/@reference_id=='default'/amount/value" },
        { "unknown currency", Payloads.Order(currency: "XYZ"), 422, "INVALID_CURRENCY_CODE", "/purchase_units/@reference_id=='default'/amount/currency_code" },
        { "not a number", Payloads.Order(value: "1,00"), 400, "INVALID_PARAMETER_SYNTAX", "/purchase_units/@reference_id=='default'/amount/value" },
        { "no intent", Without(Payloads.Order(), "intent"), 400, "MISSING_REQUIRED_PARAMETER", "/intent" },
        { "bad intent", With(Payloads.Order(), "intent", "SALE"), 400, "INVALID_PARAMETER_VALUE", "/intent" },
        { "no purchase units", Without(Payloads.Order(), "purchase_units"), 400, "MISSING_REQUIRED_PARAMETER", "/purchase_units" },
        { "no amount", new JsonObject { ["intent"] = "CAPTURE", ["purchase_units"] = new JsonArray(new JsonObject()) }, 400, "MISSING_REQUIRED_PARAMETER", "/purchase_units/@reference_id=='default'/amount" },
        { "items without item_total", ItemsWithoutBreakdown(), 422, "ITEM_TOTAL_REQUIRED", "/purchase_units/@reference_id=='default'/amount/breakdown/item_total" },
    };

    [Theory]
    [MemberData(nameof(InvalidOrders))]
    public async Task Invalid_orders_are_rejected_with_the_paypal_issue(string because, JsonNode body, int status, string issue, string? field)
    {
        await using var host = await EmulatorHost.StartAsync();

        var (actualStatus, error) = await host.CallAsync(HttpMethod.Post, "/v2/checkout/orders", body);

        ((int)actualStatus).ShouldBe(status, because);
        error!["name"]!.GetValue<string>().ShouldBe(status == 400 ? "INVALID_REQUEST" : "UNPROCESSABLE_ENTITY");
        error["message"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
        error["debug_id"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
        var detail = error["details"]![0]!;
        detail["issue"]!.GetValue<string>().ShouldBe(issue, because);
        detail["field"]?.GetValue<string>().ShouldBe(field, because);
        error["links"]!.AsArray().ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Malformed_json_is_a_400()
    {
        await using var host = await EmulatorHost.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v2/checkout/orders") { Content = new StringContent("{\"intent\":", System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new("Bearer", await host.AccessTokenAsync());

        using var response = await host.Client.SendAsync(request, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await EmulatorHost.JsonAsync(response))["details"]![0]!["issue"]!.GetValue<string>().ShouldBe("MALFORMED_REQUEST_JSON");
    }

    [Fact]
    public async Task Unknown_order_is_a_404_with_the_path_field()
    {
        await using var host = await EmulatorHost.StartAsync();

        var (status, error) = await host.CallAsync(HttpMethod.Get, "/v2/checkout/orders/NOPE");

        status.ShouldBe(HttpStatusCode.NotFound);
        error!["name"]!.GetValue<string>().ShouldBe("RESOURCE_NOT_FOUND");
        error["details"]![0]!["issue"]!.GetValue<string>().ShouldBe("INVALID_RESOURCE_ID");
        error["details"]![0]!["location"]!.GetValue<string>().ShouldBe("path");
    }

    [Fact]
    public async Task Repeated_create_with_the_same_request_id_returns_the_first_order_with_200()
    {
        await using var host = await EmulatorHost.StartAsync();
        var headers = EmulatorHost.Representation("create-1");

        var first = await host.CallAsync(HttpMethod.Post, "/v2/checkout/orders", Payloads.Order(), headers);
        var second = await host.CallAsync(HttpMethod.Post, "/v2/checkout/orders", Payloads.Order(value: "5.00"), headers);
        var other = await host.CallAsync(HttpMethod.Post, "/v2/checkout/orders", Payloads.Order(), EmulatorHost.Representation("create-2"));

        first.Status.ShouldBe(HttpStatusCode.Created);
        second.Status.ShouldBe(HttpStatusCode.OK);
        second.Body!["id"]!.GetValue<string>().ShouldBe(first.Body!["id"]!.GetValue<string>());
        second.Body["purchase_units"]![0]!["amount"]!["value"]!.GetValue<string>().ShouldBe("100.00");
        other.Body!["id"]!.GetValue<string>().ShouldNotBe(first.Body["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task PayPal_wallet_with_experience_context_requires_payer_action()
    {
        await using var host = await EmulatorHost.StartAsync();

        var order = await host.CreateOrderAsync(Payloads.PayPalOrder());

        order["status"]!.GetValue<string>().ShouldBe("PAYER_ACTION_REQUIRED");
        EmulatorHost.Link(order, "payer-action").ShouldBe($"http://localhost/checkoutnow?token={order["id"]}");
        EmulatorHost.HasLink(order, "approve").ShouldBeFalse();
    }

    [Fact]
    public async Task Card_without_3ds_is_approved_at_once_and_never_echoes_the_number()
    {
        await using var host = await EmulatorHost.StartAsync();

        var order = await host.CreateOrderAsync(Payloads.CardOrder());

        order["status"]!.GetValue<string>().ShouldBe("APPROVED");
        var card = order["payment_source"]!["card"]!;
        card["last_digits"]!.GetValue<string>().ShouldBe("1111");
        card["brand"]!.GetValue<string>().ShouldBe("VISA");
        order.ToJsonString().ShouldNotContain("4111111111111111");
        order.ToJsonString().ShouldNotContain("security_code");
    }

    [Fact]
    public async Task Card_payment_needs_a_request_id()
    {
        await using var host = await EmulatorHost.StartAsync();

        var (status, error) = await host.CallAsync(HttpMethod.Post, "/v2/checkout/orders", Payloads.CardOrder());

        status.ShouldBe(HttpStatusCode.BadRequest);
        error!["details"]![0]!["issue"]!.GetValue<string>().ShouldBe("PAYPAL_REQUEST_ID_REQUIRED");
    }

    [Fact]
    public async Task Card_with_sca_always_requires_payer_action()
    {
        await using var host = await EmulatorHost.StartAsync();
        var body = Payloads.CardOrder();
        body["payment_source"]!["card"]!["attributes"] = new JsonObject { ["verification"] = new JsonObject { ["method"] = "SCA_ALWAYS" } };

        var order = await host.CreateOrderAsync(body);

        order["status"]!.GetValue<string>().ShouldBe("PAYER_ACTION_REQUIRED");
        EmulatorHost.HasLink(order, "payer-action").ShouldBeTrue();
    }

    [Fact]
    public async Task Invalid_card_number_is_rejected_without_echoing_it()
    {
        await using var host = await EmulatorHost.StartAsync();

        var (status, error) = await host.CallAsync(HttpMethod.Post, "/v2/checkout/orders", Payloads.CardOrder(number: "4111111111111112"), EmulatorHost.Representation("x"));

        status.ShouldBe(HttpStatusCode.BadRequest);
        error!["details"]![0]!["field"]!.GetValue<string>().ShouldBe("/payment_source/card/number");
        error.ToJsonString().ShouldNotContain("4111111111111112");
    }

    [Theory]
    [InlineData("google_pay")]
    [InlineData("apple_pay")]
    public async Task Wallet_tokens_are_approved_at_once(string kind)
    {
        await using var host = await EmulatorHost.StartAsync();
        var body = Payloads.Order();
        body["payment_source"] = new JsonObject { [kind] = new JsonObject { ["name"] = "John Doe", ["email_address"] = "john@example.com" } };

        var order = await host.CreateOrderAsync(body);

        order["status"]!.GetValue<string>().ShouldBe("APPROVED");
    }

    [Fact]
    public async Task Pay_upon_invoice_is_pending_approval_with_only_a_self_link_and_completes_later()
    {
        await using var host = await EmulatorHost.StartAsync(new() { ["Emulator:PayUponInvoiceDelayMs"] = "5000" });
        var body = Payloads.Order();
        body["processing_instruction"] = "ORDER_COMPLETE_ON_PAYMENT_APPROVAL";
        body["payment_source"] = new JsonObject { ["pay_upon_invoice"] = Payloads.PayUponInvoice() };

        var order = await host.CreateOrderAsync(body, clientMetadataId: "fraudnet-session-1");
        order["status"]!.GetValue<string>().ShouldBe("PENDING_APPROVAL");
        order["links"]!.AsArray().Select(l => l!["rel"]!.GetValue<string>()).ShouldBe(["self"]);

        host.Time.Advance(TimeSpan.FromSeconds(5));

        var (_, later) = await host.CallAsync(HttpMethod.Get, $"/v2/checkout/orders/{order["id"]}");
        later!["status"]!.GetValue<string>().ShouldBe("COMPLETED");
        later["purchase_units"]![0]!["payments"]!["captures"]![0]!["status"]!.GetValue<string>().ShouldBe("COMPLETED");
        later["payment_source"]!["pay_upon_invoice"]!["deposit_bank_details"]!["iban"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
    }

    private static StringContent JsonContent(JsonNode node) => new(node.ToJsonString(), System.Text.Encoding.UTF8, "application/json");

    private static JsonObject Without(JsonObject body, string name)
    {
        body.Remove(name);
        return body;
    }

    private static JsonObject With(JsonObject body, string name, string value)
    {
        body[name] = value;
        return body;
    }

    private static JsonObject ItemsWithoutBreakdown()
    {
        var body = Payloads.OrderWithItems();
        body["purchase_units"]![0]!["amount"]!.AsObject().Remove("breakdown");
        return body;
    }
}
