using System.Net;
using System.Text.Json.Nodes;
using Emulator.PayPal.Tests.Drivers;

namespace Emulator.PayPal.Tests.Orders;

/// <summary>
/// The JS SDK's card fields create the order with a card source that has no number yet (only attributes or an
/// experience context) and submit the card afterwards; until then the order cannot be paid.
/// </summary>
public sealed class CardFieldsOrderTests
{
    [Fact]
    public async Task A_card_source_without_a_number_creates_an_order_that_waits_for_the_card()
    {
        await using var host = await EmulatorHost.StartAsync();
        var body = Payloads.Order();
        body["payment_source"] = new JsonObject
        {
            ["card"] = new JsonObject { ["attributes"] = new JsonObject { ["verification"] = new JsonObject { ["method"] = "SCA_WHEN_REQUIRED" } } },
        };

        var order = await host.CreateOrderAsync(body);

        order["status"]!.GetValue<string>().ShouldBe("CREATED");
        var (status, error) = await host.CallAsync(HttpMethod.Post, $"/v2/checkout/orders/{order["id"]}/capture", new JsonObject(), new() { ["PayPal-Request-Id"] = "card-fields-early" });
        status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        error!["details"]![0]!["issue"]!.GetValue<string>().ShouldBe("ORDER_NOT_APPROVED");

        using (await host.DecideOnPageAsync(EmulatorHost.Link(order, "approve")))
        {
        }

        var (captured, capture) = await host.CallAsync(HttpMethod.Post, $"/v2/checkout/orders/{order["id"]}/capture", new JsonObject(), new() { ["PayPal-Request-Id"] = "card-fields-late" });
        captured.ShouldBe(HttpStatusCode.Created, capture?.ToJsonString());
        capture!["status"]!.GetValue<string>().ShouldBe("COMPLETED");
    }
}
