using System.Net;
using System.Text.Json.Nodes;
using Emulator.Commercetools.Tests.Infrastructure;

namespace Emulator.Commercetools.Tests.Payments;

public sealed class PaymentTests
{
    [Theory]
    [InlineData("EUR", 2)]
    [InlineData("JPY", 0)]
    [InlineData("KWD", 3)]
    [InlineData("BHD", 3)]
    [InlineData("USD", 2)]
    public async Task Create_returns_201_with_cent_precision_money(string currency, int fractionDigits)
    {
        await using var host = await EmulatorHost.StartAsync();
        var api = await host.AdminAsync();

        var payment = await api.CreateAsync("/payments", Drafts.Payment(12345, currency, key: "pay-1"));

        ((long)payment["version"]!).ShouldBe(1);
        ((string?)payment["key"]).ShouldBe("pay-1");
        var money = payment["amountPlanned"]!;
        ((string?)money["type"]).ShouldBe("centPrecision");
        ((string?)money["currencyCode"]).ShouldBe(currency);
        ((long)money["centAmount"]!).ShouldBe(12345);
        ((int)money["fractionDigits"]!).ShouldBe(fractionDigits);
        payment["transactions"]!.AsArray().ShouldBeEmpty();
        payment["paymentStatus"].ShouldBeOfType<JsonObject>();
        ((string?)payment["createdAt"])!.ShouldStartWith("2026-01-15T10:00:00.");
        payment.ToJsonString().ShouldNotContain("null");
    }

    [Fact]
    public async Task Payments_are_read_by_id_and_key_and_head()
    {
        await using var host = await EmulatorHost.StartAsync();
        var api = await host.AdminAsync();
        var payment = await api.CreateAsync("/payments", Drafts.Payment(key: "pay-1"));

        (await api.GetAsync($"/payments/{payment["id"]}")).Object["key"]!.GetValue<string>().ShouldBe("pay-1");
        (await api.GetAsync("/payments/key=pay-1")).Object["id"]!.GetValue<string>().ShouldBe((string)payment["id"]!);
        (await api.HeadAsync($"/payments/{payment["id"]}")).Status.ShouldBe(HttpStatusCode.OK);
        (await api.HeadAsync("/payments/key=nope")).Status.ShouldBe(HttpStatusCode.NotFound);
        var missing = await api.GetAsync("/payments/does-not-exist");
        missing.ShouldBeError(HttpStatusCode.NotFound, "ResourceNotFound");
        ((string?)missing.Object["message"]).ShouldBe("The Resource with ID 'does-not-exist' was not found.");
    }

    [Fact]
    public async Task Invalid_drafts_are_rejected_with_commercetools_errors()
    {
        await using var host = await EmulatorHost.StartAsync();
        var api = await host.AdminAsync();

        (await api.PostAsync("/payments", "{not json")).ShouldBeError(HttpStatusCode.BadRequest, "InvalidJsonInput");
        var missing = await api.PostAsync("/payments", "{}");
        missing.ShouldBeError(HttpStatusCode.BadRequest, "InvalidJsonInput");
        ((string?)missing.Object["message"]).ShouldBe("Request body does not contain valid JSON.");
        ((string?)missing.Object["errors"]![0]!["detailedErrorMessage"]).ShouldBe("amountPlanned: Missing required value");
        (await api.PostAsync("/payments", """{"amountPlanned":{"currencyCode":"XXX","centAmount":1}}""")).ShouldBeError(HttpStatusCode.BadRequest, "InvalidField");
        (await api.PostAsync("/payments", """{"amountPlanned":{"currencyCode":"EUR","centAmount":1.5}}""")).ShouldBeError(HttpStatusCode.BadRequest, "InvalidJsonInput");
        (await api.PostAsync("/payments", """{"key":"x","amountPlanned":{"currencyCode":"EUR","centAmount":1}}""")).ShouldBeError(HttpStatusCode.BadRequest, "InvalidField");
        (await api.PostAsync("/payments", """{"customer":{"typeId":"customer","id":"nope"},"amountPlanned":{"currencyCode":"EUR","centAmount":1}}"""))
            .ShouldBeError(HttpStatusCode.BadRequest, "ReferencedResourceNotFound");
    }

