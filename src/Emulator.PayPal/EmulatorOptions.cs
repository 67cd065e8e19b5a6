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
    /// <summary>Delivery attempts per event and webhook, the first one included.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Delay before the first retry; doubles per attempt up to <see cref="MaxRetryDelayMs"/>.</summary>
    public int RetryDelayMs { get; set; } = 1000;

    public int MaxRetryDelayMs { get; set; } = 60_000;

    public int TimeoutMs { get; set; } = 10_000;
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
