using System.Net;
using System.Text.Json.Nodes;
using Emulator.Commercetools.Tests.Infrastructure;

namespace Emulator.Commercetools.Tests.Customers;

public sealed class MyCustomerTests
{
    private const string ManageScope = "manage_my_profile:paypal-sandbox";

    private const string CustomerType = """
        {"key":"paypal-customer-type","name":{"en":"PayPal customer"},"resourceTypeIds":["customer"],
         "fieldDefinitions":[{"name":"PayPalUserId","label":{"en":"User"},"required":false,"type":{"name":"String"}},
                             {"name":"getUserIDTokenRequest","label":{"en":"Req"},"required":false,"type":{"name":"String"}}]}
        """;

    private static async Task<(Api Admin, Api Me, string CustomerId)> ShopperAsync(EmulatorHost host, string scope = ManageScope, string email = "jane@example.com")
    {
        var admin = await host.AdminAsync();
        var customer = (await admin.CreateAsync("/customers", $$"""{"email":"{{email}}","password":"pw","key":"jane-key","externalId":"ext-1"}"""))["customer"]!;
        var token = await host.PasswordTokenAsync(email, "pw", scope);
        return (admin, host.WithToken((string)token["access_token"]!), (string)customer["id"]!);
    }

    [Fact]
    public async Task A_shopper_reads_their_own_profile()
    {
        await using var host = await EmulatorHost.StartAsync();
        var (_, me, customerId) = await ShopperAsync(host, "view_my_profile:paypal-sandbox");

        var profile = await me.GetAsync("/me");

        profile.Status.ShouldBe(HttpStatusCode.OK, profile.Text);
        ((string?)profile.Object["id"]).ShouldBe(customerId);
        ((string?)profile.Object["email"]).ShouldBe("jane@example.com");
    }

    [Fact]
    public async Task A_shopper_updates_their_profile_with_my_customer_actions()
    {
        await using var host = await EmulatorHost.StartAsync();
        var (admin, me, customerId) = await ShopperAsync(host);
        await admin.CreateAsync("/types", CustomerType);

        var updated = await me.UpdateAsync("/me", 1,
            """{"action":"setFirstName","firstName":"Jane"}""",
            """{"action":"setLastName","lastName":"Doe"}""",
            """{"action":"setLocale","locale":"de-DE"}""",
            """{"action":"setCustomType","type":{"key":"paypal-customer-type","typeId":"type"},"fields":{"getUserIDTokenRequest":"{}"}}""",
            """{"action":"setCustomField","name":"getUserIDTokenRequest","value":"{\"a\":1}"}""",
            """{"action":"addAddress","address":{"key":"home","country":"DE","city":"Berlin"}}""",
            """{"action":"setDefaultShippingAddress","addressKey":"home"}""",
            """{"action":"changeEmail","email":"jane.doe@example.com"}""");

        ((long)updated["version"]!).ShouldBe(9);
        ((string?)updated["firstName"]).ShouldBe("Jane");
        ((string?)updated["lastName"]).ShouldBe("Doe");
        ((string?)updated["locale"]).ShouldBe("de-DE");
        ((string?)updated["custom"]!["fields"]!["getUserIDTokenRequest"]).ShouldBe("{\"a\":1}");
        ((string?)updated["email"]).ShouldBe("jane.doe@example.com");
        ((string?)updated["defaultShippingAddressId"]).ShouldBe((string?)updated["addresses"]![0]!["id"]);
        var stored = (await admin.GetAsync($"/customers/{customerId}")).Object;
        ((long)stored["version"]!).ShouldBe(9);
        ((string?)stored["createdBy"]!["clientId"]).ShouldNotBeNull();
        ((string?)stored["lastModifiedBy"]!["customer"]!["id"]).ShouldBe(customerId);
        var messages = (await admin.GetAsync("/messages?where=" + Uri.EscapeDataString($"resource(id = \"{customerId}\") and type = \"CustomerFirstNameSet\""))).Object;
        ((int)messages["total"]!).ShouldBe(1);
    }

