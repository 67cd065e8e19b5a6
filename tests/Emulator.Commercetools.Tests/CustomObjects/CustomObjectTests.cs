using System.Net;
using Emulator.Commercetools.Tests.Infrastructure;

namespace Emulator.Commercetools.Tests.CustomObjects;

public sealed class CustomObjectTests
{
    [Fact]
    public async Task Upsert_creates_then_replaces_with_version_checks()
    {
        await using var host = await EmulatorHost.StartAsync();
        var api = await host.AdminAsync();

        var created = await api.CreateAsync("/custom-objects", """{"container":"paypal-commercetools-connector","key":"settings","value":{"a":1,"b":null}}""");
        ((long)created["version"]!).ShouldBe(1);
        created["value"]!.AsObject().ContainsKey("b").ShouldBeFalse();

        var replaced = await api.PostAsync("/custom-objects", """{"container":"paypal-commercetools-connector","key":"settings","value":{"a":2},"version":1}""");
        replaced.Status.ShouldBe(HttpStatusCode.OK);
        ((long)replaced.Object["version"]!).ShouldBe(2);
        ((string?)replaced.Object["id"]).ShouldBe((string)created["id"]!);

        var stale = await api.PostAsync("/custom-objects", """{"container":"paypal-commercetools-connector","key":"settings","value":{"a":3},"version":1}""");
        stale.ShouldBeError(HttpStatusCode.Conflict, "ConcurrentModification");
        ((long)stale.Object["errors"]![0]!["currentVersion"]!).ShouldBe(2);

        var unversioned = await api.PostAsync("/custom-objects", """{"container":"paypal-commercetools-connector","key":"settings","value":"plain"}""");
        ((long)unversioned.Object["version"]!).ShouldBe(3);

        (await api.PostAsync("/custom-objects", """{"container":"c","key":"new","value":1,"version":5}""")).ShouldBeError(HttpStatusCode.Conflict, "ConcurrentModification");
        (await api.PostAsync("/custom-objects", """{"container":"bad container","key":"k","value":1}""")).ShouldBeError(HttpStatusCode.BadRequest, "InvalidField");
    }

    [Fact]
    public async Task Custom_objects_are_read_queried_by_container_and_deleted()
    {
        await using var host = await EmulatorHost.StartAsync();
        var api = await host.AdminAsync();
        await api.CreateAsync("/custom-objects", """{"container":"c1","key":"a","value":{"n":1}}""");
        await api.CreateAsync("/custom-objects", """{"container":"c1","key":"b","value":{"n":2}}""");
        await api.CreateAsync("/custom-objects", """{"container":"c2","key":"a","value":{"n":3}}""");

        ((int)(await api.GetAsync("/custom-objects/c1/b")).Object["value"]!["n"]!).ShouldBe(2);
        (await api.GetAsync("/custom-objects/c1/zzz")).ShouldBeError(HttpStatusCode.NotFound, "ResourceNotFound");
        ((int)(await api.GetAsync("/custom-objects/c1")).Object["total"]!).ShouldBe(2);
        ((int)(await api.GetAsync("/custom-objects?where=" + Uri.EscapeDataString("value(n > 1)"))).Object["total"]!).ShouldBe(2);

        (await api.DeleteAsync("/custom-objects/c1/a?version=9")).ShouldBeError(HttpStatusCode.Conflict, "ConcurrentModification");
        (await api.DeleteAsync("/custom-objects/c1/a?version=1")).Status.ShouldBe(HttpStatusCode.OK);
        (await api.GetAsync("/custom-objects/c1/a")).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Key_value_scope_grants_access()
    {
        await using var host = await EmulatorHost.StartAsync();
        var api = await host.AdminAsync("manage_key_value_documents:paypal-sandbox");
        (await api.PostAsync("/custom-objects", """{"container":"c","key":"k","value":1}""")).Status.ShouldBe(HttpStatusCode.Created);
        var payments = await host.AdminAsync("manage_payments:paypal-sandbox");
        (await payments.GetAsync("/custom-objects/c/k")).ShouldBeError(HttpStatusCode.Forbidden, "insufficient_scope");
    }
}
