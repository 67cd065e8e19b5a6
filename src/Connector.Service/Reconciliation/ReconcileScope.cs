namespace Connector.Service.Reconciliation;

/// <summary>Payments whose <c>lastModifiedAt</c> lies in (<see cref="After"/>, <see cref="AtOrBefore"/>].</summary>
internal readonly record struct ReconcileWindow(DateTimeOffset After, DateTimeOffset AtOrBefore);

/// <summary>
/// What one pass looks at: <c>lastModifiedAt</c> windows, newest first, and whether payments that look settled are
/// checked too (<see cref="Deep"/>).
/// </summary>
/// <remarks>
/// The background reconciler keeps no state about payments: it looks at a payment when its age since
/// <c>lastModifiedAt</c> crosses a checkpoint (<see cref="Checkpoints"/>: the minimum age, 10 min, 1 h, 6 h, 24 h, the
/// lookback). A pass at time <c>now</c>, <c>width</c> after the previous pass, reads for each checkpoint <c>c</c> the
/// payments aged [c, c + width); consecutive passes tile each checkpoint's timeline, so an untouched lagging payment
/// costs one PayPal call per checkpoint (six in 72 hours) instead of one per pass, and an abandoned order stops costing
/// anything after the lookback. Any change to a payment (a repair included) restarts its clock. Several replicas may
/// run passes at once: each asks PayPal on its own, and what they write is safe because the update actions are
/// idempotent and applied at the version read (a 409 makes the loser re-read and find nothing left to do).
/// </remarks>
internal sealed record ReconcileScope(IReadOnlyList<ReconcileWindow> Windows, bool Deep)
{
    /// <summary>Ages between the minimum age and the lookback at which a lagging payment is looked at again.</summary>
    public static IReadOnlyList<TimeSpan> Checkpoints { get; } =
        [TimeSpan.FromMinutes(10), TimeSpan.FromHours(1), TimeSpan.FromHours(6), TimeSpan.FromHours(24)];

    /// <summary>The background pass: payments whose age crossed a checkpoint in the last <paramref name="width"/>.</summary>
    public static ReconcileScope AtCheckpoints(DateTimeOffset now, TimeSpan width, TimeSpan minAge, TimeSpan lookback)
    {
        if (width <= TimeSpan.Zero)
        {
            return new ReconcileScope([], Deep: false);
        }

        var ages = Checkpoints.Where(c => c > minAge && c < lookback).Prepend(minAge).Append(lookback).Distinct().Order();
        var merged = new List<(TimeSpan From, TimeSpan To)>();
        foreach (var age in ages)
        {
            var to = age + width;
            if (merged.Count > 0 && age <= merged[^1].To)
            {
                // Checkpoints closer together than the width: one window covers both, so no payment is read twice.
                merged[^1] = (merged[^1].From, to > merged[^1].To ? to : merged[^1].To);
            }
            else
            {
                merged.Add((age, to));
            }
        }

        return new ReconcileScope([.. merged.Select(a => new ReconcileWindow(now - a.To, now - a.From))], Deep: false);
    }

    /// <summary>The one-shot pass: every payment changed in (now − since, now − minAge].</summary>
    public static ReconcileScope Since(DateTimeOffset now, DateTimeOffset since, TimeSpan minAge, bool deep)
    {
        var end = now - minAge;
        return new ReconcileScope(since < end ? [new ReconcileWindow(since, end)] : [], deep);
    }
}
