using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Connector.Service.Reconciliation;

/// <summary>The reconciler (section <c>Connector:Reconciler</c>): what PayPal did reaches commercetools even when every answer and webhook is lost.</summary>
public sealed class ReconcilerOptions
{
    public const string SectionName = "Connector:Reconciler";

    /// <summary>Run the background reconciler in this process (default off; the sandbox turns it on).</summary>
    public bool Enabled { get; set; }

    /// <summary>Seconds between passes of the background reconciler (default 300).</summary>
    [Range(1, 86400)]
    public int IntervalSeconds { get; set; } = 300;

    /// <summary>Payments changed more recently than this are left alone: the extension or a webhook may still be at work (default 120).</summary>
    [Range(0, 86400)]
    public int MinAgeSeconds { get; set; } = 120;

    /// <summary>How far back (by <c>lastModifiedAt</c>) payments are looked at (default 72 hours).</summary>
    [Range(1, 24 * 90)]
    public int LookbackHours { get; set; } = 72;

    /// <summary>Payments read per commercetools query (default 100).</summary>
    [Range(1, 500)]
    public int PageSize { get; set; } = 100;

    /// <summary>At most this many payments are read from commercetools per pass, so at most this many are checked at PayPal (default 2000).</summary>
    [Range(1, 100_000)]
    public int MaxPaymentsPerRun { get; set; } = 2000;

    public TimeSpan Interval => TimeSpan.FromSeconds(IntervalSeconds);

    public TimeSpan MinAge => TimeSpan.FromSeconds(MinAgeSeconds);

    public TimeSpan Lookback => TimeSpan.FromHours(LookbackHours);
}

/// <summary>The data-annotation checks of <see cref="ReconcilerOptions"/>, generated at compile time (trim- and AOT-safe).</summary>
[OptionsValidator]
internal sealed partial class ReconcilerOptionsValidator : IValidateOptions<ReconcilerOptions>;
