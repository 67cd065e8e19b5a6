using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Emulator.PayPal.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Emulator.PayPal.Tests.Drivers;

public sealed record ReceivedWebhook(string Url, Dictionary<string, string> Headers, string Body)
{
    public JsonNode Json => JsonNode.Parse(Body)!;

    public string EventType => Json["event_type"]!.GetValue<string>();
}

/// <summary>Stands in for the merchant's webhook listener: records every delivery and answers what the test scripts.</summary>
public sealed class WebhookReceiver : HttpMessageHandler
{
    private readonly Channel<ReceivedWebhook> _received = Channel.CreateUnbounded<ReceivedWebhook>();

    public Func<ReceivedWebhook, HttpStatusCode> Answer { get; set; } = _ => HttpStatusCode.OK;

    public void Install(WebApplicationBuilder builder) =>
        builder.Services.AddHttpClient(WebhookDispatcher.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => this);

    public async Task<ReceivedWebhook> NextAsync()
    {
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        guard.CancelAfter(TimeSpan.FromSeconds(30));
        return await _received.Reader.ReadAsync(guard.Token);
    }

    public async Task<ReceivedWebhook> NextOfTypeAsync(string eventType)
    {
        while (true)
        {
            var next = await NextAsync();
            if (next.EventType == eventType)
            {
                return next;
            }
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = request.Headers.ToDictionary(h => h.Key.ToUpperInvariant(), h => string.Join(",", h.Value));
        var body = await request.Content!.ReadAsStringAsync(cancellationToken);
        var received = new ReceivedWebhook(request.RequestUri!.ToString(), headers, body);
        var status = Answer(received);
        _received.Writer.TryWrite(received);
        return new HttpResponseMessage(status);
    }

    // The HttpClientFactory may dispose handlers it rotates; this one lives as long as the test.
    protected override void Dispose(bool disposing)
    {
    }
}
