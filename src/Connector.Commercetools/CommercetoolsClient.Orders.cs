using Connector.Commercetools.Models;

namespace Connector.Commercetools;

public sealed partial class CommercetoolsClient
{
    /// <summary>GET /orders/{id}. Null when it does not exist.</summary>
    public Task<Order?> GetOrderAsync(string id, CancellationToken cancellationToken) =>
        GetByIdAsync("orders", id, Json.Order, cancellationToken);

    /// <summary>The order that references this payment, if any (<c>paymentInfo(payments(id=...))</c>).</summary>
    public Task<Order?> FindOrderByPaymentAsync(string paymentId, CancellationToken cancellationToken) =>
        FindByPaymentAsync("orders", paymentId, Json.PagedQueryResponseOrder, cancellationToken);

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

    /// <summary>/subscriptions (commercetools test-delivers to the destination on create; failure is a 400).</summary>
    public CommercetoolsResource<Subscription, SubscriptionDraft, SubscriptionUpdateAction> Subscriptions => field ??=
        new(this, "subscriptions", Json.Subscription, Json.SubscriptionDraft, Json.UpdateRequestSubscriptionUpdateAction, Json.PagedQueryResponseSubscription);
}