    [Fact]
    public async Task Update_actions_change_the_payment_and_bump_the_version_per_effective_action()
    {
        await using var host = await EmulatorHost.StartAsync();
        var api = await host.AdminAsync();
        await api.CreateAsync("/types", Drafts.PaymentType);
        await api.CreateAsync("/types", Drafts.InteractionType);
        var payment = await api.CreateAsync("/payments", Drafts.Payment());
        var path = $"/payments/{payment["id"]}";

        var updated = await api.UpdateAsync(path, 1,
            """{"action":"setCustomType","type":{"typeId":"type","key":"paypal-payment-type"},"fields":{"PayPalOrderId":"O-1"}}""",
            """{"action":"setCustomField","name":"createPayPalOrderRequest","value":"{\"a\":1}"}""",
            """{"action":"addTransaction","transaction":{"type":"Authorization","amount":{"currencyCode":"EUR","centAmount":1000},"interactionId":"auth-1","timestamp":"2026-01-15T10:00:00Z"}}""",
            """{"action":"addInterfaceInteraction","type":{"key":"paypal-interaction"},"fields":{"type":"createOrder","data":"{}","timestamp":"2026-01-15T10:00:00Z"}}""",
            """{"action":"setStatusInterfaceCode","interfaceCode":"CREATED"}""",
            """{"action":"setStatusInterfaceText","interfaceText":"created"}""",
            """{"action":"setInterfaceId","interfaceId":"O-1"}""",
            """{"action":"setMethodInfoMethod","method":"venmo"}""",
            """{"action":"setMethodInfoName","name":{"en":"PayPal"}}""",
            """{"action":"changeAmountPlanned","amount":{"currencyCode":"EUR","centAmount":2000}}""",
            """{"action":"setKey","key":"new-key"}""",
            """{"action":"setAnonymousId","anonymousId":"anon-1"}""");

        ((long)updated["version"]!).ShouldBe(13);
        ((string?)updated["custom"]!["fields"]!["PayPalOrderId"]).ShouldBe("O-1");
        ((string?)updated["custom"]!["fields"]!["createPayPalOrderRequest"]).ShouldBe("{\"a\":1}");
        var transaction = updated["transactions"]![0]!;
        ((string?)transaction["state"]).ShouldBe("Initial");
        ((string?)transaction["timestamp"]).ShouldBe("2026-01-15T10:00:00.000Z");
        ((string?)updated["interfaceInteractions"]![0]!["fields"]!["type"]).ShouldBe("createOrder");
        ((string?)updated["paymentStatus"]!["interfaceCode"]).ShouldBe("CREATED");
        ((string?)updated["interfaceId"]).ShouldBe("O-1");
        ((string?)updated["paymentMethodInfo"]!["method"]).ShouldBe("venmo");
        ((long)updated["amountPlanned"]!["centAmount"]!).ShouldBe(2000);
        ((string?)updated["key"]).ShouldBe("new-key");
        ((string?)updated["anonymousId"]).ShouldBe("anon-1");

        var transactionId = (string)transaction["id"]!;
        var again = await api.UpdateAsync(path, 13,
            $$"""{"action":"changeTransactionState","transactionId":"{{transactionId}}","state":"Success"}""",
            $$"""{"action":"changeTransactionInteractionId","transactionId":"{{transactionId}}","interactionId":"auth-2"}""",
            $$"""{"action":"changeTransactionTimestamp","transactionId":"{{transactionId}}","timestamp":"2026-01-16T00:00:00.000Z"}""",
            $$"""{"action":"setStatusInterfaceText","interfaceText":""}""",
            """{"action":"setMethodInfoMethod"}""");
        ((long)again["version"]!).ShouldBe(18);
        ((string?)again["transactions"]![0]!["state"]).ShouldBe("Success");
        ((string?)again["transactions"]![0]!["interactionId"]).ShouldBe("auth-2");
        again["paymentStatus"]!.AsObject().ContainsKey("interfaceText").ShouldBeFalse();
        again["paymentMethodInfo"]!.AsObject().ContainsKey("method").ShouldBeFalse();
    }

    [Fact]
    public async Task No_op_actions_do_not_bump_the_version()
    {
        await using var host = await EmulatorHost.StartAsync();
        var api = await host.AdminAsync();
        var payment = await api.CreateAsync("/payments", Drafts.Payment());
        var updated = await api.UpdateAsync($"/payments/{payment["id"]}", 1, """{"action":"changeAmountPlanned","amount":{"currencyCode":"EUR","centAmount":1000}}""");
        ((long)updated["version"]!).ShouldBe(1);
    }

