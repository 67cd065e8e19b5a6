using System.Net;
using System.Text.Json.Serialization.Metadata;
using Connector.Commercetools.Models;
using Connector.Domain.Tokens;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Connector.Commercetools;

/// <summary>Attaches the cached client-credentials token (see <see cref="CommercetoolsTokenCache"/>) to every API request.</summary>
public sealed class CommercetoolsAuthHandler(CommercetoolsTokenCache cache) : BearerTokenHandler(cache.AccessTokens);

/// <summary>The process-wide commercetools access token, shared by every client instance.</summary>
public sealed partial class CommercetoolsTokenCache(
    IHttpClientFactory httpClientFactory,
    IOptions<CommercetoolsOptions> options,
    TimeProvider timeProvider,
    ILogger<CommercetoolsTokenCache> logger) : ClientCredentialsTokenClient<TokenResponse>(timeProvider)
{
    public const string AuthClientName = "commercetools-auth";

    protected override ClientCredentialsEndpoint Endpoint =>
        new(new Uri(options.Value.AuthBaseUri, "oauth/token"), options.Value.ClientId, options.Value.ClientSecret);

    protected override JsonTypeInfo<TokenResponse> ResponseType => CommercetoolsJsonContext.Default.TokenResponse;

    protected override IEnumerable<KeyValuePair<string, string>> AccessTokenForm
    {
        get
        {
            var scope = options.Value.Scope;
            return string.IsNullOrWhiteSpace(scope)
                ? base.AccessTokenForm
                : [.. base.AccessTokenForm, new("scope", scope)];
        }
    }

    protected override HttpClient CreateHttpClient() => httpClientFactory.CreateClient(AuthClientName);

    protected override void OnAccessTokenFetched(long expiresIn) => Log.TokenFetched(logger, expiresIn);

    protected override void OnRefused(HttpStatusCode status) => Log.TokenRequestFailed(logger, (int)status);

    protected override Exception Unreachable(HttpRequestException exception) =>
        new CommercetoolsApiException("The commercetools auth API could not be reached.", exception);

    protected override async Task<Exception> RefusedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return new CommercetoolsApiException(response.StatusCode, [new("invalid_client", "commercetools refused the client credentials.")], body,
            $"commercetools auth answered {(int)response.StatusCode}.");
    }

    protected override Exception EmptyResponse(HttpStatusCode status) =>
        new CommercetoolsApiException(status, [], null, "commercetools auth returned an empty token response.");

    private static partial class Log
    {
        [LoggerMessage(EventId = 1001, Level = LogLevel.Debug, Message = "Fetched a commercetools access token valid for {ExpiresIn} s")]
        public static partial void TokenFetched(ILogger logger, long expiresIn);

        [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "commercetools token request failed with status {Status}")]
        public static partial void TokenRequestFailed(ILogger logger, int status);
    }
}
