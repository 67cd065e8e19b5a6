using System.Net;
using System.Text.Json.Serialization.Metadata;
using Connector.Domain.Tokens;
using Connector.PayPal.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Connector.PayPal;

/// <summary>Attaches the cached PayPal access token to every REST call; a 401 drops it so the next call refreshes.</summary>
public sealed class PayPalTokenHandler(PayPalTokenService tokens) : BearerTokenHandler(tokens.AccessTokens);

/// <summary>
/// PayPal OAuth (<c>POST /v1/oauth2/token</c>): the app's access token, cached in memory until shortly before expiry,
/// and per-customer id tokens for the JS SDK's vault flows (never cached: each belongs to one shopper).
/// </summary>
public sealed partial class PayPalTokenService(
    IHttpClientFactory httpClientFactory,
    IOptions<PayPalOptions> options,
    TimeProvider timeProvider,
    ILogger<PayPalTokenService> logger) : ClientCredentialsTokenClient<PayPalTokenResponse>(timeProvider)
{
    public const string AuthClientName = "paypal-auth";

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

    protected override ClientCredentialsEndpoint Endpoint =>
        new(new Uri(options.Value.BaseUri, "v1/oauth2/token"), options.Value.ClientId, options.Value.ClientSecret);

    protected override JsonTypeInfo<PayPalTokenResponse> ResponseType => PayPalJsonContext.Default.PayPalTokenResponse;

    protected override HttpClient CreateHttpClient() => httpClientFactory.CreateClient(AuthClientName);

    protected override void OnAccessTokenFetched(long expiresIn) => Log.TokenFetched(logger, expiresIn);

    protected override void OnRefused(HttpStatusCode status) => Log.TokenRequestFailed(logger, (int)status);

    protected override Exception Unreachable(HttpRequestException exception) =>
        new PayPalApiException("PayPal could not be reached (token request).", exception);

    protected override Exception? TimedOut(TaskCanceledException exception) =>
        new PayPalApiException("PayPal did not answer the token request in time.", exception);

    // The body can only say invalid_client; it never contains the secret, but we keep it out of messages anyway.
    protected override Task<Exception> RefusedAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
        Task.FromResult<Exception>(new PayPalApiException(response.StatusCode, "AUTHENTICATION_FAILURE",
            $"PayPal refused the client credentials ({(int)response.StatusCode}).", null, [], null));

    protected override Exception EmptyResponse(HttpStatusCode status) => new PayPalApiException("PayPal returned an empty token response.", null);

    private static partial class Log
    {
        [LoggerMessage(EventId = 2001, Level = LogLevel.Debug, Message = "Fetched a PayPal access token valid for {ExpiresIn} s")]
        public static partial void TokenFetched(ILogger logger, long expiresIn);

        [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "PayPal token request failed with status {Status}")]
        public static partial void TokenRequestFailed(ILogger logger, int status);
    }
}