    [Fact]
    public async Task Interface_id_and_payment_interface_cannot_change_once_set()
    {
        await using var host = await EmulatorHost.StartAsync();
        var api = await host.AdminAsync();
        var payment = await api.CreateAsync("/payments", Drafts.Payment());
        var path = $"/payments/{payment["id"]}";
        await api.UpdateAsync(path, 1, """{"action":"setInterfaceId","interfaceId":"A"}""");

        (await api.TryUpdateAsync(path, 2, """{"action":"setInterfaceId","interfaceId":"B"}""")).ShouldBeError(HttpStatusCode.BadRequest, "InvalidOperation");
        (await api.TryUpdateAsync(path, 2, """{"action":"setMethodInfoInterface","interface":"Stripe"}""")).ShouldBeError(HttpStatusCode.BadRequest, "InvalidOperation");
        ((long)(await api.UpdateAsync(path, 2, """{"action":"setInterfaceId","interfaceId":"A"}"""))["version"]!).ShouldBe(2);

        var other = await api.CreateAsync("/payments", Drafts.Payment());
        (await api.TryUpdateAsync($"/payments/{other["id"]}", 1, """{"action":"setInterfaceId","interfaceId":"A"}"""))
            .ShouldBeError(HttpStatusCode.BadRequest, "DuplicateField");
    }

    [Fact]
    public async Task Custom_field_values_are_validated_against_the_type()
    {
        await using var host = await EmulatorHost.StartAsync();
        var api = await host.AdminAsync();
        await api.CreateAsync("/types", Drafts.PaymentType);
        var payment = await api.CreateAsync("/payments", Drafts.Payment());
        var path = $"/payments/{payment["id"]}";

        (await api.TryUpdateAsync(path, 1, """{"action":"setCustomField","name":"PayPalOrderId","value":"x"}"""))
            .ShouldBeError(HttpStatusCode.BadRequest, "InvalidOperation");
        (await api.TryUpdateAsync(path, 1, """{"action":"setCustomType","type":{"key":"nope"}}"""))
            .ShouldBeError(HttpStatusCode.BadRequest, "ReferencedResourceNotFound");
        (await api.TryUpdateAsync(path, 1, """{"action":"setCustomType","type":{"key":"paypal-payment-type","id":"x"}}"""))
            .ShouldBeError(HttpStatusCode.BadRequest, "InvalidJsonInput");
        await api.UpdateAsync(path, 1, """{"action":"setCustomType","type":{"key":"paypal-payment-type"}}""");

        var wrongType = await api.TryUpdateAsync(path, 2, """{"action":"setCustomField","name":"PayPalOrderId","value":42}""");
        wrongType.ShouldBeError(HttpStatusCode.BadRequest, "InvalidField");
        ((string?)wrongType.Object["errors"]![0]!["field"]).ShouldBe("PayPalOrderId");
        (await api.TryUpdateAsync(path, 2, """{"action":"setCustomField","name":"unknownField","value":"x"}""")).ShouldBeError(HttpStatusCode.BadRequest, "InvalidField");
        (await api.TryUpdateAsync(path, 2, """{"action":"setCustomField","name":"attempts","value":"3"}""")).ShouldBeError(HttpStatusCode.BadRequest, "InvalidField");
        (await api.TryUpdateAsync(path, 2, """{"action":"setCustomField","name":"PayPalOrderId"}""")).ShouldBeError(HttpStatusCode.BadRequest, "InvalidOperation");
        var ok = await api.UpdateAsync(path, 2, """{"action":"setCustomField","name":"attempts","value":3}""");
        ((int)ok["custom"]!["fields"]!["attempts"]!).ShouldBe(3);
        var removed = await api.UpdateAsync(path, 3, """{"action":"setCustomField","name":"attempts","value":null}""");
        removed["custom"]!["fields"]!.AsObject().ContainsKey("attempts").ShouldBeFalse();
    }

    [Fact]
    public async Task Version_mismatch_gives_409_with_current_version_and_unknown_actions_400()
    {
        await using var host = await EmulatorHost.StartAsync();
        var api = await host.AdminAsync();
        var payment = await api.CreateAsync("/payments", Drafts.Payment());
        var path = $"/payments/{payment["id"]}";

        var conflict = await api.TryUpdateAsync(path, 7, """{"action":"setKey","key":"abc"}""");
        conflict.ShouldBeError(HttpStatusCode.Conflict, "ConcurrentModification");
        ((long)conflict.Object["errors"]![0]!["currentVersion"]!).ShouldBe(1);
        ((string?)conflict.Object["message"]).ShouldBe($"Object {payment["id"]} has a different version than expected. Expected: 7 - Actual: 1.");

        var unknown = await api.TryUpdateAsync(path, 1, """{"action":"fly"}""");
        unknown.ShouldBeError(HttpStatusCode.BadRequest, "InvalidJsonInput");
        ((string?)unknown.Object["errors"]![0]!["message"]).ShouldBe("Request body does not contain valid JSON.");
        ((string?)unknown.Object["errors"]![0]!["detailedErrorMessage"]).ShouldStartWith("actions -> action: Unknown action 'fly'");
        ((long)(await api.GetAsync(path)).Object["version"]!).ShouldBe(1);
        (await api.PostAsync(path, """{"actions":[]}""")).ShouldBeError(HttpStatusCode.BadRequest, "InvalidJsonInput");
        (await api.PostAsync(path, "[")).ShouldBeError(HttpStatusCode.BadRequest, "InvalidJsonInput");
    }

