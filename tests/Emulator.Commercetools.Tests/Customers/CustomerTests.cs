using System.Net;
using System.Text.Json.Nodes;
using Emulator.Commercetools.Tests.Infrastructure;

namespace Emulator.Commercetools.Tests.Customers;

public sealed class CustomerTests
{
    private const string CustomerType = """
        {"key":"paypal-customer-type","name":{"en":"PayPal customer"},"resourceTypeIds":["customer"],
         "fieldDefinitions":[{"name":"PayPalUserId","label":{"en":"User"},"required":false,"type":{"name":"String"}},
                             {"name":"getUserIDTokenRequest","label":{"en":"Req"},"required":false,"type":{"name":"String"}}]}
        """;

    [Fact]
    public async Task Create_returns_a_sign_in_result_with_a_hashed_password()
    {
        await using var host = await EmulatorHost.StartAsync();
        var api = await host.AdminAsync();

        var response = await api.PostAsync("/customers", """{"email":"jane@example.com","password":"secret123","firstName":"Jane","addresses":[{"country":"DE","city":"Berlin"}],"defaultShippingAddress":0}""");

        response.Status.ShouldBe(HttpStatusCode.Created, response.Text);
        var customer = response.Object["customer"]!;
        ((string?)customer["email"]).ShouldBe("jane@example.com");
        ((string?)customer["password"])!.ShouldNotContain("secret123");
        ((string?)customer["authenticationMode"]).ShouldBe("Password");
        ((bool)customer["isEmailVerified"]!).ShouldBeFalse();
        ((string?)customer["defaultShippingAddressId"]).ShouldBe((string?)customer["addresses"]![0]!["id"]);
        response.Text.ShouldNotContain("secret123");
    }

    [Fact]
    public async Task Duplicate_emails_are_rejected()
    {
        await using var host = await EmulatorHost.StartAsync();
        var api = await host.AdminAsync();
        await api.CreateAsync("/customers", """{"email":"jane@example.com","password":"x"}""");
        (await api.PostAsync("/customers", """{"email":"JANE@example.com","password":"y"}""")).ShouldBeError(HttpStatusCode.BadRequest, "DuplicateField");
    }

    [Fact]
    public async Task Customers_are_read_queried_and_updated()
    {
        await using var host = await EmulatorHost.StartAsync();
        var api = await host.AdminAsync();
        await api.CreateAsync("/types", CustomerType);
        var customer = (await api.CreateAsync("/customers", """{"key":"jane","email":"jane@example.com","password":"x"}"""))["customer"]!;
        var path = $"/customers/{customer["id"]}";

        (await api.GetAsync("/customers/key=jane")).Object["email"]!.GetValue<string>().ShouldBe("jane@example.com");
        ((int)(await api.GetAsync("/customers?where=" + Uri.EscapeDataString("email = \"jane@example.com\""))).Object["count"]!).ShouldBe(1);

        var updated = await api.UpdateAsync(path, 1,
            """{"action":"setFirstName","firstName":"Janet"}""",
            """{"action":"setLastName","lastName":"Doe"}""",
            """{"action":"setCustomType","type":{"key":"paypal-customer-type"}}""",
            """{"action":"setCustomField","name":"PayPalUserId","value":"U-1"}""",
            """{"action":"addAddress","address":{"key":"home","country":"US","city":"Austin"}}""",
            """{"action":"setDefaultBillingAddress","addressKey":"home"}""");
        ((long)updated["version"]!).ShouldBe(7);
        ((string?)updated["firstName"]).ShouldBe("Janet");
        ((string?)updated["custom"]!["fields"]!["PayPalUserId"]).ShouldBe("U-1");
        ((string?)updated["defaultBillingAddressId"]).ShouldBe((string?)updated["addresses"]![0]!["id"]);
        (await api.TryUpdateAsync(path, 7, """{"action":"setCustomField","name":"PayPalUserId","value":1}""")).ShouldBeError(HttpStatusCode.BadRequest, "InvalidField");
    }

    [Fact]
    public async Task Customer_extensions_fire_on_create_and_update()
    {
        await using var host = await EmulatorHost.StartAsync();
        var api = await host.AdminAsync();
        await api.CreateAsync("/types", CustomerType);
        await api.CreateAsync("/extensions", Drafts.Extension("https://connector.example/customer", "custom(fields(getUserIDTokenRequest is defined))",
            key: "paypal-customer-extension", resourceTypeId: "customer", timeoutInMs: 2000));
        host.Extensions.Responder = (_, _) => Task.FromResult(StubHttpHandler.Json(HttpStatusCode.OK,
            """{"actions":[{"action":"setCustomField","name":"PayPalUserId","value":"U-9"}]}"""));

        var created = (await api.CreateAsync("/customers",
            """{"email":"a@example.com","password":"x","custom":{"type":{"key":"paypal-customer-type"},"fields":{"getUserIDTokenRequest":"{}"}}}"""))["customer"]!;

        ((long)created["version"]!).ShouldBe(2);
        ((string?)created["custom"]!["fields"]!["PayPalUserId"]).ShouldBe("U-9");
        var call = JsonNode.Parse(host.Extensions.Requests.ShouldHaveSingleItem().Body)!;
        ((string?)call["resource"]!["typeId"]).ShouldBe("customer");
        ((string?)call["action"]).ShouldBe("Create");
    }

