using System.Net;
using System.Text.Json.Nodes;
using Emulator.PayPal.Tests.Drivers;

namespace Emulator.PayPal.Tests.Infrastructure;

/// <summary>Money values sent as JSON numbers (what SDKs such as the TypeScript connector send) are read exactly.</summary>
public sealed class NumericMoneyTests
{
    private static JsonObject Amount(string numberJson, string currency = "EUR") =>
        JsonNode.Parse($$"""{"currency_code":"{{currency}}","value":{{numberJson}}}""")!.AsObject();

    private static async Task<string> CaptureAsync(EmulatorHost host, JsonObject amount)
    {
        var body = Payloads.CardOrder();
        body["purchase_units"]![0]!["amount"] = amount;
        var order = await host.CreateOrderAsync(body);
        var (_, captured) = await host.CallAsync(HttpMethod.Post, $"/v2/checkout/orders/{order["id"]}/capture", null, EmulatorHost.Representation(Guid.NewGuid().ToString()));
        return captured!["purchase_units"]![0]!["payments"]!["captures"]![0]!["id"]!.GetValue<string>();
    }

    [Fact]
    public async Task Refund_amount_as_a_number_is_accepted_and_answered_normalised()
    {
        await using var host = await EmulatorHost.StartAsync();
        var captureId = await CaptureAsync(host, Payloads.Money("10.00"));

        var (status, refund) = await host.CallAsync(HttpMethod.Post, $"/v2/payments/captures/{captureId}/refund", new JsonObject { ["amount"] = Amount("2") }, EmulatorHost.Representation("r1"));

        status.ShouldBe(HttpStatusCode.Created, refund?.ToJsonString());
        refund!["amount"]!["value"]!.GetValue<string>().ShouldBe("2.00");
        var (_, capture) = await host.CallAsync(HttpMethod.Get, $"/v2/payments/captures/{captureId}");
        capture!["status"]!.GetValue<string>().ShouldBe("PARTIALLY_REFUNDED");
    }

    [Theory]
    [InlineData("19.9", "EUR", "19.90")]
    [InlineData("0.1", "EUR", "0.10")]
    [InlineData("1234567.89", "USD", "1234567.89")]
    [InlineData("500", "JPY", "500")]
    public async Task Order_amount_as_a_number_is_echoed_as_the_exact_string(string number, string currency, string expected)
    {
        await using var host = await EmulatorHost.StartAsync();
        var body = Payloads.Order(currency: currency);
        body["purchase_units"]![0]!["amount"] = Amount(number, currency);

        var order = await host.CreateOrderAsync(body);

        order["purchase_units"]![0]!["amount"]!["value"]!.GetValue<string>().ShouldBe(expected);
    }

    [Theory]
    [InlineData("2.345", "EUR", 422, "DECIMAL_PRECISION")]
    [InlineData("2.5", "JPY", 422, "DECIMAL_PRECISION")]
    [InlineData("1e2", "EUR", 400, "INVALID_PARAMETER_SYNTAX")]
    [InlineData("-1", "EUR", 400, "INVALID_PARAMETER_SYNTAX")]
    public async Task Numbers_are_checked_like_strings(string number, string currency, int expectedStatus, string issue)
    {
        await using var host = await EmulatorHost.StartAsync();
        var body = Payloads.Order(currency: currency);
        body["purchase_units"]![0]!["amount"] = Amount(number, currency);

        var (status, error) = await host.CallAsync(HttpMethod.Post, "/v2/checkout/orders", body, EmulatorHost.Representation());

        ((int)status).ShouldBe(expectedStatus, error?.ToJsonString());
        error!["details"]![0]!["issue"]!.GetValue<string>().ShouldBe(issue);
    }

    [Fact]
    public async Task Authorization_capture_amount_as_a_number_is_accepted()
    {
        await using var host = await EmulatorHost.StartAsync();
        var order = await host.CreateOrderAsync(Payloads.CardOrder(intent: "AUTHORIZE"));
        var (_, authorized) = await host.CallAsync(HttpMethod.Post, $"/v2/checkout/orders/{order["id"]}/authorize", null, EmulatorHost.Representation("a1"));
        var authorizationId = authorized!["purchase_units"]![0]!["payments"]!["authorizations"]![0]!["id"]!.GetValue<string>();

        var (status, capture) = await host.CallAsync(HttpMethod.Post, $"/v2/payments/authorizations/{authorizationId}/capture", new JsonObject { ["amount"] = Amount("25.5") }, EmulatorHost.Representation("c1"));

        status.ShouldBe(HttpStatusCode.Created, capture?.ToJsonString());
        capture!["amount"]!["value"]!.GetValue<string>().ShouldBe("25.50");
    }
}
