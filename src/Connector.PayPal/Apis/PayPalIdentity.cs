using Connector.PayPal.Models;

namespace Connector.PayPal;

/// <summary>Identity: client tokens for the JS SDK's card fields (id tokens come from <see cref="PayPalTokenService"/>).</summary>
public sealed class PayPalIdentity(PayPalTransport transport)
{
    /// <summary><c>POST /v1/identity/generate-token</c>.</summary>
    public Task<PayPalResponse<ClientTokenResponse>> GenerateClientTokenAsync(string? customerId, CancellationToken cancellationToken) =>
        transport.SendAsync(HttpMethod.Post, "v1/identity/generate-token", new ClientTokenRequest(string.IsNullOrEmpty(customerId) ? null : customerId),
            PayPalTransport.Json.ClientTokenRequest, PayPalTransport.Json.ClientTokenResponse, cancellationToken);
}
