using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Threading.Channels;

namespace Emulator.Commercetools.Tests.Infrastructure;

/// <summary>Stands in for outbound HTTP (extensions, subscription pushes): records requests and answers with <see cref="Responder"/>.</summary>
public sealed class StubHttpHandler : HttpMessageHandler
{
    public Func<RecordedRequest, CancellationToken, Task<HttpResponseMessage>> Responder { get; set; } =
        (_, _) => Task.FromResult(Json(HttpStatusCode.OK, "{\"actions\":[]}"));

    private readonly Channel<RecordedRequest> _arrivals = Channel.CreateUnbounded<RecordedRequest>();

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>Waits (without polling) for the next request matching <paramref name="predicate"/>; requests seen earlier by another wait are consumed.</summary>
    public async Task<RecordedRequest> NextAsync(Func<RecordedRequest, bool>? predicate = null)
    {
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        guard.CancelAfter(TimeSpan.FromSeconds(30));
        while (true)
        {
            var request = await _arrivals.Reader.ReadAsync(guard.Token);
            if (predicate is null || predicate(request))
            {
                return request;
            }
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        var headers = request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        var recorded = new RecordedRequest(request.Method, request.RequestUri!, headers, body);
        Requests.Enqueue(recorded);
        _arrivals.Writer.TryWrite(recorded);
        return await Responder(recorded, cancellationToken);
    }

    public static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
}

public sealed record RecordedRequest(HttpMethod Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, string Body);
