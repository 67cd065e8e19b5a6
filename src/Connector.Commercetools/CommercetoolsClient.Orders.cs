using System.Net.Http.Json;
using Connector.Commercetools.Models;

namespace Connector.Commercetools;

public sealed partial class CommercetoolsClient
{
    private static CommercetoolsOrdersJsonContext OrdersJson => CommercetoolsOrdersJsonContext.Default;

    /// <summary>GET /orders/{id}. Null when it does not exist.</summary>
    public Task<Order?> GetOrderAsync(string id, CancellationToken cancellationToken) =>
        GetOrNullAsync($"orders/{Uri.EscapeDataString(id)}", OrdersJson.Order, cancellationToken);

    /// <summary>The order that references this payment, if any (<c>paymentInfo(payments(id=...))</c>).</summary>
    public async Task<Order?> FindOrderByPaymentAsync(string paymentId, CancellationToken cancellationToken)
    {
        var where = $"paymentInfo(payments(id=\"{EscapePredicateString(paymentId)}\"))";
        var page = await SendAsync(HttpMethod.Get, $"orders?where={Uri.EscapeDataString(where)}&limit=1&withTotal=false", null,
            OrdersJson.PagedQueryResponseOrder, cancellationToken);
        return page.Results.FirstOrDefault();
    }

    /// <summary>GET /payments?where=id in (...): the payments with the given ids (one call).</summary>
    public async Task<List<Payment>> GetPaymentsByIdsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var where = $"id in ({string.Join(", ", ids.Select(id => $"\"{EscapePredicateString(id)}\""))})";
        var page = await QueryPaymentsAsync(where, Math.Min(ids.Count, 500), cancellationToken);
        return page.Results;
    }

    /// <summary>GET /subscriptions/key={key}. Null when absent.</summary>
    public Task<Subscription?> GetSubscriptionByKeyAsync(string key, CancellationToken cancellationToken) =>
        GetOrNullAsync($"subscriptions/key={Uri.EscapeDataString(key)}", OrdersJson.Subscription, cancellationToken);

    /// <summary>POST /subscriptions (commercetools test-delivers to the destination; failure is a 400).</summary>
    public Task<Subscription> CreateSubscriptionAsync(SubscriptionDraft draft, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, "subscriptions", JsonContent.Create(draft, OrdersJson.SubscriptionDraft), OrdersJson.Subscription, cancellationToken);

    public Task<Subscription> UpdateSubscriptionAsync(string id, long version, IReadOnlyList<SubscriptionUpdateAction> actions, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"subscriptions/{Uri.EscapeDataString(id)}",
            JsonContent.Create(new UpdateRequest<SubscriptionUpdateAction>(version, actions), OrdersJson.UpdateRequestSubscriptionUpdateAction),
            OrdersJson.Subscription, cancellationToken);

    public Task<Subscription> DeleteSubscriptionAsync(string id, long version, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Delete, $"subscriptions/{Uri.EscapeDataString(id)}?version={version}", null, OrdersJson.Subscription, cancellationToken);
}