    [Fact]
    public async Task Customer_extensions_see_and_can_extend_a_my_profile_update()
    {
        await using var host = await EmulatorHost.StartAsync();
        var (admin, me, customerId) = await ShopperAsync(host);
        await admin.CreateAsync("/types", CustomerType);
        await admin.CreateAsync("/extensions", Drafts.Extension("https://connector.example/customers", key: "customer-ext", resourceTypeId: "customer", actions: "\"Update\""));
        host.Extensions.Responder = (_, _) => Task.FromResult(StubHttpHandler.Json(HttpStatusCode.OK,
            """{"actions":[{"action":"setCustomField","name":"PayPalUserId","value":"from-extension"}]}"""));

        var updated = await me.UpdateAsync("/me", 1,
            """{"action":"setCustomType","type":{"key":"paypal-customer-type","typeId":"type"},"fields":{"getUserIDTokenRequest":"{}"}}""");

        var call = JsonNode.Parse(host.Extensions.Requests.ShouldHaveSingleItem().Body)!;
        ((string?)call["action"]).ShouldBe("Update");
        ((string?)call["resource"]!["typeId"]).ShouldBe("customer");
        ((string?)call["resource"]!["id"]).ShouldBe(customerId);
        ((string?)call["resource"]!["obj"]!["custom"]!["fields"]!["getUserIDTokenRequest"]).ShouldBe("{}");
        ((long)updated["version"]!).ShouldBe(3);
        ((string?)updated["custom"]!["fields"]!["PayPalUserId"]).ShouldBe("from-extension");
    }

    [Theory]
    [InlineData("""{"action":"setKey","key":"mine"}""")]
    [InlineData("""{"action":"setExternalId","externalId":"mine"}""")]
    [InlineData("""{"action":"setCustomerNumber","customerNumber":"C-1"}""")]
    [InlineData("""{"action":"setAuthenticationMode","authMode":"ExternalAuth"}""")]
    [InlineData("""{"action":"setCustomerGroup","customerGroup":{"typeId":"customer-group","key":"vip"}}""")]
    public async Task A_shopper_cannot_use_actions_outside_the_my_customer_set_and_nothing_changes(string action)
    {
        await using var host = await EmulatorHost.StartAsync();
        var (admin, me, customerId) = await ShopperAsync(host);

        // The forbidden action comes after an allowed one: the whole request fails, nothing is stored.
        var response = await me.TryUpdateAsync("/me", 1, """{"action":"setFirstName","firstName":"Mallory"}""", action);

        response.ShouldBeError(HttpStatusCode.BadRequest, "InvalidJsonInput");
        ((string?)response.Object["errors"]![0]!["detailedErrorMessage"]).ShouldStartWith("actions -> action: Unknown action");
        var stored = (await admin.GetAsync($"/customers/{customerId}")).Object;
        ((long)stored["version"]!).ShouldBe(1);
        ((string?)stored["key"]).ShouldBe("jane-key");
        ((string?)stored["externalId"]).ShouldBe("ext-1");
        stored.ContainsKey("firstName").ShouldBeFalse();
    }

    [Fact]
    public async Task Profile_endpoints_need_the_profile_scopes_and_a_customer_token()
    {
        await using var host = await EmulatorHost.StartAsync();
        var (_, viewer, _) = await ShopperAsync(host, "view_my_profile:paypal-sandbox");
        (await viewer.TryUpdateAsync("/me", 1, """{"action":"setFirstName","firstName":"X"}""")).ShouldBeError(HttpStatusCode.Forbidden, "insufficient_scope");

        var other = await host.PasswordTokenAsync("jane@example.com", "pw", "manage_my_orders:paypal-sandbox");
        (await host.WithToken((string)other["access_token"]!).GetAsync("/me")).ShouldBeError(HttpStatusCode.Forbidden, "insufficient_scope");

        var admin = await host.AdminAsync();
        (await admin.GetAsync("/me")).ShouldBeError(HttpStatusCode.Forbidden, "insufficient_scope");

        var anonymous = await host.AnonymousTokenAsync("anon-1", ManageScope);
        (await host.WithToken((string)anonymous["access_token"]!).GetAsync("/me")).ShouldBeError(HttpStatusCode.Forbidden, "insufficient_scope");
    }

    [Fact]
    public async Task A_stale_version_is_a_conflict()
    {
        await using var host = await EmulatorHost.StartAsync();
        var (_, me, _) = await ShopperAsync(host);
        await me.UpdateAsync("/me", 1, """{"action":"setFirstName","firstName":"A"}""");

        var conflict = await me.TryUpdateAsync("/me", 1, """{"action":"setFirstName","firstName":"B"}""");

        conflict.ShouldBeError(HttpStatusCode.Conflict, "ConcurrentModification");
        ((long)conflict.Object["errors"]![0]!["currentVersion"]!).ShouldBe(2);
    }
}
