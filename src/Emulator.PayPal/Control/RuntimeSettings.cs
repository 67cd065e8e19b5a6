using Emulator.PayPal.Infrastructure;
using Microsoft.Extensions.Options;

namespace Emulator.PayPal.Control;

/// <summary>Knobs the control API turns at run time; seeded from configuration.</summary>
internal sealed class RuntimeSettings(IOptionsMonitor<EmulatorOptions> options)
{
    private readonly Lock _gate = new();
    private readonly List<Fault> _faults =
    [
        .. options.CurrentValue.Faults.Select(Fault.From),
    ];

    private int? _latencyMs;

    public int LatencyMs
    {
        get => _latencyMs ?? options.CurrentValue.LatencyMs;
        set => _latencyMs = value;
    }

    /// <summary>COMPLETED (default) or PENDING: the status new captures get.</summary>
    public string CaptureOutcome { get; set; } = "COMPLETED";

    public void AddFault(Fault fault)
    {
        lock (_gate)
        {
            _faults.Add(fault);
        }
    }

    public void ClearFaults()
    {
        lock (_gate)
        {
            _faults.Clear();
        }
    }

    public IReadOnlyList<Fault> Faults()
    {
        lock (_gate)
        {
            return [.. _faults];
        }
    }

    /// <summary>Consumes one use of the first fault matching the request, if any.</summary>
    public Fault? TakeFault(string method, string path)
    {
        lock (_gate)
        {
            var fault = _faults.FirstOrDefault(f => f.Matches(method, path));
            if (fault is null)
            {
                return null;
            }

            fault.Remaining--;
            if (fault.Remaining <= 0)
            {
                _faults.Remove(fault);
            }

            return fault;
        }
    }
}

/// <summary>How a fault hits a matching call.</summary>
internal enum FaultMode
{
    /// <summary>Answer the fault's status instead of executing (the original fault).</summary>
    Before,

    /// <summary>Execute, then abort the connection: the caller gets no answer.</summary>
    Close,

    /// <summary>Execute, then answer 500/503 instead of the real answer.</summary>
    ServerError,

    /// <summary>Execute, hold the answer for <see cref="Fault.DelayMs"/>, then abort (or answer, see <see cref="Fault.AnswerAfterDelay"/>).</summary>
    Timeout,
}

internal sealed class Fault
{
    public FaultMode Mode { get; init; } = FaultMode.Before;

    public int Status { get; init; } = 503;

    public string? PathPrefix { get; init; }

    /// <summary>A path where <c>*</c> stands for one segment, e.g. <c>/v2/checkout/orders/*/capture</c>.</summary>
    public string? Path { get; init; }

    public string? Method { get; init; }

    public int DelayMs { get; init; }

    /// <summary>Timeout mode: after the delay send the real answer instead of aborting.</summary>
    public bool AnswerAfterDelay { get; init; }

    public int Remaining { get; set; } = 1;

    public static string ModeName(FaultMode mode) => mode switch
    {
        FaultMode.Close => "close",
        FaultMode.ServerError => "5xx",
        FaultMode.Timeout => "timeout",
        _ => "before",
    };

    public static FaultMode? ParseMode(string? name) => name?.ToLowerInvariant() switch
    {
        null or "before" => FaultMode.Before,
        "close" => FaultMode.Close,
        "5xx" => FaultMode.ServerError,
        "timeout" => FaultMode.Timeout,
        _ => null,
    };

    public static Fault From(FaultOptions options) => new()
    {
        Mode = ParseMode(options.Mode) ?? throw new InvalidOperationException($"Emulator:Faults: unknown mode '{options.Mode}' (before, close, 5xx, timeout)."),
        Status = options.Status ?? (ParseMode(options.Mode) == FaultMode.ServerError ? 500 : 503),
        Remaining = Math.Max(1, options.Count),
        PathPrefix = options.PathPrefix,
        Path = options.Path,
        Method = options.Method,
        DelayMs = Math.Max(0, options.DelayMs),
        AnswerAfterDelay = string.Equals(options.Then, "answer", StringComparison.OrdinalIgnoreCase),
    };

    public bool Matches(string method, string path) =>
        (PathPrefix is null || path.StartsWith(PathPrefix, StringComparison.OrdinalIgnoreCase))
        && (Path is null || PathMatches(Path, path))
        && (Method is null || string.Equals(Method, method, StringComparison.OrdinalIgnoreCase));

    public PayPalApiException ToException() =>
        new(Status, Status == 503 ? "SERVICE_UNAVAILABLE" : "INTERNAL_SERVER_ERROR", description: "Fault injected by the emulator control API.");

    private static bool PathMatches(string pattern, string path)
    {
        var expected = pattern.Trim('/').Split('/');
        var actual = path.Trim('/').Split('/');
        return expected.Length == actual.Length
            && expected.Zip(actual).All(pair => pair.First == "*" || string.Equals(pair.First, pair.Second, StringComparison.OrdinalIgnoreCase));
    }
}
