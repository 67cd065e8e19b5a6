using System.Net.Http.Json;
using Connector.Commercetools.Models;

namespace Connector.Commercetools;

/// <summary>PaymentMethods (<c>/payment-methods</c>, scopes <c>view_payment_methods</c> / <c>manage_payment_methods</c>).</summary>
public sealed partial class CommercetoolsClient
{
    private static CommercetoolsPaymentMethodsJsonContext PaymentMethodsJson => CommercetoolsPaymentMethodsJsonContext.Default;

    /// <summary>GET /payment-methods/key={key}. Null when absent.</summary>
    public Task<PaymentMethod?> GetPaymentMethodByKeyAsync(string key, CancellationToken cancellationToken) =>
        GetOrNullAsync($"payment-methods/key={Uri.EscapeDataString(key)}", PaymentMethodsJson.PaymentMethod, cancellationToken);

    /// <summary>GET /payment-methods?where=...: the first page (up to <paramref name="limit"/>, at most 500) matching a predicate.</summary>
    public Task<PagedQueryResponse<PaymentMethod>> QueryPaymentMethodsAsync(string where, int limit, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, $"payment-methods?where={Uri.EscapeDataString(where)}&limit={limit}&withTotal=false", null,
            PaymentMethodsJson.PagedQueryResponsePaymentMethod, cancellationToken);

    /// <summary>POST /payment-methods: creates a PaymentMethod (201).</summary>
    public Task<PaymentMethod> CreatePaymentMethodAsync(PaymentMethodDraft draft, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, "payment-methods", JsonContent.Create(draft, PaymentMethodsJson.PaymentMethodDraft), PaymentMethodsJson.PaymentMethod, cancellationToken);

    /// <summary>POST /payment-methods/{id}: applies update actions at the given version.</summary>
    public Task<PaymentMethod> UpdatePaymentMethodAsync(string id, long version, IReadOnlyList<PaymentMethodUpdateAction> actions, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"payment-methods/{Uri.EscapeDataString(id)}",
            JsonContent.Create(new UpdateRequest<PaymentMethodUpdateAction>(version, actions), PaymentMethodsJson.UpdateRequestPaymentMethodUpdateAction),
            PaymentMethodsJson.PaymentMethod, cancellationToken);

    /// <summary>DELETE /payment-methods/{id}?version=: deletes at the given version; returns the deleted resource.</summary>
    public Task<PaymentMethod> DeletePaymentMethodAsync(string id, long version, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Delete, $"payment-methods/{Uri.EscapeDataString(id)}?version={version}", null, PaymentMethodsJson.PaymentMethod, cancellationToken);
}
