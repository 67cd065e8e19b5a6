using System.Text.Json;
using System.Text.Json.Nodes;
using Connector.Commercetools;
using Connector.Commercetools.Models;
using Connector.Domain.Contract;

namespace Connector.Deploy;

/// <summary>
/// <c>bind-vaults</c>: adopts the <c>PayPalUserId</c> values written before vault bindings existed (by the TypeScript
/// connector or an earlier version) as bindings, so their owners keep their saved payment methods. Run once with the
/// merchant's credentials when switching over; idempotent, and an existing binding is never changed.
/// </summary>
public sealed class VaultBindingMigration(CommercetoolsClient commercetools)
{
    private const int PageSize = 100;

    /// <summary>Binds every customer with a <c>PayPalUserId</c> and no binding. Returns (customers seen, bindings created).</summary>
    public async Task<(int Seen, int Bound)> RunAsync(CancellationToken cancellationToken)
    {
        int seen = 0, bound = 0;
        string? after = null;
        while (true)
        {
            var where = $"custom(fields({ConnectorContract.PayPalUserIdField} is defined))"
                + (after is null ? "" : $" and id > \"{CommercetoolsClient.EscapePredicateString(after)}\"");
            var page = await commercetools.QueryCustomersAsync(where, PageSize, cancellationToken, sort: "id asc");
            foreach (var customer in page.Results)
            {
                seen++;
                if (customer.Custom?.GetString(ConnectorContract.PayPalUserIdField) is { Length: > 0 } payPalUserId
                    && await BindAsync(customer.Id, payPalUserId, cancellationToken))
                {
                    bound++;
                }
            }

            if (page.Results.Count < PageSize)
            {
                return (seen, bound);
            }

            after = page.Results[^1].Id;
        }
    }

    private async Task<bool> BindAsync(string customerId, string payPalUserId, CancellationToken cancellationToken)
    {
        if (await commercetools.GetCustomObjectAsync(ConnectorContract.VaultBindingContainer, customerId, cancellationToken) is not null)
        {
            return false;
        }

        using var value = JsonDocument.Parse(new JsonObject { [ConnectorContract.VaultBindingProperty] = payPalUserId }.ToJsonString());
        try
        {
            await commercetools.UpsertCustomObjectAsync(new CustomObjectDraft
            {
                Container = ConnectorContract.VaultBindingContainer,
                Key = customerId,
                Value = value.RootElement.Clone(),
                Version = 0,
            }, cancellationToken);
            return true;
        }
        catch (ConcurrentModificationException)
        {
            // The connector bound it meanwhile: that binding stands.
            return false;
        }
    }
}
