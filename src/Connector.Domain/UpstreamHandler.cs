namespace Connector.Domain;

/// <summary>The HTTP handler under every client that calls PayPal or commercetools.</summary>
public static class UpstreamHandler
{
    /// <summary>
    /// A pooled handler without what these JSON APIs never use: no cookie container (read and written on every call
    /// otherwise) and no redirect following (neither API redirects; a redirect would be an error to surface, not to
    /// follow with the bearer token). Connections are recycled every five minutes so DNS changes are picked up, which is
    /// why the client factory need not rotate handlers.
    /// </summary>
    public static HttpMessageHandler Create() => new SocketsHttpHandler
    {
        UseCookies = false,
        AllowAutoRedirect = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        AutomaticDecompression = System.Net.DecompressionMethods.None,
    };
}
