using System.Net;
using System.Text.Json.Nodes;
using Emulator.Commercetools.Tests.Infrastructure;
using static Emulator.Commercetools.Tests.Infrastructure.Catalog;

namespace Emulator.Commercetools.Tests.Orders;

public sealed class OrderTests
{
    private static async Task<(Api Api, JsonObject Cart, JsonObject Payment)> CheckoutAsync(EmulatorHost host)
    {
        var api = await host.AdminAsync();
        await CreateAsync(api);
        var payment = await api.CreateAsync("/payments", Drafts.Payment(2498));
        var cart = await api.CreateAsync("/carts", """
            {"currency":"EUR","customerEmail":"jane@example.com","shippingAddress":{"country":"DE"},"lineItems":[{"sku":"SKU-1"}],
             "shippingMethod":{"typeId":"shipping-method","key":"standard"}}
            """);
        cart = await api.UpdateAsync($"/carts/{cart["id"]}", 1, Drafts.AddPayment((string)payment["id"]!));
        return (api, cart, payment);
    }

    [Fact]
    public async Task An_order_is_created_from_a_cart_which_becomes_ordered()
    {
        await using var host = await EmulatorHost.StartAsync();
        var (api, cart, payment) = await CheckoutAsync(host);

        var order = await api.CreateAsync("/orders", $$"""{"id":"{{cart["id"]}}","version":2,"orderNumber":"ORD-1"}""");

        ((string?)order["orderState"]).ShouldBe("Open");
        ((string?)order["cart"]!["id"]).ShouldBe((string)cart["id"]!);
        Cents(order["totalPrice"]).ShouldBe(2498);
        Cents(order["taxedPrice"]!["totalGross"]).ShouldBe(2498);
        ((string?)order["customerEmail"]).ShouldBe("jane@example.com");
        ((string?)(await api.GetAsync($"/carts/{cart["id"]}")).Object["cartState"]).ShouldBe("Ordered");
        (await api.GetAsync("/orders/order-number=ORD-1")).Status.ShouldBe(HttpStatusCode.OK);

        var found = (await api.GetAsync("/orders?where=" + Uri.EscapeDataString($"paymentInfo(payments(id=\"{payment["id"]}\"))"))).Object;
        ((int)found["count"]!).ShouldBe(1);

        (await api.PostAsync("/orders", $$"""{"id":"{{cart["id"]}}","version":3}""")).ShouldBeError(HttpStatusCode.BadRequest, "InvalidOperation");
    }

    [Fact]
    public async Task Ordering_a_stale_cart_version_gives_409()
    {
        await using var host = await EmulatorHost.StartAsync();
        var (api, cart, _) = await CheckoutAsync(host);
        (await api.PostAsync("/orders", $$"""{"id":"{{cart["id"]}}","version":1}""")).ShouldBeError(HttpStatusCode.Conflict, "ConcurrentModification");
        ((int)(await api.GetAsync("/orders")).Object["total"]!).ShouldBe(0);
    }

    [Fact]
    public async Task Deliveries_parcels_and_tracking_data_can_be_added()
    {
        await using var host = await EmulatorHost.StartAsync();
        var (api, cart, _) = await CheckoutAsync(host);
        var order = await api.CreateAsync("/orders", $$"""{"id":"{{cart["id"]}}","version":2}""");
        var path = $"/orders/{order["id"]}";
        var lineId = (string)order["lineItems"]![0]!["id"]!;

        var withDelivery = await api.UpdateAsync(path, 1, $$"""{"action":"addDelivery","deliveryKey":"d1","items":[{"id":"{{lineId}}","quantity":1}]}""");
        var delivery = withDelivery["shippingInfo"]!["deliveries"]![0]!;
        ((string?)delivery["key"]).ShouldBe("d1");

        var withParcel = await api.UpdateAsync(path, 2, """{"action":"addParcelToDelivery","deliveryKey":"d1","parcelKey":"p1","trackingData":{"trackingId":"1Z999","carrier":"UPS"}}""");
        var parcel = withParcel["shippingInfo"]!["deliveries"]![0]!["parcels"]![0]!;
        ((string?)parcel["trackingData"]!["trackingId"]).ShouldBe("1Z999");

        var tracked = await api.UpdateAsync(path, 3, """{"action":"setParcelTrackingData","parcelKey":"p1","trackingData":{"trackingId":"1Z000","carrier":"DHL"}}""");
        ((string?)tracked["shippingInfo"]!["deliveries"]![0]!["parcels"]![0]!["trackingData"]!["carrier"]).ShouldBe("DHL");

        var states = await api.UpdateAsync(path, 4,
            """{"action":"changeOrderState","orderState":"Confirmed"}""",
            """{"action":"changePaymentState","paymentState":"Paid"}""",
            """{"action":"changeShipmentState","shipmentState":"Shipped"}""");
        ((long)states["version"]!).ShouldBe(7);
        (await api.TryUpdateAsync(path, 7, """{"action":"addParcelToDelivery","deliveryKey":"nope"}""")).ShouldBeError(HttpStatusCode.BadRequest, "InvalidOperation");
    }

    [Fact]
    public async Task Order_extensions_fire_on_create()
    {
        await using var host = await EmulatorHost.StartAsync();
        var (api, cart, _) = await CheckoutAsync(host);
        await api.CreateAsync("/extensions", Drafts.Extension("https://x.example/orders", key: "orders", resourceTypeId: "order", actions: "\"Create\""));

        await api.CreateAsync("/orders", $$"""{"id":"{{cart["id"]}}","version":2}""");

        ((string?)JsonNode.Parse(host.Extensions.Requests.ShouldHaveSingleItem().Body)!["resource"]!["typeId"]).ShouldBe("order");
    }
}
