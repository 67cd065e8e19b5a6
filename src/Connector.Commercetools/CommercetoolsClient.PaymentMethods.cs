using Connector.Commercetools.Models;

namespace Connector.Commercetools;

/// <summary>PaymentMethods (<c>/payment-methods</c>, scopes <c>view_payment_methods</c> / <c>manage_payment_methods</c>).</summary>
public sealed partial class CommercetoolsClient
{
    /// <summary>GET /payment-methods/key={key}. Null when absent.</summary>
    public Task<PaymentMethod?> GetPaymentMethodByKeyAsync(string key, CancellationToken cancellationToken) =>
        GetByKeyAsync("payment-methods", key, Json.PaymentMethod, cancellationToken);

    /// <summary>GET /payment-methods?where=...: the first page (up to <paramref name="limit"/>, at most 500) matching a predicate.</summary>
    public Task<PagedQueryResponse<PaymentMethod>> QueryPaymentMethodsAsync(string where, int limit, CancellationToken cancellationToken) =>
        QueryAsync("payment-methods", where, limit, Json.PagedQueryResponsePaymentMethod, cancellationToken);

    /// <summary>POST /payment-methods: creates a PaymentMethod (201).</summary>
    public Task<PaymentMethod> CreatePaymentMethodAsync(PaymentMethodDraft draft, CancellationToken cancellationToken) =>
        CreateAsync("payment-methods", draft, Json.PaymentMethodDraft, Json.PaymentMethod, cancellationToken);

    /// <summary>POST /payment-methods/{id}: applies update actions at the given version.</summary>
    public Task<PaymentMethod> UpdatePaymentMethodAsync(string id, long version, IReadOnlyList<PaymentMethodUpdateAction> actions, CancellationToken cancellationToken) =>
        UpdateAsync("payment-methods", id, version, actions, Json.UpdateRequestPaymentMethodUpdateAction, Json.PaymentMethod, cancellationToken);

    /// <summary>DELETE /payment-methods/{id}?version=: deletes at the given version; returns the deleted resource.</summary>
    public Task<PaymentMethod> DeletePaymentMethodAsync(string id, long version, CancellationToken cancellationToken) =>
        DeleteAsync("payment-methods", id, version, Json.PaymentMethod, cancellationToken);
}
