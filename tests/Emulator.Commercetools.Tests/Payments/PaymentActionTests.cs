using System.Net;
using System.Text.Json.Nodes;
using Emulator.Commercetools.Tests.Infrastructure;

namespace Emulator.Commercetools.Tests.Payments;

public sealed class PaymentActionTests
{
    private const string InfoType = """
        {"key":"pmi","name":{"en":"pmi"},"resourceTypeIds":["payment-method-info","transaction"],
         "fieldDefinitions":[{"name":"note","label":{"en":"n"},"required":false,"type":{"name":"String"}},
                             {"name":"amount","label":{"en":"a"},"required":false,"type":{"name":"Money"}},
                             {"name":"kind","label":{"en":"k"},"required":false,"type":{"name":"Enum","values":[{"key":"a","label":"A"}]}},
                             {"name":"tags","label":{"en":"t"},"required":false,"type":{"name":"Set","elementType":{"name":"String"}}}]}
        """;

    [Fact]
    public async Task Method_info_and_transaction_level_actions_work_and_emit_messages()
    {
        await using var host = await EmulatorHost.StartAsync();
        var api = await host.AdminAsync();
        await api.CreateAsync("/types", InfoType);
        var customer = (await api.CreateAsync("/customers", """{"email":"c@example.com","password":"x"}"""))["customer"]!;
        var payment = await api.CreateAsync("/payments", """{"amountPlanned":{"currencyCode":"EUR","centAmount":100}}""");
        var path = $"/payments/{payment["id"]}";
        var withTransaction = await api.UpdateAsync(path, 1, Drafts.Charge(100));
        var transactionId = (string)withTransaction["transactions"]![0]!["id"]!;

        var updated = await api.UpdateAsync(path, 2,
            """{"action":"setMethodInfoToken","token":{"value":"tok-abcdef"}}""",
            """{"action":"setMethodInfoInterfaceAccount","interfaceAccount":"acct-1"}""",
            """{"action":"setMethodInfoCustomType","type":{"key":"pmi"},"fields":{"note":"hi"}}""",
            """{"action":"setMethodInfoCustomField","name":"amount","value":{"currencyCode":"JPY","centAmount":500}}""",
            $$$"""{"action":"setTransactionCustomType","transactionId":"{{{transactionId}}}","type":{"key":"pmi"}}""",
            $$$"""{"action":"setTransactionCustomField","transactionId":"{{{transactionId}}}","name":"tags","value":["x","y","x"]}""",
            $$$"""{"action":"setTransactionInterfaceId","transactionId":"{{{transactionId}}}","interfaceId":"CAPTURE-1"}""",
            $$$"""{"action":"setCustomer","customer":{"typeId":"customer","id":"{{{customer["id"]}}}"}}""",
            """{"action":"transitionState","state":{"typeId":"state","id":"paid-state"}}""");

        ((long)updated["version"]!).ShouldBe(11);
        var info = updated["paymentMethodInfo"]!;
        ((string?)info["token"]!["value"]).ShouldBe("tok-abcdef");
        ((string?)info["interfaceAccount"]).ShouldBe("acct-1");
        ((string?)info["custom"]!["fields"]!["note"]).ShouldBe("hi");
        ((int)info["custom"]!["fields"]!["amount"]!["fractionDigits"]!).ShouldBe(0);
        var transaction = updated["transactions"]![0]!;
        transaction["custom"]!["fields"]!["tags"]!.AsArray().Select(t => (string?)t).ShouldBe(["x", "y"]);
        ((string?)transaction["interfaceId"]).ShouldBe("CAPTURE-1");
        ((string?)updated["customer"]!["id"]).ShouldBe((string)customer["id"]!);
        ((string?)updated["paymentStatus"]!["state"]!["id"]).ShouldBe("paid-state");

        (await api.TryUpdateAsync(path, 11, """{"action":"setAnonymousId","anonymousId":"a"}""")).ShouldBeError(HttpStatusCode.BadRequest, "InvalidOperation");
        (await api.TryUpdateAsync(path, 11, """{"action":"setMethodInfoCustomField","name":"kind","value":"zzz"}""")).ShouldBeError(HttpStatusCode.BadRequest, "InvalidField");
        (await api.TryUpdateAsync(path, 11, """{"action":"setTransactionCustomField","transactionId":"nope","name":"note","value":"x"}""")).ShouldBeError(HttpStatusCode.BadRequest, "InvalidOperation");

        var messages = (await api.GetAsync($"/messages?where={Uri.EscapeDataString($"resource(id=\"{payment["id"]}\")")}&limit=50")).Object["results"]!.AsArray();
        var types = messages.Select(m => (string?)m!["type"]).ToList();
        types.ShouldContain("PaymentMethodInfoTokenSet");
        types.ShouldContain("PaymentMethodInfoInterfaceAccountSet");
        types.ShouldContain("PaymentMethodInfoCustomTypeSet");
        types.ShouldContain("PaymentMethodInfoCustomFieldAdded");
        types.ShouldContain("PaymentTransactionInterfaceIdSet");
        types.ShouldContain("PaymentStatusStateTransition");
        var tokenSet = messages.First(m => (string?)m!["type"] == "PaymentMethodInfoTokenSet")!;
        ((string?)tokenSet["token"]!["value"]).ShouldBe("******cdef");
    }

    [Fact]
    public async Task Bulk_set_method_info_touches_only_given_fields()
    {
        await using var host = await EmulatorHost.StartAsync();
        var api = await host.AdminAsync();
        var payment = await api.CreateAsync("/payments", Drafts.Payment());
        var updated = await api.UpdateAsync($"/payments/{payment["id"]}", 1, """{"action":"setMethodInfo","method":"card","name":{"en":"Card"}}""");

        ((long)updated["version"]!).ShouldBe(2);
        ((string?)updated["paymentMethodInfo"]!["paymentInterface"]).ShouldBe("PayPal");
        ((string?)updated["paymentMethodInfo"]!["method"]).ShouldBe("card");
    }

    [Fact]
    public async Task Payments_can_be_deleted_by_key_with_their_version()
    {
        await using var host = await EmulatorHost.StartAsync();
        var api = await host.AdminAsync();
        await api.CreateAsync("/payments", Drafts.Payment(key: "to-delete"));
        (await api.DeleteAsync("/payments/key=to-delete")).ShouldBeError(HttpStatusCode.BadRequest, "InvalidInput");
        var deleted = await api.DeleteAsync("/payments/key=to-delete?version=1");
        deleted.Status.ShouldBe(HttpStatusCode.OK);
        ((string?)deleted.Object["key"]).ShouldBe("to-delete");
        (await api.GetAsync("/payments/key=to-delete")).Status.ShouldBe(HttpStatusCode.NotFound);
        _ = JsonNode.Parse("{}");
    }
}
