using Connector.Commercetools.Models;

namespace Connector.Commercetools;

/// <summary>How <see cref="CommercetoolsClient.UpdatePaymentRecomputingAsync"/> ended.</summary>
public enum RecomputedUpdateResult
{
    /// <summary>The actions computed on the payment as last read were none: nothing to write.</summary>
    InLine,

    /// <summary>The payment was updated with <see cref="RecomputedUpdate.Actions"/>.</summary>
    Updated,

    /// <summary>The payment disappeared between a 409 and the re-read.</summary>
    Gone,

    /// <summary>Every attempt met a 409: somebody kept changing the payment.</summary>
    ConflictsExhausted,
}

/// <summary>The outcome of a recomputed update: what happened, the payment as last read and the actions last computed.</summary>
public readonly record struct RecomputedUpdate(RecomputedUpdateResult Result, Payment Payment, IReadOnlyList<UpdateAction> Actions);

public sealed partial class CommercetoolsClient
{
    /// <summary>
    /// Computes actions on the payment as read and updates at that version. On 409 (someone else changed the payment
    /// meanwhile) re-reads it and recomputes, at most <paramref name="maxAttempts"/> times and without sleeping, so the
    /// actions always derive from the version they are written at and an action that is now redundant is never sent.
    /// <paramref name="compute"/> must be pure; what it throws propagates. <paramref name="onConflict"/> sees each 409's
    /// attempt number (for logging).
    /// </summary>
    public async Task<RecomputedUpdate> UpdatePaymentRecomputingAsync(
        Payment payment,
        Func<Payment, List<UpdateAction>> compute,
        int maxAttempts,
        Action<int>? onConflict,
        CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);
        List<UpdateAction> actions = [];
        for (var attempt = 1; attempt <= maxAttempts; attempt++)
        {
            actions = compute(payment);
            if (actions.Count == 0)
            {
                return new RecomputedUpdate(RecomputedUpdateResult.InLine, payment, actions);
            }

            try
            {
                var updated = await UpdatePaymentAsync(payment.Id, payment.Version, actions, cancellationToken);
                return new RecomputedUpdate(RecomputedUpdateResult.Updated, updated, actions);
            }
            catch (ConcurrentModificationException)
            {
                onConflict?.Invoke(attempt);
                var current = await GetPaymentAsync(payment.Id, cancellationToken);
                if (current is null)
                {
                    return new RecomputedUpdate(RecomputedUpdateResult.Gone, payment, actions);
                }

                payment = current;
            }
        }

        return new RecomputedUpdate(RecomputedUpdateResult.ConflictsExhausted, payment, actions);
    }
}
