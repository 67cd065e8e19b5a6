using System.Net;
using Emulator.Commercetools.Tests.Infrastructure;

namespace Emulator.Commercetools.Tests.Payments;

public sealed class StrictTransactionStateTests
{
    [Fact]
    public async Task Strict_mode_allows_only_forward_transaction_states()
    {
        await using var host = await EmulatorHost.StartAsync(new() { ["Emulator:StrictTransactionStates"] = "true" });
        var api = await host.AdminAsync();
        var payment = await api.CreateAsync("/payments", Drafts.Payment());
        var path = $"/payments/{payment["id"]}";
        var transactionId = (string)(await api.UpdateAsync(path, 1, Drafts.Charge(100)))["transactions"]![0]!["id"]!;
        string Change(string state) => $$$"""{"action":"changeTransactionState","transactionId":"{{{transactionId}}}","state":"{{{state}}}"}""";

        await api.UpdateAsync(path, 2, Change("Pending"));
        (await api.TryUpdateAsync(path, 3, Change("Initial"))).ShouldBeError(HttpStatusCode.BadRequest, "InvalidOperation");
        await api.UpdateAsync(path, 3, Change("Success"));
        (await api.TryUpdateAsync(path, 4, Change("Failure"))).ShouldBeError(HttpStatusCode.BadRequest, "InvalidOperation");
    }

    [Fact]
    public async Task By_default_any_transaction_state_change_is_accepted()
    {
        await using var host = await EmulatorHost.StartAsync();
        var api = await host.AdminAsync();
        var payment = await api.CreateAsync("/payments", Drafts.Payment());
        var path = $"/payments/{payment["id"]}";
        var transactionId = (string)(await api.UpdateAsync(path, 1, Drafts.Charge(100)))["transactions"]![0]!["id"]!;
        await api.UpdateAsync(path, 2, $$$"""{"action":"changeTransactionState","transactionId":"{{{transactionId}}}","state":"Success"}""");
        await api.UpdateAsync(path, 3, $$$"""{"action":"changeTransactionState","transactionId":"{{{transactionId}}}","state":"Initial"}""");
    }
}
