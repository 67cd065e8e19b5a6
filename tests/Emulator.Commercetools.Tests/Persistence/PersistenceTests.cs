using System.Net;
using Emulator.Commercetools.Tests.Infrastructure;

namespace Emulator.Commercetools.Tests.Persistence;

public sealed class PersistenceTests
{
    [Fact]
    public async Task Resources_survive_a_restart_with_a_data_file()
    {
        var file = Path.Combine(Path.GetTempPath(), $"ct-emulator-{Guid.NewGuid():N}.db");
        var settings = new Dictionary<string, string?> { ["Emulator:DataFile"] = file };
        try
        {
            string paymentId;
            await using (var host = await EmulatorHost.StartAsync(settings))
            {
                var api = await host.AdminAsync();
                var payment = await api.CreateAsync("/payments", Drafts.Payment(key: "kept"));
                paymentId = (string)payment["id"]!;
                await api.UpdateAsync($"/payments/{paymentId}", 1, Drafts.Charge(100));
                await api.CreateAsync("/custom-objects", """{"container":"c","key":"k","value":{"a":1}}""");
                var deleted = await api.CreateAsync("/payments", Drafts.Payment(key: "gone"));
                await api.DeleteAsync($"/payments/{deleted["id"]}?version=1");
            }

            await using (var host = await EmulatorHost.StartAsync(settings))
            {
                var api = await host.AdminAsync();
                var payment = (await api.GetAsync("/payments/key=kept")).Object;
                ((string?)payment["id"]).ShouldBe(paymentId);
                ((long)payment["version"]!).ShouldBe(2);
                (await api.GetAsync("/payments/key=gone")).Status.ShouldBe(HttpStatusCode.NotFound);
                ((int)(await api.GetAsync("/custom-objects/c/k")).Object["value"]!["a"]!).ShouldBe(1);

                await api.UpdateAsync($"/payments/{paymentId}", 2, Drafts.Charge(50));
                var messages = (await api.GetAsync($"/messages?where={Uri.EscapeDataString($"resource(id=\"{paymentId}\")")}&sort=sequenceNumber%20desc")).Object;
                ((long)messages["results"]![0]!["sequenceNumber"]!).ShouldBe(3);
            }
        }
        finally
        {
            foreach (var path in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(path);
            }
        }
    }
}
