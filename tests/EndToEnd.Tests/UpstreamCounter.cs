using System.Collections.Concurrent;

namespace EndToEnd.Tests;

/// <summary>Records every HTTP request the connector sends upstream (installed into all of its HttpClients).</summary>
public sealed class UpstreamCounter
{
    private readonly ConcurrentQueue<string> _calls = new();

    public IReadOnlyList<string> Calls => [.. _calls];

    public void Clear() => _calls.Clear();

    public void Record(HttpRequestMessage request) => _calls.Enqueue($"{request.Method} {request.RequestUri!.Host}:{request.RequestUri.Port}{request.RequestUri.AbsolutePath}");

    public int Count(string origin) => Calls.Count(c => c.Contains(origin, StringComparison.Ordinal));

    public DelegatingHandler CreateHandler() => new CountingHandler(this);

    private sealed class CountingHandler(UpstreamCounter counter) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            counter.Record(request);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
