using System.Collections.Concurrent;
using Microsoft.AspNetCore.TestHost;

namespace Connector.Service.Tests.Infrastructure;

/// <summary>One request that reached <see cref="HostRouter"/>: which app sent it, and where.</summary>
/// <param name="Caller">The app whose HttpClient sent it (<c>connector</c>, <c>commercetools</c>, <c>paypal</c>, <c>test</c>).</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="Url">The URL without its query (which may carry a secret).</param>
public sealed record RoutedRequest(string Caller, HttpMethod Method, Uri Url);

/// <summary>A request for a host no in-process app answers: in production it would have left the process.</summary>
public sealed class UnroutedRequestException(string message) : InvalidOperationException(message);

/// <summary>
/// The network between in-process apps: a request for a known host (scheme, host and port of a fake base URL such as
/// <c>http://paypal.test</c>) goes to that app's in-memory test server; any other request throws
/// <see cref="UnroutedRequestException"/> naming the URL, so a call that would leave the test can't pass unnoticed. Every request is logged
/// with its caller, so tests can count upstream calls.
/// </summary>
public sealed class HostRouter : IDisposable
{
    private readonly ConcurrentDictionary<string, HttpMessageInvoker> _routes = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<RoutedRequest> _requests = new();
    private readonly ConcurrentQueue<string> _unrouted = new();

    /// <summary>Every routed request, in the order they were sent.</summary>
    public IReadOnlyCollection<RoutedRequest> Requests => _requests;

    /// <summary>Every URL that was refused (normally empty; tests assert it stays so).</summary>
    public IReadOnlyCollection<string> Unrouted => _unrouted;

    /// <summary>Sends requests for <paramref name="baseUrl"/>'s origin to <paramref name="server"/>.</summary>
    public void Route(string baseUrl, TestServer server)
    {
        if (!_routes.TryAdd(Origin(new Uri(baseUrl)), new HttpMessageInvoker(server.CreateHandler(), disposeHandler: true)))
        {
            throw new InvalidOperationException($"{baseUrl} is already routed.");
        }
    }

    /// <summary>
    /// A primary handler for <paramref name="caller"/>'s HttpClients. Each client gets its own (the client factory disposes
    /// handlers it retires); all of them share this router's routes and log.
    /// </summary>
    public HttpMessageHandler HandlerFor(string caller) => new RoutingHandler(this, caller);

    public int Count(string caller, HttpMethod method, string url) =>
        _requests.Count(r => r.Caller == caller && r.Method == method && r.Url == new Uri(url));

    private Task<HttpResponseMessage> SendAsync(string caller, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri ?? throw new UnroutedRequestException($"{caller} sent a request without a URL.");
        var url = uri.IsAbsoluteUri ? uri.GetLeftPart(UriPartial.Path) : uri.OriginalString;
        if (!uri.IsAbsoluteUri || !_routes.TryGetValue(Origin(uri), out var server))
        {
            _unrouted.Enqueue(url);
            throw new UnroutedRequestException(
                $"{caller} called {request.Method} {url}: no in-process app answers there (routed: {string.Join(", ", _routes.Keys.Order(StringComparer.Ordinal))}).");
        }

        _requests.Enqueue(new RoutedRequest(caller, request.Method, new Uri(url)));
        return server.SendAsync(request, cancellationToken);
    }

    private static string Origin(Uri uri) => $"{uri.Scheme}://{uri.Authority}";

    public void Dispose()
    {
        foreach (var invoker in _routes.Values)
        {
            invoker.Dispose();
        }
    }

    private sealed class RoutingHandler(HostRouter router, string caller) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            router.SendAsync(caller, request, cancellationToken);
    }
}
