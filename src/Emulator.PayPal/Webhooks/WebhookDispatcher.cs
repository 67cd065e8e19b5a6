using System.Collections.Concurrent;
using System.Text;
using System.Threading.Channels;
using Emulator.PayPal.Infrastructure;
using Microsoft.Extensions.Options;

namespace Emulator.PayPal.Webhooks;

/// <summary>One delivery attempt of one event to one webhook, as the control API and tests see it.</summary>
internal sealed record DeliveryAttempt(
    string EventId,
    string EventType,
    string WebhookId,
    string Url,
    int Attempt,
    int? StatusCode,
    string? Error,
    bool Delivered,
    DateTimeOffset At,
    DateTimeOffset? NextAttemptAt,
    string TransmissionId);

/// <summary>
/// Delivers events to every subscribed webhook, signed, in the background. A non-2xx answer (or none) is retried on
/// PayPal's schedule (<see cref="WebhookOptions.PayPalRetryDelays"/>: 25 retries over 3 days, compressible with
/// <see cref="WebhookOptions.TimeScale"/>) driven by <see cref="TimeProvider"/> timers.
/// </summary>
internal sealed partial class WebhookDispatcher(
    EventQueue queue,
    EmulatorStore store,
    WebhookSigner signer,
    IHttpClientFactory httpClients,
    IOptionsMonitor<EmulatorOptions> options,
    ILogger<WebhookDispatcher> logger) : BackgroundService
{
    public const string HttpClientName = "Emulator.PayPal.Webhooks";

    private readonly ConcurrentQueue<DeliveryAttempt> _attempts = new();
    private readonly ConcurrentDictionary<string, (byte[] Body, string WebhookId)> _transmissions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<ITimer, byte> _timers = new();
    private readonly Channel<DeliveryAttempt> _observed = Channel.CreateUnbounded<DeliveryAttempt>();
    private CancellationToken _stopping;

    public IReadOnlyCollection<DeliveryAttempt> Attempts => [.. _attempts];

    /// <summary>Every attempt, after its retry (if any) is scheduled: lets tests advance a fake clock without racing.</summary>
    public ChannelReader<DeliveryAttempt> Observed => _observed.Reader;

    public (byte[] Body, string WebhookId)? Transmission(string transmissionId) =>
        _transmissions.TryGetValue(transmissionId, out var t) ? t : null;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _stopping = stoppingToken;
        try
        {
            await foreach (var evt in queue.Reader.ReadAllAsync(stoppingToken))
            {
                Dispatch(evt);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    /// <summary>Sends <paramref name="evt"/> to every webhook of its client that listens to its type (or only to <paramref name="only"/>).</summary>
    public void Dispatch(WebhookEvent evt, string? only = null)
    {
        List<Webhook> targets;
        lock (store.Gate)
        {
            targets = [.. store.Webhooks.Values.Where(w => w.ClientId == evt.ClientId && w.Accepts(evt.EventType) && (only is null || w.Id == only))];
        }

        var body = Encoding.UTF8.GetBytes(JsonOut.Serialize(evt.Body));
        foreach (var webhook in targets)
        {
            _ = AttemptAsync(evt, webhook.Id, webhook.Url, body, 1);
        }
    }

    private async Task AttemptAsync(WebhookEvent evt, string webhookId, string url, byte[] body, int attempt)
    {
        var settings = options.CurrentValue.Webhooks;
        var transmissionId = Guid.NewGuid().ToString();
        var time = Time.Format(store.Now);
        _transmissions[transmissionId] = (body, webhookId);
        int? status = null;
        string? error = null;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new("application/json");
            request.Headers.TryAddWithoutValidation("PAYPAL-TRANSMISSION-ID", transmissionId);
            request.Headers.TryAddWithoutValidation("PAYPAL-TRANSMISSION-TIME", time);
            request.Headers.TryAddWithoutValidation("PAYPAL-TRANSMISSION-SIG", signer.Sign(transmissionId, time, webhookId, body));
            request.Headers.TryAddWithoutValidation("PAYPAL-CERT-URL", evt.BaseUrl + WebhookSigner.CertPath);
            request.Headers.TryAddWithoutValidation("PAYPAL-AUTH-ALGO", WebhookSigner.AuthAlgo);
            request.Headers.TryAddWithoutValidation("User-Agent", "PayPal/AUHD-214.0-58396419");
            using var client = httpClients.CreateClient(HttpClientName);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stopping);
            timeout.CancelAfter(TimeSpan.FromMilliseconds(settings.TimeoutMs));
            using var response = await client.SendAsync(request, timeout.Token);
            status = (int)response.StatusCode;
        }
        catch (Exception ex)
        {
            error = ex.GetType().Name + ": " + ex.Message;
        }

        var delivered = status is >= 200 and < 300;
        DateTimeOffset? next = null;
        if (!delivered && attempt < settings.EffectiveMaxAttempts() && !_stopping.IsCancellationRequested)
        {
            var delay = settings.RetryDelay(attempt);
            next = store.Now + delay;
            ITimer? timer = null;
            timer = store.Time.CreateTimer(
                _ =>
                {
                    if (timer is not null && _timers.TryRemove(timer, out var __))
                    {
                        timer.Dispose();
                    }

                    _ = AttemptAsync(evt, webhookId, url, body, attempt + 1);
                },
                null,
                delay,
                Timeout.InfiniteTimeSpan);
            _timers[timer] = 0;
        }

        if (!delivered)
        {
            LogFailedDelivery(logger, evt.Id, webhookId, attempt, status, error);
        }

        var record = new DeliveryAttempt(evt.Id, evt.EventType, webhookId, url, attempt, status, error, delivered, store.Now, next, transmissionId);
        _attempts.Enqueue(record);
        _observed.Writer.TryWrite(record);
    }

    public override void Dispose()
    {
        foreach (var timer in _timers.Keys)
        {
            timer.Dispose();
        }

        _timers.Clear();
        base.Dispose();
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Webhook delivery of {EventId} to {WebhookId} failed (attempt {Attempt}, status {Status}, {Error})")]
    private static partial void LogFailedDelivery(ILogger logger, string eventId, string webhookId, int attempt, int? status, string? error);
}
