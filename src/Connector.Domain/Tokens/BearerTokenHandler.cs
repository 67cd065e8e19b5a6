using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Connector.Domain.Tokens;

/// <summary>
/// Attaches a cached OAuth access token to every request of an API client. A 401 drops that token so the next call
/// fetches a fresh one; the failed call is not replayed here: commercetools updates are guarded by versions and PayPal
/// calls that move money carry request ids, so the caller decides whether to retry.
/// </summary>
public abstract class BearerTokenHandler(CachedTokenSource tokens) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = await tokens.GetAsync(cancellationToken);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            tokens.Invalidate(token);
        }

        return response;
    }
}

/// <summary>The OAuth client-credentials token request both commercetools and PayPal take.</summary>
public static class ClientCredentials
{
    /// <summary>
    /// <c>POST</c> of <paramref name="form"/> (<c>grant_type=client_credentials</c> and what the API adds) to the token
    /// endpoint, authenticated with HTTP Basic from the client id and secret.
    /// </summary>
    public static HttpRequestMessage TokenRequest(Uri endpoint, string clientId, string clientSecret, IEnumerable<KeyValuePair<string, string>> form)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{clientId}:{clientSecret}")));
        return request;
    }
}
