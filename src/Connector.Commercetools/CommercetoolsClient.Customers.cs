using Connector.Commercetools.Models;

namespace Connector.Commercetools;

/// <summary>Customer queries used by the vault mirror.</summary>
public sealed partial class CommercetoolsClient
{
    /// <summary>GET /customers?where=...: the first page (up to <paramref name="limit"/>) of customers matching a predicate.</summary>
    public Task<PagedQueryResponse<Customer>> QueryCustomersAsync(string where, int limit, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, $"customers?where={Uri.EscapeDataString(where)}&limit={limit}&withTotal=false", null,
            CommercetoolsPaymentMethodsJsonContext.Default.PagedQueryResponseCustomer, cancellationToken);
}
