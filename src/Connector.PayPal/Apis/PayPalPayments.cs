using Connector.PayPal.Models;
using static Connector.PayPal.PayPalTransport;

namespace Connector.PayPal;

/// <summary>Payments v2 (https://developer.paypal.com/docs/api/payments/v2/): authorizations, captures and refunds.</summary>
public sealed class PayPalPayments(PayPalTransport transport)
{
    /// <summary><c>POST /v2/payments/authorizations/{id}/capture</c> (capture authorized payment).</summary>
    public Task<PayPalResponse<PayPalCapture>> CaptureAuthorizationAsync(string authorizationId, CaptureAuthorizationRequest body, string requestId, CancellationToken cancellationToken) =>
        transport.SendAsync(HttpMethod.Post, $"v2/payments/authorizations/{Segment(authorizationId)}/capture", body, Json.CaptureAuthorizationRequest,
            Json.PayPalCapture, cancellationToken, requestId);

    /// <summary><c>POST /v2/payments/authorizations/{id}/void</c> (void authorized payment).</summary>
    public Task<PayPalResponse<PayPalAuthorization>> VoidAuthorizationAsync(string authorizationId, string requestId, CancellationToken cancellationToken) =>
        transport.SendAsync(HttpMethod.Post, $"v2/payments/authorizations/{Segment(authorizationId)}/void", null, Json.PayPalAuthorization, cancellationToken, requestId);

    /// <summary><c>GET /v2/payments/authorizations/{id}</c>.</summary>
    public Task<PayPalResponse<PayPalAuthorization>> GetAuthorizationAsync(string authorizationId, CancellationToken cancellationToken) =>
        transport.SendAsync(HttpMethod.Get, $"v2/payments/authorizations/{Segment(authorizationId)}", null, Json.PayPalAuthorization, cancellationToken);

    /// <summary><c>GET /v2/payments/captures/{id}</c> (show captured payment details).</summary>
    public Task<PayPalResponse<PayPalCapture>> GetCaptureAsync(string captureId, CancellationToken cancellationToken) =>
        transport.SendAsync(HttpMethod.Get, $"v2/payments/captures/{Segment(captureId)}", null, Json.PayPalCapture, cancellationToken);

    /// <summary><c>POST /v2/payments/captures/{id}/refund</c> (refund captured payment; no amount = all that is left).</summary>
    public Task<PayPalResponse<PayPalRefund>> RefundCaptureAsync(string captureId, RefundCaptureRequest body, string requestId, CancellationToken cancellationToken) =>
        transport.SendAsync(HttpMethod.Post, $"v2/payments/captures/{Segment(captureId)}/refund", body, Json.RefundCaptureRequest, Json.PayPalRefund,
            cancellationToken, requestId);
}
