using System.Net;
using System.Text.Json.Nodes;
using Emulator.Commercetools.Tests.Infrastructure;

namespace Emulator.Commercetools.Tests.MyPayments;

public sealed class MyPaymentTests
{
    private const string Scope = "manage_my_payments:paypal-sandbox";

    private const string Draft = """
        {"amountPlanned":{"currencyCode":"USD","centAmount":1000},
         "paymentMethodInfo":{"paymentInterface":"STRIPE","method":"CREDIT_CARD","name":{"en":"Credit Card"},"token":{"value":"tok_visa_4242"}}}
        """;

    private static async Task<(Api Admin, Api Customer, string CustomerId)> CustomerAsync(EmulatorHost host, string email = "jane@example.com")
    {
        var admin = await host.AdminAsync();
        var customer = (await admin.CreateAsync("/customers", $$"""{"email":"{{email}}","password":"pw"}"""))["customer"]!;
        var token = await host.PasswordTokenAsync(email, "pw", Scope);
        return (admin, host.WithToken((string)token["access_token"]!), (string)customer["id"]!);
    }

    [Fact]
    public async Task A_customer_creates_a_restricted_my_payment_owned_by_them()
    {
        await using var host = await EmulatorHost.StartAsync();
        var (admin, me, customerId) = await CustomerAsync(host);

        var created = await me.PostAsync("/me/payments", Draft);

        created.Status.ShouldBe(HttpStatusCode.Created, created.Text);
        var payment = created.Object;
        ((string?)payment["customer"]!["id"]).ShouldBe(customerId);
        ((string?)payment["paymentMethodInfo"]!["token"]!["value"]).ShouldBe("*********4242");
        payment.Select(p => p.Key).ShouldBe(["id", "version", "customer", "amountPlanned", "paymentMethodInfo", "transactions"], ignoreOrder: true);
        var full = (await admin.GetAsync($"/payments/{payment["id"]}")).Object;
        ((string?)full["paymentMethodInfo"]!["token"]!["value"]).ShouldBe("tok_visa_4242");
        ((string?)full["createdBy"]!["customer"]!["id"]).ShouldBe(customerId);
    }

    [Fact]
    public async Task Draft_transactions_are_authorization_or_charge_and_start_initial()
    {
        await using var host = await EmulatorHost.StartAsync();
        var (_, me, _) = await CustomerAsync(host);

        var created = await me.CreateAsync("/me/payments", """
            {"amountPlanned":{"currencyCode":"USD","centAmount":1000},"transaction":{"type":"Charge","amount":{"currencyCode":"USD","centAmount":1000},"timestamp":"2015-10-20T08:54:24.000Z"}}
            """);
        ((string?)created["transactions"]![0]!["state"]).ShouldBe("Initial");
        ((string?)created["transactions"]![0]!["type"]).ShouldBe("Charge");

        (await me.PostAsync("/me/payments", """
            {"amountPlanned":{"currencyCode":"USD","centAmount":1000},"transaction":{"type":"Refund","amount":{"currencyCode":"USD","centAmount":1000}}}
            """)).ShouldBeError(HttpStatusCode.BadRequest, "InvalidField");
    }

    [Fact]
    public async Task Updates_are_limited_and_frozen_once_a_transaction_exists()
    {
        await using var host = await EmulatorHost.StartAsync();
        var (_, me, _) = await CustomerAsync(host);
        var payment = await me.CreateAsync("/me/payments", Draft);
        var path = $"/me/payments/{payment["id"]}";

        (await me.TryUpdateAsync(path, 1, """{"action":"setKey","key":"nope"}""")).ShouldBeError(HttpStatusCode.BadRequest, "InvalidJsonInput");
        (await me.TryUpdateAsync(path, 1, """{"action":"setStatusInterfaceCode","interfaceCode":"x"}""")).ShouldBeError(HttpStatusCode.BadRequest, "InvalidJsonInput");

        var updated = await me.UpdateAsync(path, 1,
            """{"action":"changeAmountPlanned","amount":{"currencyCode":"USD","centAmount":4000}}""",
            """{"action":"setMethodInfoMethod","method":"PAYPAL"}""",
            """{"action":"addTransaction","transaction":{"type":"Authorization","amount":{"currencyCode":"USD","centAmount":4000},"state":"Success"}}""");
        ((long)updated["version"]!).ShouldBe(4);
        ((string?)updated["transactions"]![0]!["state"]).ShouldBe("Initial");

        (await me.TryUpdateAsync(path, 4, """{"action":"setMethodInfoMethod","method":"CARD"}""")).ShouldBeError(HttpStatusCode.BadRequest, "InvalidOperation");
        (await me.DeleteAsync($"{path}?version=4")).ShouldBeError(HttpStatusCode.BadRequest, "InvalidOperation");
    }

