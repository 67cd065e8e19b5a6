using System.Net;
using System.Text.Json.Nodes;
using Emulator.Commercetools.Tests.Infrastructure;

namespace Emulator.Commercetools.Tests.Types;

public sealed class TypeTests
{
    [Fact]
    public async Task A_type_can_be_created_read_by_id_and_key_and_queried()
    {
        await using var host = await EmulatorHost.StartAsync();
        var api = await host.AdminAsync();

        var created = await api.CreateAsync("/types", Drafts.PaymentType);
        ((long)created["version"]!).ShouldBe(1);
        var id = (string)created["id"]!;

        (await api.GetAsync($"/types/{id}")).Object["key"]!.GetValue<string>().ShouldBe("paypal-payment-type");
        (await api.GetAsync("/types/key=paypal-payment-type")).Object["id"]!.GetValue<string>().ShouldBe(id);
        var page = (await api.GetAsync("/types?where=" + Uri.EscapeDataString("resourceTypeIds contains any (\"payment\")"))).Object;
        ((int)page["count"]!).ShouldBe(1);
        ((int)page["total"]!).ShouldBe(1);
        (await api.GetAsync("/types?where=" + Uri.EscapeDataString("resourceTypeIds contains any (\"customer\")"))).Object["count"]!.GetValue<int>().ShouldBe(0);
        (await api.GetAsync("/types/key=missing")).ShouldBeError(HttpStatusCode.NotFound, "ResourceNotFound");
    }

    [Fact]
    public async Task Field_definitions_can_be_added_and_removed_by_key()
    {
        await using var host = await EmulatorHost.StartAsync();
        var api = await host.AdminAsync();
        await api.CreateAsync("/types", Drafts.PaymentType);

        var updated = await api.UpdateAsync("/types/key=paypal-payment-type", 1,
            """{"action":"addFieldDefinition","fieldDefinition":{"name":"captureRequest","label":{"en":"Capture"},"required":false,"type":{"name":"String"}}}""");
        ((long)updated["version"]!).ShouldBe(2);
        updated["fieldDefinitions"]!.AsArray().Select(d => (string?)d!["name"]).ShouldContain("captureRequest");

        var duplicate = await api.TryUpdateAsync("/types/key=paypal-payment-type", 2,
            """{"action":"addFieldDefinition","fieldDefinition":{"name":"captureRequest","label":{"en":"Capture"},"required":false,"type":{"name":"String"}}}""");
        duplicate.ShouldBeError(HttpStatusCode.BadRequest, "DuplicateFieldDefinition");

        var removed = await api.UpdateAsync("/types/key=paypal-payment-type", 2, """{"action":"removeFieldDefinition","fieldName":"captureRequest"}""");
        removed["fieldDefinitions"]!.AsArray().Select(d => (string?)d!["name"]).ShouldNotContain("captureRequest");
        ((long)removed["version"]!).ShouldBe(3);
    }

    [Fact]
    public async Task Values_of_the_wrong_json_kind_are_400_not_500()
    {
        await using var host = await EmulatorHost.StartAsync();
        var api = await host.AdminAsync();
        await api.CreateAsync("/types", Drafts.PaymentType);
        (await api.TryUpdateAsync("/types/key=paypal-payment-type", 1, """{"action":"changeFieldDefinitionOrder","fieldNames":[1,2,3,4]}"""))
            .ShouldBeError(HttpStatusCode.BadRequest, "InvalidJsonInput");
        (await api.PostAsync("/payments", """{"amountPlanned":{"currencyCode":5,"centAmount":1}}""")).ShouldBeError(HttpStatusCode.BadRequest, "InvalidJsonInput");
    }

    [Fact]
    public async Task Duplicate_type_keys_are_rejected()
    {
        await using var host = await EmulatorHost.StartAsync();
        var api = await host.AdminAsync();
        await api.CreateAsync("/types", Drafts.PaymentType);
        (await api.PostAsync("/types", Drafts.PaymentType)).ShouldBeError(HttpStatusCode.BadRequest, "DuplicateField");
    }

    [Fact]
    public async Task Invalid_field_types_are_rejected()
    {
        await using var host = await EmulatorHost.StartAsync();
        var api = await host.AdminAsync();
        var response = await api.PostAsync("/types", """
            {"key":"bad","name":{"en":"x"},"resourceTypeIds":["payment"],"fieldDefinitions":[{"name":"x","label":{"en":"x"},"required":false,"type":{"name":"Blob"}}]}
            """);
        response.ShouldBeError(HttpStatusCode.BadRequest, "InvalidField");
    }

    [Fact]
    public async Task Types_can_be_deleted_with_their_version()
    {
        await using var host = await EmulatorHost.StartAsync();
        var api = await host.AdminAsync();
        var created = await api.CreateAsync("/types", Drafts.PaymentType);
        (await api.DeleteAsync($"/types/{created["id"]}?version=2")).ShouldBeError(HttpStatusCode.Conflict, "ConcurrentModification");
        (await api.DeleteAsync($"/types/{created["id"]}?version=1")).Status.ShouldBe(HttpStatusCode.OK);
        (await api.GetAsync($"/types/{created["id"]}")).Status.ShouldBe(HttpStatusCode.NotFound);
        _ = JsonNode.Parse("{}");
    }
}
