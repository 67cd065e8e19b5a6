using System.Net;
using System.Text.Json.Nodes;
using Emulator.Commercetools.Tests.Infrastructure;

namespace Emulator.Commercetools.Tests.Carts;

public sealed class ExpansionTests
{
    [Fact]
    public async Task Payments_of_a_cart_can_be_expanded_with_masked_tokens()
    {
        await using var host = await EmulatorHost.StartAsync();
        var api = await host.AdminAsync();
        var payment = await api.CreateAsync("/payments", """{"amountPlanned":{"currencyCode":"EUR","centAmount":100},"paymentMethodInfo":{"token":{"value":"tok-123456"}}}""");
        var cart = await api.CreateAsync("/carts", """{"currency":"EUR"}""");
        await api.UpdateAsync($"/carts/{cart["id"]}", 1, Drafts.AddPayment((string)payment["id"]!));

        var expanded = (await api.GetAsync($"/carts/{cart["id"]}?expand=paymentInfo.payments[*]")).Object;
        var obj = expanded["paymentInfo"]!["payments"]![0]!["obj"]!;
        ((long)obj["amountPlanned"]!["centAmount"]!).ShouldBe(100);
        ((string?)obj["paymentMethodInfo"]!["token"]!["value"]).ShouldBe("******3456");

        var query = (await api.GetAsync("/carts?expand=paymentInfo.payments%5B*%5D")).Object;
        query["results"]![0]!["paymentInfo"]!["payments"]![0]!["obj"].ShouldNotBeNull();
        (await api.GetAsync($"/carts/{cart["id"]}")).Object["paymentInfo"]!["payments"]![0]!.AsObject().ContainsKey("obj").ShouldBeFalse();
    }

    [Fact]
    public async Task Extension_expansion_paths_expand_the_payload()
    {
        await using var host = await EmulatorHost.StartAsync();
        var api = await host.AdminAsync();
        var customer = (await api.CreateAsync("/customers", """{"email":"jane@example.com","password":"pw","firstName":"Jane"}"""))["customer"]!;
        var draft = JsonNode.Parse(Drafts.Extension("https://connector.example/ext"))!.AsObject();
        draft["expansionPaths"] = new JsonArray("customer");
        await api.CreateAsync("/extensions", draft.ToJsonString());

        await api.CreateAsync("/payments", $$$"""{"customer":{"typeId":"customer","id":"{{{customer["id"]}}}"},"amountPlanned":{"currencyCode":"EUR","centAmount":100}}""");

        var obj = JsonNode.Parse(host.Extensions.Requests.ShouldHaveSingleItem().Body)!["resource"]!["obj"]!;
        ((string?)obj["customer"]!["obj"]!["firstName"]).ShouldBe("Jane");
        obj["customer"]!["obj"]!.AsObject().ContainsKey("password").ShouldBeFalse();
    }

    [Fact]
    public async Task Responses_carry_a_correlation_id()
    {
        await using var host = await EmulatorHost.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("X-Correlation-ID", "abc");
        using var response = await host.Http.SendAsync(request, TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.GetValues("X-Correlation-ID").ShouldBe(["abc"]);
    }
}
