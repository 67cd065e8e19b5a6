using System.Globalization;
using System.Text.Json.Nodes;
using Connector.PayPal.Models;
using static Connector.PayPal.PayPalTransport;

namespace Connector.PayPal;

/// <summary>Customer Disputes v1 (https://developer.paypal.com/docs/api/customer-disputes/v1/): read, list, accept claim, provide evidence.</summary>
public sealed class PayPalDisputes(PayPalTransport transport)
{
    /// <summary>Page size asked of the list: the largest PayPal allows, so one page covers every dispute of one capture.</summary>
    public const int PageSize = 50;

    /// <summary><c>GET /v1/customer/disputes/{id}</c> (show dispute details).</summary>
    public Task<PayPalResponse<PayPalDispute>> GetAsync(string disputeId, CancellationToken cancellationToken) =>
        transport.SendAsync(HttpMethod.Get, $"v1/customer/disputes/{Segment(disputeId)}", null, Json.PayPalDispute, cancellationToken);

    /// <summary>
    /// <c>GET /v1/customer/disputes?disputed_transaction_id=</c>: the disputes of one capture (summary fields, newest first),
    /// one page of <see cref="PageSize"/>.
    /// </summary>
    public Task<PayPalResponse<PayPalDisputeList>> ListByCaptureAsync(string captureId, CancellationToken cancellationToken) =>
        transport.SendAsync(HttpMethod.Get, $"v1/customer/disputes?disputed_transaction_id={Uri.EscapeDataString(captureId)}&page_size={PageSize}",
            null, Json.PayPalDisputeList, cancellationToken);

    /// <summary>
    /// <c>GET /v1/customer/disputes?update_time_after=&amp;update_time_before=</c>: disputes changed in a window (summaries,
    /// newest first), one page of <see cref="PageSize"/>; <paramref name="nextPageLink"/> is the previous page's
    /// <c>next</c> link. The reconciler uses it to repair disputes whose webhooks were lost.
    /// </summary>
    public Task<PayPalResponse<PayPalDisputeList>> ListUpdatedAsync(DateTimeOffset after, DateTimeOffset atOrBefore, string? nextPageLink,
        CancellationToken cancellationToken)
    {
        var path = nextPageLink is not null && Uri.TryCreate(nextPageLink, UriKind.Absolute, out var next)
            ? next.PathAndQuery.TrimStart('/')
            : $"v1/customer/disputes?update_time_after={Uri.EscapeDataString(Format(after))}&update_time_before={Uri.EscapeDataString(Format(atOrBefore))}&page_size={PageSize}";
        return transport.SendAsync(HttpMethod.Get, path, null, Json.PayPalDisputeList, cancellationToken);
    }

    private static string Format(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary><c>POST /v1/customer/disputes/{id}/accept-claim</c>: the merchant gives in; PayPal refunds the buyer (moves money: pass an intent request id).</summary>
    public Task<PayPalResponse<JsonNode>> AcceptClaimAsync(string disputeId, AcceptClaimRequest body, string requestId, CancellationToken cancellationToken) =>
        transport.SendAsync(HttpMethod.Post, $"v1/customer/disputes/{Segment(disputeId)}/accept-claim", body, Json.AcceptClaimRequest, Json.JsonNode,
            cancellationToken, requestId);

    /// <summary><c>POST /v1/customer/disputes/{id}/provide-evidence</c> (JSON body with the client's evidences; no documents).</summary>
    public Task<PayPalResponse<JsonNode>> ProvideEvidenceAsync(string disputeId, JsonObject body, string requestId, CancellationToken cancellationToken) =>
        transport.SendAsync(HttpMethod.Post, $"v1/customer/disputes/{Segment(disputeId)}/provide-evidence", body, Json.JsonNode, cancellationToken, requestId);
}
