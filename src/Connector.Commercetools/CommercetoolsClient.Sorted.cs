using System.Globalization;
using Connector.Commercetools.Models;

namespace Connector.Commercetools;

public sealed partial class CommercetoolsClient
{
    /// <summary>
    /// GET /payments?where=...&amp;sort=...: one page of payments matching a predicate in the given order (each entry a sort
    /// expression such as <c>lastModifiedAt asc</c>); callers page with a cursor in the predicate, not with offsets.
    /// </summary>
    public Task<PagedQueryResponse<Payment>> QueryPaymentsAsync(string where, IReadOnlyList<string> sort, int limit, CancellationToken cancellationToken) =>
        QueryAsync("payments", where, limit, Json.PagedQueryResponsePayment, cancellationToken, SortQuery(sort));

    /// <summary>A date-time as commercetools writes it (UTC, milliseconds), for predicates such as <c>lastModifiedAt &gt; "..."</c>.</summary>
    public static string FormatDateTime(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
