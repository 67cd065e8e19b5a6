using System.Net;
using Emulator.Commercetools.Tests.Infrastructure;

namespace Emulator.Commercetools.Tests.Messages;

public sealed class MessageTests
{
    [Fact]
    public async Task Payment_writes_produce_messages_with_sequence_numbers_and_masked_tokens()
    {
        await using var host = await EmulatorHost.StartAsync();
        var api = await host.AdminAsync();
        var payment = await api.CreateAsync("/payments", """
            {"key":"p1","amountPlanned":{"currencyCode":"EUR","centAmount":100},"paymentMethodInfo":{"paymentInterface":"PayPal","token":{"value":"secret-token-1234"}}}
            """);
        var path = $"/payments/{payment["id"]}";
        await api.UpdateAsync(path, 1, Drafts.Charge(100), """{"action":"setStatusInterfaceCode","interfaceCode":"OK"}""");

        var page = (await api.GetAsync($"/messages?where={Uri.EscapeDataString($"resource(id = \"{payment["id"]}\")")}&sort=sequenceNumber%20asc")).Object;

        var messages = page["results"]!.AsArray();
        messages.Select(m => (string?)m!["type"]).ShouldBe(["PaymentCreated", "PaymentTransactionAdded", "PaymentStatusInterfaceCodeSet"]);
        messages.Select(m => (long)m!["sequenceNumber"]!).ShouldBe([1L, 2L, 3L]);
        messages.Select(m => (long)m!["resourceVersion"]!).ShouldBe([1L, 2L, 3L]);
        ((string?)messages[0]!["resourceUserProvidedIdentifiers"]!["key"]).ShouldBe("p1");
        ((string?)messages[0]!["payment"]!["paymentMethodInfo"]!["token"]!["value"]).ShouldBe("*************1234");
        ((string?)messages[1]!["transaction"]!["type"]).ShouldBe("Charge");
        ((string?)messages[2]!["interfaceCode"]).ShouldBe("OK");

        // The API itself returns the token in clear.
        ((string?)(await api.GetAsync(path)).Object["paymentMethodInfo"]!["token"]!["value"]).ShouldBe("secret-token-1234");
        (await api.GetAsync($"/messages/{messages[0]!["id"]}")).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Messages_need_view_messages()
    {
        await using var host = await EmulatorHost.StartAsync();
        var api = await host.AdminAsync("manage_payments:paypal-sandbox");
        (await api.GetAsync("/messages")).ShouldBeError(HttpStatusCode.Forbidden, "insufficient_scope");
        var viewer = await host.AdminAsync("view_messages:paypal-sandbox");
        (await viewer.GetAsync("/messages")).Status.ShouldBe(HttpStatusCode.OK);
    }
}
