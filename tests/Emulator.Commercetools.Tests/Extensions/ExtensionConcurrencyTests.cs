using System.Net;
using Emulator.Commercetools.Tests.Infrastructure;

namespace Emulator.Commercetools.Tests.Extensions;

public sealed class ExtensionConcurrencyTests
{
    [Fact]
    public async Task A_write_that_commits_while_an_extension_runs_makes_the_slower_write_fail_with_409()
    {
        await using var host = await EmulatorHost.StartAsync();
        var api = await host.AdminAsync();
        await api.CreateAsync("/extensions", Drafts.Extension("https://connector.example/ext", "key = \"slow\"", actions: "\"Update\""));
        var payment = await api.CreateAsync("/payments", Drafts.Payment());
        var path = $"/payments/{payment["id"]}";
        var extensionEntered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Extensions.Responder = async (_, _) =>
        {
            extensionEntered.SetResult();
            await release.Task;
            return StubHttpHandler.Json(HttpStatusCode.OK, """{"actions":[{"action":"setStatusInterfaceCode","interfaceCode":"SLOW"}]}""");
        };

        var slow = api.TryUpdateAsync(path, 1, """{"action":"setKey","key":"slow"}""");
        await extensionEntered.Task.WaitAsync(TestContext.Current.CancellationToken);
        var fast = await api.TryUpdateAsync(path, 1, """{"action":"setKey","key":"fast"}""");
        release.SetResult();
        var slowResult = await slow;

        fast.Status.ShouldBe(HttpStatusCode.OK);
        slowResult.ShouldBeError(HttpStatusCode.Conflict, "ConcurrentModification");
        var current = (await api.GetAsync(path)).Object;
        ((string?)current["key"]).ShouldBe("fast");
        ((long)current["version"]!).ShouldBe(2);
        current["paymentStatus"]!.AsObject().ContainsKey("interfaceCode").ShouldBeFalse();
    }
}
