using Emulator.PayPal.Infrastructure;
using Microsoft.Extensions.Options;

namespace Emulator.PayPal.Control;

/// <summary>Knobs the control API turns at run time; seeded from configuration.</summary>
internal sealed class RuntimeSettings(IOptionsMonitor<EmulatorOptions> options)
{
    private readonly Lock _gate = new();
    private readonly List<Fault> _faults =
    [
        .. options.CurrentValue.Faults.Select(f => new Fault { Status = f.Status, Remaining = Math.Max(1, f.Count), PathPrefix = f.PathPrefix, Method = f.Method }),
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

internal sealed class Fault
{
    public int Status { get; init; } = 503;

    public string? PathPrefix { get; init; }

    public string? Method { get; init; }

    public int Remaining { get; set; } = 1;

    public bool Matches(string method, string path) =>
        (PathPrefix is null || path.StartsWith(PathPrefix, StringComparison.OrdinalIgnoreCase))
        && (Method is null || string.Equals(Method, method, StringComparison.OrdinalIgnoreCase));

    public PayPalApiException ToException() =>
        new(Status, Status == 503 ? "SERVICE_UNAVAILABLE" : "INTERNAL_SERVER_ERROR", description: "Fault injected by the emulator control API.");
}