    [Fact]
    public async Task Payments_without_transactions_can_be_deleted()
    {
        await using var host = await EmulatorHost.StartAsync();
        var (_, me, _) = await CustomerAsync(host);
        var payment = await me.CreateAsync("/me/payments", Draft);
        (await me.DeleteAsync($"/me/payments/{payment["id"]}?version=1")).Status.ShouldBe(HttpStatusCode.OK);
        (await me.GetAsync($"/me/payments/{payment["id"]}")).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Other_owners_payments_are_invisible()
    {
        await using var host = await EmulatorHost.StartAsync();
        var (admin, jane, _) = await CustomerAsync(host);
        var (_, john, _) = await CustomerAsync(host, "john@example.com");
        var janes = await jane.CreateAsync("/me/payments", Draft);
        await admin.CreateAsync("/payments", Drafts.Payment());

        (await john.GetAsync($"/me/payments/{janes["id"]}")).ShouldBeError(HttpStatusCode.NotFound, "ResourceNotFound");
        (await john.TryUpdateAsync($"/me/payments/{janes["id"]}", 1, """{"action":"setMethodInfoMethod","method":"x"}""")).Status.ShouldBe(HttpStatusCode.NotFound);
        ((int)(await john.GetAsync("/me/payments")).Object["total"]!).ShouldBe(0);
        var mine = (await jane.GetAsync("/me/payments?where=" + Uri.EscapeDataString("amountPlanned(centAmount = 1000)"))).Object;
        ((int)mine["total"]!).ShouldBe(1);
        (await jane.HeadAsync($"/me/payments/{janes["id"]}")).Status.ShouldBe(HttpStatusCode.OK);
        (await jane.GetAsync("/me/payments/key=x")).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Anonymous_sessions_own_their_payments_by_anonymous_id()
    {
        await using var host = await EmulatorHost.StartAsync();
        var token = await host.AnonymousTokenAsync("anon-7", Scope);
        var me = host.WithToken((string)token["access_token"]!);

        var payment = await me.CreateAsync("/me/payments", Draft);

        ((string?)payment["anonymousId"]).ShouldBe("anon-7");
        payment.ContainsKey("customer").ShouldBeFalse();
        ((int)(await me.GetAsync("/me/payments")).Object["count"]!).ShouldBe(1);
    }

    [Fact]
    public async Task My_payments_need_an_identity_and_the_scope()
    {
        await using var host = await EmulatorHost.StartAsync();
        var admin = await host.AdminAsync();
        (await admin.GetAsync("/me/payments")).ShouldBeError(HttpStatusCode.Forbidden, "insufficient_scope");

        await admin.CreateAsync("/customers", """{"email":"jane@example.com","password":"pw"}""");
        var token = await host.PasswordTokenAsync("jane@example.com", "pw", "view_payments:paypal-sandbox");
        (await host.WithToken((string)token["access_token"]!).GetAsync("/me/payments")).ShouldBeError(HttpStatusCode.Forbidden, "insufficient_scope");
    }

    [Fact]
    public async Task Payment_extensions_fire_for_my_payments_and_their_actions_may_go_beyond_the_my_payments_subset()
    {
        await using var host = await EmulatorHost.StartAsync();
        var (admin, me, _) = await CustomerAsync(host);
        await admin.CreateAsync("/extensions", Drafts.Extension("https://connector.example/ext", actions: "\"Create\""));
        host.Extensions.Responder = (_, _) => Task.FromResult(StubHttpHandler.Json(HttpStatusCode.OK,
            """{"actions":[{"action":"setStatusInterfaceCode","interfaceCode":"AUTHORIZED"},{"action":"setKey","key":"from-extension"}]}"""));

        var payment = await me.CreateAsync("/me/payments", Draft);

        ((long)payment["version"]!).ShouldBe(3);
        payment.ContainsKey("key").ShouldBeFalse();
        var full = (await admin.GetAsync($"/payments/{payment["id"]}")).Object;
        ((string?)full["key"]).ShouldBe("from-extension");
        var call = JsonNode.Parse(host.Extensions.Requests.ShouldHaveSingleItem().Body)!;
        ((string?)call["resource"]!["obj"]!["paymentMethodInfo"]!["token"]!["value"]).ShouldBe("tok_visa_4242");
    }
    [Fact]
    public async Task A_my_payment_draft_cannot_set_fields_the_payment_service_provider_owns()
    {
        await using var host = await EmulatorHost.StartAsync();
        var (admin, me, customerId) = await CustomerAsync(host);
        var other = (await admin.CreateAsync("/customers", """{"email":"other@example.com","password":"pw"}"""))["customer"]!;
        await admin.CreateAsync("/types", Drafts.InteractionType);

        var created = await me.CreateAsync("/me/payments", $$$"""
            {"amountPlanned":{"currencyCode":"USD","centAmount":1000},
             "paymentMethodInfo":{"paymentInterface":"PayPal","method":"paypal"},
             "interfaceId":"ORDER-FORGED","key":"forged-key","externalId":"forged",
             "customer":{"typeId":"customer","id":"{{{other["id"]}}}"},"anonymousId":"forged-anon",
             "paymentStatus":{"interfaceCode":"COMPLETED","interfaceText":"paid"},
             "interfaceInteractions":[{"type":{"key":"paypal-interaction","typeId":"type"},"fields":{"type":"forged"}}],
             "transaction":{"type":"Charge","amount":{"currencyCode":"USD","centAmount":1000},"state":"Success","interfaceId":"CAPTURE-FORGED"}}
            """);

        var full = (await admin.GetAsync($"/payments/{created["id"]}")).Object;
        full.ContainsKey("interfaceId").ShouldBeFalse();
        full.ContainsKey("key").ShouldBeFalse();
        full.ContainsKey("externalId").ShouldBeFalse();
        full.ContainsKey("anonymousId").ShouldBeFalse();
        ((string?)full["customer"]!["id"]).ShouldBe(customerId);
        full["paymentStatus"]!.AsObject().Count.ShouldBe(0);
        (full["interfaceInteractions"]?.AsArray() ?? []).ShouldBeEmpty();
        var transaction = full["transactions"]!.AsArray().ShouldHaveSingleItem()!;
        ((string?)transaction["state"]).ShouldBe("Initial");
        transaction.AsObject().ContainsKey("interfaceId").ShouldBeFalse();
    }

    [Theory]
    [InlineData("""{"action":"setInterfaceId","interfaceId":"ORDER-FORGED"}""")]
    [InlineData("""{"action":"setKey","key":"forged"}""")]
    [InlineData("""{"action":"setCustomer","customer":{"typeId":"customer","key":"x"}}""")]
    [InlineData("""{"action":"setAnonymousId","anonymousId":"forged"}""")]
    [InlineData("""{"action":"setExternalId","externalId":"forged"}""")]
    [InlineData("""{"action":"addInterfaceInteraction","type":{"key":"paypal-interaction","typeId":"type"},"fields":{"type":"forged"}}""")]
    [InlineData("""{"action":"setStatusInterfaceCode","interfaceCode":"COMPLETED"}""")]
    [InlineData("""{"action":"setStatusInterfaceText","interfaceText":"paid"}""")]
    [InlineData("""{"action":"transitionState","state":{"typeId":"state","id":"paid"}}""")]
    [InlineData("""{"action":"setAmountPaid","amount":{"currencyCode":"USD","centAmount":1000}}""")]
    public async Task A_shopper_token_cannot_update_what_the_payment_service_provider_owns_and_nothing_changes(string action)
    {
        await using var host = await EmulatorHost.StartAsync();
        var (admin, me, _) = await CustomerAsync(host);
        await admin.CreateAsync("/types", Drafts.InteractionType);
        var payment = await me.CreateAsync("/me/payments", Draft);
        var path = $"/me/payments/{payment["id"]}";

        var response = await me.TryUpdateAsync(path, 1, """{"action":"setMethodInfoMethod","method":"PAYPAL"}""", action);

        response.ShouldBeError(HttpStatusCode.BadRequest, "InvalidJsonInput");
        ((string?)response.Object["errors"]![0]!["detailedErrorMessage"]).ShouldStartWith("actions -> action: Unknown action");
        var full = (await admin.GetAsync($"/payments/{payment["id"]}")).Object;
        ((long)full["version"]!).ShouldBe(1);
        ((string?)full["paymentMethodInfo"]!["method"]).ShouldBe("CREDIT_CARD");
        full.ContainsKey("interfaceId").ShouldBeFalse();
        full.ContainsKey("key").ShouldBeFalse();
        full["paymentStatus"]!.AsObject().Count.ShouldBe(0);
    }

    [Fact]
    public async Task A_transaction_added_by_a_shopper_has_no_interface_id_and_starts_initial()
    {
        await using var host = await EmulatorHost.StartAsync();
        var (admin, me, _) = await CustomerAsync(host);
        var payment = await me.CreateAsync("/me/payments", Draft);

        await me.UpdateAsync($"/me/payments/{payment["id"]}", 1,
            """{"action":"addTransaction","transaction":{"type":"Charge","amount":{"currencyCode":"USD","centAmount":1000},"state":"Success","interfaceId":"CAPTURE-FORGED"}}""");

        var transaction = (await admin.GetAsync($"/payments/{payment["id"]}")).Object["transactions"]!.AsArray().ShouldHaveSingleItem()!;
        ((string?)transaction["state"]).ShouldBe("Initial");
        transaction.AsObject().ContainsKey("interfaceId").ShouldBeFalse();
    }
}
