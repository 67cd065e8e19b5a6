using Emulator.Commercetools.Tests.Infrastructure;

namespace Emulator.Commercetools.Tests.Carts;

public sealed class CartQueryTests
{
    [Fact]
    public async Task Carts_are_found_by_attached_payment()
    {
        await using var host = await EmulatorHost.StartAsync();
        var api = await host.AdminAsync();
        var payment = await api.CreateAsync("/payments", Drafts.Payment());
        var cart = await api.CreateAsync("/carts", """{"currency":"EUR"}""");
        await api.CreateAsync("/carts", """{"currency":"EUR"}""");
        await api.UpdateAsync($"/carts/{cart["id"]}", 1, Drafts.AddPayment((string)payment["id"]!));

        var page = (await api.GetAsync("/carts?where=" + Uri.EscapeDataString($"paymentInfo(payments(id=\"{payment["id"]}\"))"))).Object;

        ((int)page["count"]!).ShouldBe(1);
        ((string?)page["results"]![0]!["id"]).ShouldBe((string)cart["id"]!);
    }
}
