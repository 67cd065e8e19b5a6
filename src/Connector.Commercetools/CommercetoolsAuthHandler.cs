using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using Connector.Domain.Tokens;
using Microsoft.Extensions.Options;

namespace Connector.Commercetools;

/// <summary>Attaches the cached client-credentials token (see <see cref="CommercetoolsTokenCache"/>) to every API request.</summary>
public sealed class CommercetoolsAuthHandler(CommercetoolsTokenCache cache) : BearerTokenHandler(cache.Tokens);

/// <summary>The process-wide commercetools access token, shared by every client instance.</summary>
public sealed partial class CommercetoolsTokenCache
{
    public const string AuthClientName = "commercetools-auth";

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly IOptions<CommercetoolsOptions> _options;
    private readonly ILogger<CommercetoolsTokenCache> _logger;
    private readonly CachedTokenSource _tokens;

    public CommercetoolsTokenCache(IHttpClientFactory httpClientFactory, IOptions<CommercetoolsOptions> options, TimeProvider timeProvider, ILogger<CommercetoolsTokenCache> logger)
    {
        _httpClientFactory = httpClientFactory;
        _options = options;
        _logger = logger;
        _tokens = new CachedTokenSource(FetchAsync, timeProvider);
    }

    internal CachedTokenSource Tokens => _tokens;

    public ValueTask<string> GetTokenAsync(CancellationToken cancellationToken) => _tokens.GetAsync(cancellationToken);

    private async Task<(string Token, TimeSpan Lifetime)> FetchAsync(CancellationToken cancellationToken)
    {
        var o = _options.Value;
        var form = new List<KeyValuePair<string, string>> { new("grant_type", "client_credentials") };
        if (!string.IsNullOrWhiteSpace(o.Scope))
        {
            form.Add(new("scope", o.Scope));
        }

        using var request = ClientCredentials.TokenRequest(new Uri(o.AuthBaseUri, "oauth/token"), o.ClientId, o.ClientSecret, form);

        var http = _httpClientFactory.CreateClient(AuthClientName);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new CommercetoolsApiException("The commercetools auth API could not be reached.", e);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                Log.TokenRequestFailed(_logger, (int)response.StatusCode);
                throw new CommercetoolsApiException(response.StatusCode, [new("invalid_client", "commercetools refused the client credentials.")], body,
                    $"commercetools auth answered {(int)response.StatusCode}.");
            }

            var token = await response.Content.ReadFromJsonAsync(CommercetoolsJsonContext.Default.TokenResponse, cancellationToken)
                ?? throw new CommercetoolsApiException(response.StatusCode, [], null, "commercetools auth returned an empty token response.");
            Log.TokenFetched(_logger, token.ExpiresIn);
            return (token.AccessToken, TimeSpan.FromSeconds(Math.Max(token.ExpiresIn, 60)));
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1001, Level = LogLevel.Debug, Message = "Fetched a commercetools access token valid for {ExpiresIn} s")]
        public static partial void TokenFetched(ILogger logger, long expiresIn);

        [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "commercetools token request failed with status {Status}")]
        public static partial void TokenRequestFailed(ILogger logger, int status);
    }
}
