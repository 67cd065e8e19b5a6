using System.Net;
using Emulator.Commercetools.Tests.Infrastructure;

namespace Emulator.Commercetools.Tests.MyCarts;

public sealed class MyCartTests
{
    private const string Scope = "manage_my_orders:paypal-sandbox manage_my_payments:paypal-sandbox";

    [Fact]
    public async Task An_anonymous_shopper_pays_with_my_payments_and_orders_their_own_cart()
    {
        await using var host = await EmulatorHost.StartAsync();
        await Catalog.CreateAsync(await host.AdminAsync());
        var me = host.WithToken((string)(await host.AnonymousTokenAsync("anon-1", Scope))["access_token"]!);
        var stranger = host.WithToken((string)(await host.AnonymousTokenAsync("anon-2", Scope))["access_token"]!);

        var cart = await me.CreateAsync("/me/carts", """{"currency":"EUR","country":"DE","anonymousId":"spoofed","shippingAddress":{"country":"DE"},"lineItems":[{"sku":"SKU-1"}]}""");
        ((string?)cart["anonymousId"]).ShouldBe("anon-1");
        var payment = await me.CreateAsync("/me/payments", """{"amountPlanned":{"currencyCode":"EUR","centAmount":1999},"paymentMethodInfo":{"paymentInterface":"PayPal"}}""");
        var withPayment = await me.UpdateAsync($"/me/carts/{cart["id"]}", 1, Drafts.AddPayment((string)payment["id"]!));

        ((string?)withPayment["paymentInfo"]!["payments"]![0]!["id"]).ShouldBe((string)payment["id"]!);
        ((string?)(await me.GetAsync("/me/active-cart")).Object["id"]).ShouldBe((string)cart["id"]!);
        (await stranger.GetAsync($"/me/carts/{cart["id"]}")).ShouldBeError(HttpStatusCode.NotFound, "ResourceNotFound");
        (await stranger.GetAsync("/me/active-cart")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await me.TryUpdateAsync($"/me/carts/{cart["id"]}", 2, """{"action":"setAnonymousId","anonymousId":"x"}""")).ShouldBeError(HttpStatusCode.BadRequest, "InvalidJsonInput");
        (await stranger.PostAsync("/me/orders", $$"""{"id":"{{cart["id"]}}","version":2}""")).ShouldBeError(HttpStatusCode.BadRequest, "ReferencedResourceNotFound");

        var order = await me.CreateAsync("/me/orders", $$"""{"id":"{{cart["id"]}}","version":2}""");
        ((string?)order["anonymousId"]).ShouldBe("anon-1");
        ((int)(await me.GetAsync("/me/orders")).Object["total"]!).ShouldBe(1);
        ((int)(await stranger.GetAsync("/me/orders")).Object["total"]!).ShouldBe(0);
    }

    [Fact]
    public async Task My_carts_need_manage_my_orders()
    {
        await using var host = await EmulatorHost.StartAsync();
        var me = host.WithToken((string)(await host.AnonymousTokenAsync("anon-1", "manage_my_payments:paypal-sandbox"))["access_token"]!);
        (await me.PostAsync("/me/carts", """{"currency":"EUR"}""")).ShouldBeError(HttpStatusCode.Forbidden, "insufficient_scope");
    }
}
