using System.Text.Json.Nodes;
using Connector.PayPal.Models;
using static Connector.PayPal.PayPalTransport;

namespace Connector.PayPal;

/// <summary>Vault v3 (https://developer.paypal.com/docs/api/payment-tokens/v3/): setup tokens and payment tokens.</summary>
public sealed class PayPalVault(PayPalTransport transport)
{
    /// <summary><c>POST /v3/vault/setup-tokens</c>.</summary>
    public Task<PayPalResponse<JsonNode>> CreateSetupTokenAsync(SetupTokenRequest body, string requestId, CancellationToken cancellationToken) =>
        transport.SendAsync(HttpMethod.Post, "v3/vault/setup-tokens", body, Json.SetupTokenRequest, Json.JsonNode, cancellationToken, requestId);

    /// <summary><c>GET /v3/vault/setup-tokens/{id}</c>: a setup token (its vault customer, status and source).</summary>
    public Task<PayPalResponse<JsonNode>> GetSetupTokenAsync(string setupTokenId, CancellationToken cancellationToken) =>
        transport.SendAsync(HttpMethod.Get, $"v3/vault/setup-tokens/{Segment(setupTokenId)}", null, Json.JsonNode, cancellationToken);

    /// <summary><c>POST /v3/vault/payment-tokens</c>.</summary>
    public Task<PayPalResponse<JsonNode>> CreatePaymentTokenAsync(PaymentTokenRequest body, string requestId, CancellationToken cancellationToken) =>
        transport.SendAsync(HttpMethod.Post, "v3/vault/payment-tokens", body, Json.PaymentTokenRequest, Json.JsonNode, cancellationToken, requestId);

    /// <summary><c>GET /v3/vault/payment-tokens/{id}</c>.</summary>
    public Task<PayPalResponse<JsonNode>> GetPaymentTokenAsync(string tokenId, CancellationToken cancellationToken) =>
        transport.SendAsync(HttpMethod.Get, $"v3/vault/payment-tokens/{Segment(tokenId)}", null, Json.JsonNode, cancellationToken);

    /// <summary><c>GET /v3/vault/payment-tokens?customer_id=</c> (one page).</summary>
    public Task<PayPalResponse<JsonNode>> ListPaymentTokensAsync(string customerId, int page, int pageSize, CancellationToken cancellationToken) =>
        transport.SendAsync(HttpMethod.Get,
            $"v3/vault/payment-tokens?customer_id={Uri.EscapeDataString(customerId)}&page={page}&page_size={pageSize}&total_required=true",
            null, Json.JsonNode, cancellationToken);

    /// <summary><c>DELETE /v3/vault/payment-tokens/{id}</c> (204).</summary>
    public Task<PayPalResponse<JsonNode>> DeletePaymentTokenAsync(string tokenId, CancellationToken cancellationToken) =>
        transport.SendAsync(HttpMethod.Delete, $"v3/vault/payment-tokens/{Segment(tokenId)}", null, Json.JsonNode, cancellationToken);
}
