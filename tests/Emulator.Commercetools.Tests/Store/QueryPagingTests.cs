using System.Text.Json.Nodes;
using Emulator.Commercetools.Tests.Infrastructure;

namespace Emulator.Commercetools.Tests.Store;

/// <summary>How a reconciler pages payments: a lastModifiedAt window, sorted ascending, limit/offset, no total.</summary>
public sealed class QueryPagingTests
{
    [Fact]
    public async Task A_lastModifiedAt_window_pages_in_order_without_total_and_follows_updates()
    {
        await using var host = await EmulatorHost.StartAsync();
        var api = await host.AdminAsync();
        var created = new List<JsonObject>();
        for (var i = 0; i < 12; i++)
        {
            created.Add(await api.CreateAsync("/payments", Drafts.Payment(100 + i)));
            host.Time.Advance(TimeSpan.FromSeconds(1));
        }

        // Moves payment 1 to the end of the timeline (an update sets lastModifiedAt).
        var moved = await api.UpdateAsync($"/payments/{created[1]["id"]}", 1, """{"action":"setStatusInterfaceCode","interfaceCode":"x"}""");
        var from = (string)created[2]["lastModifiedAt"]!;
        var to = (string)moved["lastModifiedAt"]!;
        var where = Uri.EscapeDataString($"lastModifiedAt >= \"{from}\" and lastModifiedAt < \"{to}\"");

        var pages = new List<string>();
        for (var offset = 0; offset < 20; offset += 4)
        {
            var page = (await api.GetAsync($"/payments?where={where}&sort=lastModifiedAt%20asc&limit=4&offset={offset}&withTotal=false")).Object;
            page.ContainsKey("total").ShouldBeFalse();
            ((int)page["offset"]!).ShouldBe(offset);
            var ids = page["results"]!.AsArray().Select(r => (string)r!["id"]!).ToList();
            ((int)page["count"]!).ShouldBe(ids.Count);
            pages.AddRange(ids);
            if (ids.Count < 4)
            {
                break;
            }
        }

        // Payments 2..11 (payment 1 moved past the window's end, payment 0 is before it).
        pages.ShouldBe(created.Skip(2).Select(p => (string)p["id"]!));

        var withTotal = (await api.GetAsync($"/payments?where={where}&sort=lastModifiedAt%20desc&limit=3")).Object;
        ((int)withTotal["total"]!).ShouldBe(10);
        withTotal["results"]!.AsArray().Select(r => (string)r!["id"]!).ShouldBe(created.Skip(9).Reverse().Select(p => (string)p["id"]!));

        var inclusive = Uri.EscapeDataString($"lastModifiedAt >= \"{from}\" and lastModifiedAt <= \"{to}\"");
        var last = (await api.GetAsync($"/payments?where={inclusive}&sort=lastModifiedAt%20asc&limit=1&offset=10")).Object;
        ((string?)last["results"]![0]!["id"]).ShouldBe((string?)created[1]["id"]);
    }

    [Fact]
    public async Task Equality_queries_on_indexed_paths_see_updates_and_deletes()
    {
        await using var host = await EmulatorHost.StartAsync();
        var api = await host.AdminAsync();
        await api.CreateAsync("/types", Drafts.PaymentType);
        var payment = await api.CreateAsync("/payments", Drafts.Payment());
        var path = $"/payments/{payment["id"]}";
        var byOrder = "/payments?where=" + Uri.EscapeDataString("custom(fields(PayPalOrderId=\"ORDER-1\"))");
        var byInterfaceId = "/payments?where=" + Uri.EscapeDataString("interfaceId = \"ORDER-1\"");
        ((int)(await api.GetAsync(byOrder)).Object["total"]!).ShouldBe(0);
        ((int)(await api.GetAsync(byInterfaceId)).Object["total"]!).ShouldBe(0);

        await api.UpdateAsync(path, 1,
            """{"action":"setCustomType","type":{"key":"paypal-payment-type","typeId":"type"},"fields":{"PayPalOrderId":"ORDER-1"}}""",
            """{"action":"setInterfaceId","interfaceId":"ORDER-1"}""");
        ((int)(await api.GetAsync(byOrder)).Object["total"]!).ShouldBe(1);
        ((int)(await api.GetAsync(byInterfaceId)).Object["total"]!).ShouldBe(1);

        await api.UpdateAsync(path, 3, """{"action":"setCustomField","name":"PayPalOrderId","value":"ORDER-2"}""");
        ((int)(await api.GetAsync(byOrder)).Object["total"]!).ShouldBe(0);

        (await api.DeleteAsync($"{path}?version=4")).Status.ShouldBe(System.Net.HttpStatusCode.OK);
        ((int)(await api.GetAsync(byInterfaceId)).Object["total"]!).ShouldBe(0);
    }
}
