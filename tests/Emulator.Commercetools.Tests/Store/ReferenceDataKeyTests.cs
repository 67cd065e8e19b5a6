using System.Net;
using Emulator.Commercetools.Tests.Infrastructure;

namespace Emulator.Commercetools.Tests.Store;

/// <summary>setKey on the reference data a merchant names checks the key as creating it does (commercetools' key pattern).</summary>
public sealed class ReferenceDataKeyTests
{
    [Theory]
    [InlineData("/zones", """{"key":"z1","name":"Z","locations":[{"country":"DE"}]}""")]
    [InlineData("/tax-categories", """{"key":"t1","name":"T","rates":[]}""")]
    [InlineData("/product-types", """{"key":"p1","name":"P","description":"d"}""")]
    [InlineData("/shipping-methods", """{"key":"s1","name":"S","taxCategory":{"typeId":"tax-category","key":"standard"},"zoneRates":[]}""")]
    public async Task SetKey_refuses_a_key_a_draft_could_not_have_and_takes_a_valid_one(string path, string draft)
    {
        await using var host = await EmulatorHost.StartAsync();
        var api = await host.AdminAsync();
        await Catalog.CreateAsync(api);
        var created = await api.CreateAsync(path, draft);
        var resource = $"{path}/{created["id"]}";

        var refused = await api.TryUpdateAsync(resource, (long)created["version"]!, """{"action":"setKey","key":"not a key!"}""");
        refused.Status.ShouldBe(HttpStatusCode.BadRequest);

        var renamed = await api.UpdateAsync(resource, (long)created["version"]!, """{"action":"setKey","key":"valid-key_2"}""");
        ((string?)renamed["key"]).ShouldBe("valid-key_2");
    }
}