    [Fact]
    public async Task A_failing_action_leaves_the_payment_untouched()
    {
        await using var host = await EmulatorHost.StartAsync();
        var api = await host.AdminAsync();
        var payment = await api.CreateAsync("/payments", Drafts.Payment());
        var path = $"/payments/{payment["id"]}";

        (await api.TryUpdateAsync(path, 1, """{"action":"setKey","key":"abc"}""", """{"action":"changeTransactionState","transactionId":"nope","state":"Success"}"""))
            .ShouldBeError(HttpStatusCode.BadRequest, "InvalidOperation");

        var current = (await api.GetAsync(path)).Object;
        ((long)current["version"]!).ShouldBe(1);
        current.ContainsKey("key").ShouldBeFalse();
    }

    [Fact]
    public async Task Concurrent_updates_of_one_version_have_exactly_one_winner()
    {
        await using var host = await EmulatorHost.StartAsync();
        var api = await host.AdminAsync();
        var payment = await api.CreateAsync("/payments", Drafts.Payment());
        var path = $"/payments/{payment["id"]}";

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            api.TryUpdateAsync(path, 1, Drafts.Charge(i + 1))));

        responses.Count(r => r.Status == HttpStatusCode.OK).ShouldBe(1);
        responses.Count(r => r.Status == HttpStatusCode.Conflict).ShouldBe(19);
        var current = (await api.GetAsync(path)).Object;
        ((long)current["version"]!).ShouldBe(2);
        current["transactions"]!.AsArray().Count.ShouldBe(1);
    }

    [Fact]
    public async Task Retrying_concurrent_writers_lose_no_update()
    {
        await using var host = await EmulatorHost.StartAsync();
        var api = await host.AdminAsync();
        var payment = await api.CreateAsync("/payments", Drafts.Payment());
        var path = $"/payments/{payment["id"]}";

        await Task.WhenAll(Enumerable.Range(0, 10).Select(async i =>
        {
            while (true)
            {
                var version = (long)(await api.GetAsync(path)).Object["version"]!;
                var response = await api.TryUpdateAsync(path, version,
                    Drafts.Charge(i + 1));
                if (response.Status == HttpStatusCode.OK)
                {
                    return;
                }

                response.Status.ShouldBe(HttpStatusCode.Conflict);
            }
        }));

        var current = (await api.GetAsync(path)).Object;
        current["transactions"]!.AsArray().Count.ShouldBe(10);
        ((long)current["version"]!).ShouldBe(11);
    }

    [Fact]
    public async Task Query_supports_where_sort_limit_offset_and_with_total()
    {
        await using var host = await EmulatorHost.StartAsync();
        var api = await host.AdminAsync();
        for (var i = 1; i <= 5; i++)
        {
            await api.CreateAsync("/payments", Drafts.Payment(i * 100, key: $"p-{i}"));
        }

        var page = (await api.GetAsync("/payments?where=" + Uri.EscapeDataString("amountPlanned(centAmount >= 200)") + "&sort=amountPlanned.centAmount%20desc&limit=2&offset=1")).Object;
        ((int)page["limit"]!).ShouldBe(2);
        ((int)page["offset"]!).ShouldBe(1);
        ((int)page["count"]!).ShouldBe(2);
        ((int)page["total"]!).ShouldBe(4);
        page["results"]!.AsArray().Select(r => (string?)r!["key"]).ShouldBe(["p-4", "p-3"]);

        var noTotal = (await api.GetAsync("/payments?withTotal=false&where=key%20in%20:keys&var.keys=p-1&var.keys=p-5&sort=key%20asc")).Object;
        noTotal.ContainsKey("total").ShouldBeFalse();
        noTotal["results"]!.AsArray().Select(r => (string?)r!["key"]).ShouldBe(["p-1", "p-5"]);

        var both = (await api.GetAsync("/payments?where=key%3D%22p-1%22&where=amountPlanned(centAmount%3D100)")).Object;
        ((int)both["count"]!).ShouldBe(1);

        var bad = await api.GetAsync("/payments?where=" + Uri.EscapeDataString("key = "));
        bad.ShouldBeError(HttpStatusCode.BadRequest, "SyntaxError");
        (await api.GetAsync("/payments?limit=501")).ShouldBeError(HttpStatusCode.BadRequest, "InvalidInput");
    }
}
