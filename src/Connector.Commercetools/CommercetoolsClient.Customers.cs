using Connector.Commercetools.Models;

namespace Connector.Commercetools;

/// <summary>Customer queries used by the vault mirror and the vault-binding migration.</summary>
public sealed partial class CommercetoolsClient
{
    /// <summary>GET /customers?where=...: the first page (up to <paramref name="limit"/>) of customers matching a predicate.</summary>
    public Task<PagedQueryResponse<Customer>> QueryCustomersAsync(string where, int limit, CancellationToken cancellationToken, string? sort = null) =>
        QueryAsync("customers", where, limit, Json.PagedQueryResponseCustomer, cancellationToken, sort is null ? "" : SortQuery([sort]));
}
