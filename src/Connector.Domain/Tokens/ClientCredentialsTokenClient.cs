using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Serialization.Metadata;

namespace Connector.Domain.Tokens;

/// <summary>Where an API's client-credentials token is asked for, and with which credentials.</summary>
public sealed record ClientCredentialsEndpoint(Uri TokenUri, string ClientId, string ClientSecret);

/// <summary>The two fields of an OAuth token answer the cached access token is built from.</summary>
public interface IAccessTokenResponse
{
    string AccessToken { get; }

    long ExpiresIn { get; }
}

/// <summary>
/// The client-credentials exchange commercetools and PayPal share: post the form, turn an unreachable issuer, a refusal
/// or an empty answer into the API's own exception, and keep the app's access token in a <see cref="CachedTokenSource"/>.
/// What differs per API (endpoint, extra form fields, the exception type, log events) is left to the subclass, so each
/// API keeps its own error shapes and event ids.
/// </summary>
public abstract class ClientCredentialsTokenClient<TResponse>
    where TResponse : class, IAccessTokenResponse
{
    // An issuer answering with a tiny or missing lifetime would make every call fetch a token; a minute is the floor.
    private const long MinimumLifetimeSeconds = 60;

    protected ClientCredentialsTokenClient(TimeProvider timeProvider)
    {
        AccessTokens = new CachedTokenSource(FetchAccessTokenAsync, timeProvider);
    }

    /// <summary>The app's access token, fetched with <see cref="AccessTokenForm"/> and cached (the API client's <see cref="BearerTokenHandler"/> reads it).</summary>
    public CachedTokenSource AccessTokens { get; }

    /// <summary>Token endpoint and credentials, read at every fetch so rotated settings take effect.</summary>
    protected abstract ClientCredentialsEndpoint Endpoint { get; }

    protected abstract JsonTypeInfo<TResponse> ResponseType { get; }

    /// <summary>The form of the app's access-token request; <c>grant_type=client_credentials</c> unless the API adds to it.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string>> AccessTokenForm => [new("grant_type", "client_credentials")];

    /// <summary>The HTTP client token requests go through (never the one carrying the bearer handler).</summary>
    protected abstract HttpClient CreateHttpClient();

    protected abstract void OnAccessTokenFetched(long expiresIn);

    /// <summary>Called before <see cref="RefusedAsync"/> when the issuer answers with a non-success status.</summary>
    protected abstract void OnRefused(HttpStatusCode status);

    protected abstract Exception Unreachable(HttpRequestException exception);

    /// <summary>The exception for a request that timed out (not cancelled by the caller); <c>null</c> lets the cancellation through.</summary>
    protected virtual Exception? TimedOut(TaskCanceledException exception) => null;

    protected abstract Task<Exception> RefusedAsync(HttpResponseMessage response, CancellationToken cancellationToken);

    protected abstract Exception EmptyResponse(HttpStatusCode status);

    /// <summary>Posts <paramref name="form"/> to the token endpoint and reads the answer, or throws the API's exception.</summary>
    protected async Task<TResponse> RequestAsync(IEnumerable<KeyValuePair<string, string>> form, CancellationToken cancellationToken)
    {
        var endpoint = Endpoint;
        using var request = ClientCredentials.TokenRequest(endpoint.TokenUri, endpoint.ClientId, endpoint.ClientSecret, form);
        using var response = await CreateHttpClient().SendTranslatingFailuresAsync(request, this,
            static (client, e) => client.Unreachable(e), static (client, e) => client.TimedOut(e), cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            OnRefused(response.StatusCode);
            throw await RefusedAsync(response, cancellationToken).ConfigureAwait(false);
        }

        return await response.Content.ReadFromJsonAsync(ResponseType, cancellationToken).ConfigureAwait(false)
            ?? throw EmptyResponse(response.StatusCode);
    }

    private async Task<(string Token, TimeSpan Lifetime)> FetchAccessTokenAsync(CancellationToken cancellationToken)
    {
        var response = await RequestAsync(AccessTokenForm, cancellationToken).ConfigureAwait(false);
        OnAccessTokenFetched(response.ExpiresIn);
        return (response.AccessToken, TimeSpan.FromSeconds(Math.Max(response.ExpiresIn, MinimumLifetimeSeconds)));
    }
}
