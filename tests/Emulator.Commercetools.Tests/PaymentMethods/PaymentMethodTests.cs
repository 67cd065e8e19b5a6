using System.Net;
using System.Text.Json.Nodes;
using Emulator.Commercetools.Tests.Infrastructure;

namespace Emulator.Commercetools.Tests.PaymentMethods;

public sealed class PaymentMethodTests
{
    private static string Draft(string key, string customerId, bool isDefault = false, string status = "Active") => $$$"""
        {"key":"{{{key}}}","customer":{"typeId":"customer","id":"{{{customerId}}}"},"method":"paypal","paymentInterface":"paypal",
         "interfaceAccount":"merchant-1","token":{"value":"vault-token-{{{key}}}"},"default":{{{(isDefault ? "true" : "false")}}},
         "paymentMethodStatus":"{{{status}}}","name":{"en":"PayPal wallet"}}
        """;

    private static async Task<(Api Api, string CustomerId)> SetupAsync(EmulatorHost host)
    {
        var api = await host.AdminAsync();
        var customer = (await api.CreateAsync("/customers", """{"email":"jane@example.com","password":"pw"}"""))["customer"]!;
        return (api, (string)customer["id"]!);
    }

    [Fact]
    public async Task Payment_methods_are_created_and_read_by_id_key_and_query_with_the_token_in_clear()
    {
        await using var host = await EmulatorHost.StartAsync();
        var (api, customerId) = await SetupAsync(host);

        var created = await api.CreateAsync("/payment-methods", Draft("pm-1", customerId));

        ((string?)created["paymentMethodStatus"]).ShouldBe("Active");
        ((bool)created["default"]!).ShouldBeFalse();
        ((string?)created["token"]!["value"]).ShouldBe("vault-token-pm-1");
        (await api.GetAsync($"/payment-methods/{created["id"]}")).Status.ShouldBe(HttpStatusCode.OK);
        ((string?)(await api.GetAsync("/payment-methods/key=pm-1")).Object["token"]!["value"]).ShouldBe("vault-token-pm-1");
        var page = (await api.GetAsync("/payment-methods?where=" + Uri.EscapeDataString($"customer(id = \"{customerId}\") and paymentMethodStatus = \"Active\""))).Object;
        ((int)page["total"]!).ShouldBe(1);
        (await api.HeadAsync("/payment-methods/key=pm-1")).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Every_update_action_works_by_id_and_key()
    {
        await using var host = await EmulatorHost.StartAsync();
        var (api, customerId) = await SetupAsync(host);
        await api.CreateAsync("/types", """
            {"key":"pm-type","name":{"en":"pm"},"resourceTypeIds":["payment-method"],"fieldDefinitions":[{"name":"note","label":{"en":"n"},"required":false,"type":{"name":"String"}}]}
            """);
        var created = await api.CreateAsync("/payment-methods", Draft("pm-1", customerId));

        var updated = await api.UpdateAsync("/payment-methods/key=pm-1", 1,
            """{"action":"setName","name":{"en":"Venmo"}}""",
            """{"action":"setMethod","method":"venmo"}""",
            """{"action":"setPaymentInterface","paymentInterface":"paypal-v2"}""",
            """{"action":"setInterfaceAccount","interfaceAccount":"merchant-2"}""",
            """{"action":"setDefault","default":true}""",
            """{"action":"setCustomType","type":{"key":"pm-type"}}""",
            """{"action":"setCustomField","name":"note","value":"hello"}""",
            """{"action":"setKey","key":"pm-renamed"}""");

        ((long)updated["version"]!).ShouldBe(9);
        ((string?)updated["method"]).ShouldBe("venmo");
        ((string?)updated["paymentInterface"]).ShouldBe("paypal-v2");
        ((string?)updated["interfaceAccount"]).ShouldBe("merchant-2");
        ((bool)updated["default"]!).ShouldBeTrue();
        ((string?)updated["custom"]!["fields"]!["note"]).ShouldBe("hello");
        var byId = await api.UpdateAsync($"/payment-methods/{created["id"]}", 9,
            """{"action":"setDefault","default":false}""",
            """{"action":"setPaymentMethodStatus","paymentMethodStatus":"Inactive"}""",
            """{"action":"setMethod"}""");
        ((string?)byId["paymentMethodStatus"]).ShouldBe("Inactive");
        byId.ContainsKey("method").ShouldBeFalse();
        (await api.DeleteAsync("/payment-methods/key=pm-renamed?version=12")).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Inactive_methods_cannot_be_default_and_defaults_cannot_be_deactivated()
    {
        await using var host = await EmulatorHost.StartAsync();
        var (api, customerId) = await SetupAsync(host);

        (await api.PostAsync("/payment-methods", Draft("pm-x", customerId, isDefault: true, status: "Inactive"))).ShouldBeError(HttpStatusCode.BadRequest, "InvalidOperation");
        var inactive = await api.CreateAsync("/payment-methods", Draft("pm-1", customerId, status: "Inactive"));
        (await api.TryUpdateAsync($"/payment-methods/{inactive["id"]}", 1, """{"action":"setDefault","default":true}""")).ShouldBeError(HttpStatusCode.BadRequest, "InvalidOperation");
        var active = await api.CreateAsync("/payment-methods", Draft("pm-2", customerId, isDefault: true));
        (await api.TryUpdateAsync($"/payment-methods/{active["id"]}", 1, """{"action":"setPaymentMethodStatus","paymentMethodStatus":"Inactive"}"""))
            .ShouldBeError(HttpStatusCode.BadRequest, "InvalidOperation");
    }

    [Fact]
    public async Task A_new_default_clears_the_previous_default_of_the_same_customer()
    {
        await using var host = await EmulatorHost.StartAsync();
        var (api, customerId) = await SetupAsync(host);
        var other = (string)(await api.CreateAsync("/customers", """{"email":"john@example.com","password":"pw"}"""))["customer"]!["id"]!;
        var first = await api.CreateAsync("/payment-methods", Draft("pm-1", customerId, isDefault: true));
        var foreign = await api.CreateAsync("/payment-methods", Draft("pm-other", other, isDefault: true));

        var second = await api.CreateAsync("/payment-methods", Draft("pm-2", customerId, isDefault: true));

        ((bool)second["default"]!).ShouldBeTrue();
        var previous = (await api.GetAsync($"/payment-methods/{first["id"]}")).Object;
        ((bool)previous["default"]!).ShouldBeFalse();
        ((long)previous["version"]!).ShouldBe(2);
        ((bool)(await api.GetAsync($"/payment-methods/{foreign["id"]}")).Object["default"]!).ShouldBeTrue();

        var messages = (await api.GetAsync("/messages?where=" + Uri.EscapeDataString("type = \"PaymentMethodDefaultSet\""))).Object;
        ((bool)messages["results"]![0]!["oldDefault"]!).ShouldBeTrue();
        ((bool)messages["results"]![0]!["default"]!).ShouldBeFalse();
    }

    [Fact]
    public async Task Concurrent_defaults_leave_exactly_one_default()
    {
        await using var host = await EmulatorHost.StartAsync();
        var (api, customerId) = await SetupAsync(host);
        var methods = new List<JsonObject>();
        for (var i = 0; i < 6; i++)
        {
            methods.Add(await api.CreateAsync("/payment-methods", Draft($"pm-{i}", customerId)));
        }

        await Task.WhenAll(methods.Select(m => api.UpdateAsync($"/payment-methods/{m["id"]}", 1, """{"action":"setDefault","default":true}""")));

        var defaults = (await api.GetAsync("/payment-methods?where=default%3Dtrue")).Object;
        ((int)defaults["total"]!).ShouldBe(1);
    }

    [Fact]
    public async Task Messages_mask_the_token_and_extensions_see_it_in_clear()
    {
        await using var host = await EmulatorHost.StartAsync();
        var (api, customerId) = await SetupAsync(host);
        await api.CreateAsync("/extensions", Drafts.Extension("https://connector.example/pm", key: "pm-ext", resourceTypeId: "payment-method"));

        await api.CreateAsync("/payment-methods", Draft("pm-1", customerId));

        var call = JsonNode.Parse(host.Extensions.Requests.ShouldHaveSingleItem().Body)!;
        ((string?)call["resource"]!["typeId"]).ShouldBe("payment-method");
        ((string?)call["resource"]!["obj"]!["token"]!["value"]).ShouldBe("vault-token-pm-1");
        var created = (await api.GetAsync("/messages?where=" + Uri.EscapeDataString("type = \"PaymentMethodCreated\""))).Object["results"]![0]!;
        ((string?)created["paymentMethod"]!["token"]!["value"]).ShouldBe("************pm-1");
    }

    [Fact]
    public async Task Payment_method_scopes_are_enforced()
    {
        await using var host = await EmulatorHost.StartAsync();
        var (admin, customerId) = await SetupAsync(host);
        await admin.CreateAsync("/payment-methods", Draft("pm-1", customerId));
        var viewer = await host.AdminAsync("view_payment_methods:paypal-sandbox");
        (await viewer.GetAsync("/payment-methods/key=pm-1")).Status.ShouldBe(HttpStatusCode.OK);
        (await viewer.PostAsync("/payment-methods", Draft("pm-2", customerId))).ShouldBeError(HttpStatusCode.Forbidden, "insufficient_scope");
    }
}