    [Fact]
    public async Task Password_flow_issues_a_customer_token_with_refresh_token()
    {
        await using var host = await EmulatorHost.StartAsync();
        var api = await host.AdminAsync();
        var customer = (await api.CreateAsync("/customers", """{"email":"jane@example.com","password":"secret123"}"""))["customer"]!;

        var token = await host.PasswordTokenAsync("jane@example.com", "secret123", "manage_my_payments:paypal-sandbox");

        ((string?)token["scope"]).ShouldBe($"manage_my_payments:paypal-sandbox customer_id:{customer["id"]}");
        ((string?)token["refresh_token"]).ShouldNotBeNullOrEmpty();
        ((long)token["expires_in"]!).ShouldBe(172800);

        var (status, refreshed) = await host.PostAsync("/oauth/token", new() { ["grant_type"] = "refresh_token", ["refresh_token"] = (string)token["refresh_token"]! });
        status.ShouldBe(HttpStatusCode.OK);
        ((string?)refreshed["scope"]).ShouldBe((string?)token["scope"]);
        refreshed.ContainsKey("refresh_token").ShouldBeFalse();

        var (badStatus, bad) = await host.PostAsync("/oauth/token", new() { ["grant_type"] = "refresh_token", ["refresh_token"] = "nope" });
        badStatus.ShouldBe(HttpStatusCode.BadRequest);
        ((string?)bad["error"]).ShouldBe("invalid_grant");
    }

    [Fact]
    public async Task Wrong_customer_credentials_give_invalid_customer_account_credentials()
    {
        await using var host = await EmulatorHost.StartAsync();
        var api = await host.AdminAsync();
        await api.CreateAsync("/customers", """{"email":"jane@example.com","password":"secret123"}""");

        var (status, body) = await host.PostAsync("/oauth/paypal-sandbox/customers/token",
            new() { ["grant_type"] = "password", ["username"] = "jane@example.com", ["password"] = "wrong" });

        status.ShouldBe(HttpStatusCode.BadRequest);
        ((string?)body["error"]).ShouldBe("invalid_customer_account_credentials");
        ((string?)body["message"]).ShouldBe("Customer account with the given credentials not found.");
    }

    [Fact]
    public async Task Anonymous_sessions_get_an_anonymous_id_scope_and_refresh_token()
    {
        await using var host = await EmulatorHost.StartAsync();

        var given = await host.AnonymousTokenAsync("anon-42", "manage_my_payments:paypal-sandbox");
        ((string?)given["scope"]).ShouldBe("manage_my_payments:paypal-sandbox anonymous_id:anon-42");
        ((string?)given["refresh_token"]).ShouldNotBeNullOrEmpty();

        var generated = await host.AnonymousTokenAsync();
        ((string?)generated["scope"])!.ShouldContain("anonymous_id:");
    }

    [Fact]
    public async Task Anonymous_tokens_need_create_anonymous_token()
    {
        await using var host = await EmulatorHost.StartAsync(new()
        {
            ["Emulator:Clients:0:ClientId"] = "limited",
            ["Emulator:Clients:0:ClientSecret"] = "s",
            ["Emulator:Clients:0:Scopes"] = "manage_payments:paypal-sandbox",
        });
        var (status, body) = await host.PostAsync("/oauth/paypal-sandbox/anonymous/token", new() { ["grant_type"] = "client_credentials" }, "limited", "s");
        status.ShouldBe(HttpStatusCode.BadRequest);
        ((string?)body["error"]).ShouldBe("invalid_scope");
    }

    [Fact]
    public async Task Introspection_reports_active_tokens_and_inactive_unknown_ones()
    {
        await using var host = await EmulatorHost.StartAsync();
        var token = await host.TokenAsync();

        var (_, active) = await host.PostAsync("/oauth/introspect", new() { ["token"] = token });
        ((bool)active["active"]!).ShouldBeTrue();
        ((string?)active["scope"]).ShouldBe("manage_project:paypal-sandbox");
        ((string?)active["client_id"]).ShouldBe("sandbox-admin");
        ((long)active["exp"]!).ShouldBeGreaterThan(host.Time.GetUtcNow().AddSeconds(172700).ToUnixTimeMilliseconds());

        var (_, inactive) = await host.PostAsync("/oauth/introspect", new() { ["token"] = "unknown" });
        ((bool)inactive["active"]!).ShouldBeFalse();
        inactive.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Login_and_password_change_work_with_hashed_passwords()
    {
        await using var host = await EmulatorHost.StartAsync();
        var api = await host.AdminAsync();
        var customer = (await api.CreateAsync("/customers", """{"email":"jane@example.com","password":"old"}"""))["customer"]!;

        (await api.PostAsync("/login", """{"email":"jane@example.com","password":"old"}""")).Status.ShouldBe(HttpStatusCode.OK);
        (await api.PostAsync("/login", """{"email":"jane@example.com","password":"bad"}""")).ShouldBeError(HttpStatusCode.BadRequest, "InvalidCredentials");
        var changed = await api.PostAsync("/customers/password", $$"""{"id":"{{customer["id"]}}","version":1,"currentPassword":"old","newPassword":"new"}""");
        changed.Status.ShouldBe(HttpStatusCode.OK, changed.Text);
        (await api.PostAsync("/login", """{"email":"jane@example.com","password":"new"}""")).Status.ShouldBe(HttpStatusCode.OK);
    }
}
