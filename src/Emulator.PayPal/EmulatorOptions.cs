namespace Emulator.PayPal;

/// <summary>The <c>Emulator</c> configuration section.</summary>
internal sealed class EmulatorOptions
{
    public const string Section = "Emulator";

    /// <summary>Accepted OAuth clients; when empty, <see cref="PayPalEmulatorDefaults"/> is the only one.</summary>
    public List<ClientCredentials> Clients { get; set; } = [];

    /// <summary>Artificial latency added to every API call (not the approval page, not the control API).</summary>
    public int LatencyMs { get; set; }

    /// <summary>How long a Pay Upon Invoice order stays PENDING_APPROVAL before it completes by itself.</summary>
    public int PayUponInvoiceDelayMs { get; set; } = 3000;

    public WebhookOptions Webhooks { get; set; } = new();

    /// <summary>Faults armed at start-up, as if posted to the control API's <c>/emulator/faults</c>.</summary>
    public List<FaultOptions> Faults { get; set; } = [];

    public IEnumerable<ClientCredentials> EffectiveClients() =>
        Clients.Count > 0 ? Clients : [new ClientCredentials { ClientId = PayPalEmulatorDefaults.ClientId, ClientSecret = PayPalEmulatorDefaults.ClientSecret }];
}

internal sealed class ClientCredentials
{
    public string ClientId { get; set; } = string.Empty;

    public string ClientSecret { get; set; } = string.Empty;
}

internal sealed class WebhookOptions
{
    /// <summary>
    /// PayPal retries a failed delivery up to 25 times over 3 days; it does not publish the intervals. This schedule
    /// (the delay before retry 1, 2, ...) backs off from 30 s to 4 h 14 min; the last retry comes 71 h 45.5 min after the first attempt.
    /// </summary>
    public static readonly IReadOnlyList<TimeSpan> PayPalRetryDelays =
    [
        TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(8),
        TimeSpan.FromMinutes(16), TimeSpan.FromMinutes(30), TimeSpan.FromHours(1), TimeSpan.FromHours(2),
        .. Enumerable.Repeat(TimeSpan.FromMinutes(254), 16),
    ];

    /// <summary>Delivery attempts per event and webhook, the first one included; default: one more than the retry delays (26).</summary>
    public int? MaxAttempts { get; set; }

    /// <summary>Delays before each retry; empty means <see cref="PayPalRetryDelays"/>. Past the end the last delay repeats.</summary>
    public List<TimeSpan> RetryDelays { get; set; } = [];

    /// <summary>Multiplies every retry delay: 0.001 compresses PayPal's 3 days into about 4.3 minutes.</summary>
    public double TimeScale { get; set; } = 1.0;

    public int TimeoutMs { get; set; } = 10_000;

    public IReadOnlyList<TimeSpan> EffectiveRetryDelays() => RetryDelays.Count > 0 ? RetryDelays : PayPalRetryDelays;

    public int EffectiveMaxAttempts() => MaxAttempts ?? (EffectiveRetryDelays().Count + 1);

    /// <summary>The delay after failed attempt <paramref name="attempt"/> (1-based), scaled.</summary>
    public TimeSpan RetryDelay(int attempt)
    {
        var delays = EffectiveRetryDelays();
        var delay = delays[Math.Min(attempt, delays.Count) - 1];
        return TimeSpan.FromTicks(Math.Max(0, (long)Math.Round(delay.Ticks * TimeScale, MidpointRounding.AwayFromZero)));
    }
}

internal sealed class FaultOptions
{
    /// <summary>before (default: answer the status instead of executing), close, 5xx or timeout (execute, then lose the answer).</summary>
    public string? Mode { get; set; }

    /// <summary>Default 503, or 500 in 5xx mode.</summary>
    public int? Status { get; set; }

    public int Count { get; set; } = 1;

    public string? PathPrefix { get; set; }

    /// <summary>A path where <c>*</c> stands for one segment, e.g. <c>/v2/checkout/orders/*/capture</c>.</summary>
    public string? Path { get; set; }

    public string? Method { get; set; }

    /// <summary>Timeout mode: how long the answer is held.</summary>
    public int DelayMs { get; set; }

    /// <summary>Timeout mode: <c>close</c> (default) aborts after the delay, <c>answer</c> sends the real answer.</summary>
    public string? Then { get; set; }
}
