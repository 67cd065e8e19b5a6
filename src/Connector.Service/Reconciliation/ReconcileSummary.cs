using System.Globalization;

namespace Connector.Service.Reconciliation;

/// <summary>What one pass did. <see cref="Error"/> is set when the pass could not run to its end (commercetools unreachable, say).</summary>
internal sealed record ReconcileSummary(
    int Scanned, int Checked, int Repaired, int NotFound, int Failed, bool Truncated, TimeSpan Duration, string? Error = null)
{
    /// <summary>Every payment looked at is in line with PayPal (or has no PayPal order any more).</summary>
    public bool Succeeded => Failed == 0 && Error is null;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"reconcile: scanned={Scanned} checked={Checked} repaired={Repaired} notFound={NotFound} failed={Failed} truncated={(Truncated ? "true" : "false")} durationMs={(long)Duration.TotalMilliseconds}")
        + (Error is null ? "" : " error=" + Error);
}
