using System.Net.Http.Json;
using Connector.Domain.Tokens;
using Connector.PayPal.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Connector.PayPal;

/// <summary>Attaches the cached PayPal access token to every REST call; a 401 drops it so the next call refreshes.</summary>
public sealed class PayPalTokenHandler(PayPalTokenService tokens) : BearerTokenHandler(tokens.Tokens);

/// <summary>
/// PayPal OAuth (<c>POST /v1/oauth2/token</c>): the app's access token, cached in memory until shortly before expiry,
/// and per-customer id tokens for the JS SDK's vault flows (never cached: each belongs to one shopper).
/// </summary>
public sealed partial class PayPalTokenService
{
    public const string AuthClientName = "paypal-auth";

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly IOptions<PayPalOptions> _options;
    private readonly ILogger<PayPalTokenService> _logger;
    private readonly CachedTokenSource _tokens;

    public PayPalTokenService(IHttpClientFactory httpClientFactory, IOptions<PayPalOptions> options, TimeProvider timeProvider, ILogger<PayPalTokenService> logger)
    {
        _httpClientFactory = httpClientFactory;
        _options = options;
        _logger = logger;
        _tokens = new CachedTokenSource(FetchAccessTokenAsync, timeProvider);
    }

    internal CachedTokenSource Tokens => _tokens;

    public ValueTask<string> GetAccessTokenAsync(CancellationToken cancellationToken) => _tokens.GetAsync(cancellationToken);

    /// <summary>
    /// <c>grant_type=client_credentials&amp;response_type=id_token[&amp;target_customer_id=...]</c>: the id token
    /// the JS SDK needs to show a returning payer's saved methods.
    /// </summary>
    public async Task<string> GetIdTokenAsync(string? targetCustomerId, CancellationToken cancellationToken)
    {
        var form = new List<KeyValuePair<string, string>> { new("grant_type", "client_credentials"), new("response_type", "id_token") };
        if (!string.IsNullOrEmpty(targetCustomerId))
        {
            form.Add(new("target_customer_id", targetCustomerId));
        }

        var response = await RequestAsync(form, cancellationToken);
        return string.IsNullOrEmpty(response.IdToken)
            ? throw new PayPalApiException("PayPal returned no id_token.", null)
            : response.IdToken;
    }

    private async Task<(string Token, TimeSpan Lifetime)> FetchAccessTokenAsync(CancellationToken cancellationToken)
    {
        var response = await RequestAsync([new("grant_type", "client_credentials")], cancellationToken);
        Log.TokenFetched(_logger, response.ExpiresIn);
        return (response.AccessToken, TimeSpan.FromSeconds(Math.Max(response.ExpiresIn, 60)));
    }

    private async Task<PayPalTokenResponse> RequestAsync(List<KeyValuePair<string, string>> form, CancellationToken cancellationToken)
    {
        var o = _options.Value;
        using var request = ClientCredentials.TokenRequest(new Uri(o.BaseUri, "v1/oauth2/token"), o.ClientId, o.ClientSecret, form);
        HttpResponseMessage response;
        try
        {
            response = await _httpClientFactory.CreateClient(AuthClientName).SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new PayPalApiException("PayPal could not be reached (token request).", e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new PayPalApiException("PayPal did not answer the token request in time.", e);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                Log.TokenRequestFailed(_logger, (int)response.StatusCode);
                // The body can only say invalid_client; it never contains the secret, but we keep it out of messages anyway.
                throw new PayPalApiException(response.StatusCode, "AUTHENTICATION_FAILURE", $"PayPal refused the client credentials ({(int)response.StatusCode}).", null, [], null);
            }

            return await response.Content.ReadFromJsonAsync(PayPalJsonContext.Default.PayPalTokenResponse, cancellationToken)
                ?? throw new PayPalApiException("PayPal returned an empty token response.", null);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2001, Level = LogLevel.Debug, Message = "Fetched a PayPal access token valid for {ExpiresIn} s")]
        public static partial void TokenFetched(ILogger logger, long expiresIn);

        [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "PayPal token request failed with status {Status}")]
        public static partial void TokenRequestFailed(ILogger logger, int status);
    }
}
