using System.Net;
using Connector.Commercetools;
using Connector.Commercetools.Models;
using Connector.Domain;
using Connector.PayPal;
using Connector.PayPal.Models;
using Connector.Service.Configuration;
using Connector.Service.Disputes;
using Connector.Service.ApiExtension;
using Microsoft.Extensions.Options;

namespace Connector.Service.Reconciliation;

/// <summary>
/// One reconciliation pass: pages through the connector's payments changed in the scope's windows (oldest first, a
/// <c>lastModifiedAt</c>/<c>id</c> cursor, never offsets), keeps those whose state may lag PayPal, asks PayPal once per
/// payment for its order and applies what commercetools lacks (<see cref="PaymentActions.Reconcile"/>) at the version read.
/// A 409 means someone else changed the payment meanwhile: re-read it and recompute, a bounded number of times, without
/// sleeping. There is no lock: the actions are idempotent (a transaction is added once per PayPal id, states only move
/// forward), so passes running at once on several replicas cannot record anything twice.
/// </summary>
internal sealed partial class PaymentReconciler(
    CommercetoolsClient commercetools,
    PayPalClient payPal,
    TypeIdResolver typeIds,
    IOptions<ConnectorOptions> connectorOptions,
    IOptionsMonitor<ReconcilerOptions> options,
    ReconcilerTelemetry telemetry,
    TimeProvider time,
    ILogger<PaymentReconciler> logger)
{
    /// <summary>Update attempts per payment: the first plus re-reads after 409.</summary>
    internal const int MaxAttempts = 5;

    private static readonly string[] Sort = ["lastModifiedAt asc", "id asc"];

    private enum Outcome
    {
        InLine,
        Repaired,
        NotFound,
        Failed,
    }

    public async Task<ReconcileSummary> RunAsync(ReconcileScope scope, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var o = options.CurrentValue;
        var tally = new Tally();
        string? error = null;
        try
        {
            var typeKey = connectorOptions.Value.PaymentTypeKey;
            var typeId = await typeIds.ResolveAsync(typeKey, cancellationToken);
            if (typeId is null)
            {
                error = $"the payment type '{typeKey}' was not found in commercetools (is the connector deployed?)";
            }
            else
            {
                foreach (var window in scope.Windows)
                {
                    if (!await ScanAsync(window, typeId, scope.Deep, o, tally, cancellationToken))
                    {
                        tally.Truncated = true;
                        break;
                    }
                }

                // Disputes change long after the payment did: they are found by their own update time, in the same windows.
                foreach (var window in scope.Windows)
                {
                    if (!await ScanDisputesAsync(window, o, tally, cancellationToken))
                    {
                        tally.Truncated = true;
                        break;
                    }
                }
            }
        }
        catch (CommercetoolsApiException e)
        {
            error = "commercetools: " + e.Message;
        }

        var summary = new ReconcileSummary(tally.Scanned, tally.Checked, tally.Repaired, tally.NotFound, tally.Failed, tally.Truncated,
            time.GetElapsedTime(started), error);
        if (error is null)
        {
            Log.Pass(logger, scope.Deep, summary.Scanned, summary.Checked, summary.Repaired, summary.NotFound, summary.Failed, summary.Truncated,
                (long)summary.Duration.TotalMilliseconds);
        }
        else
        {
            Log.PassFailed(logger, scope.Deep, summary.Scanned, summary.Checked, summary.Repaired, summary.Failed, error);
        }

        return summary;
    }

    /// <summary>Reads one window page by page; false when the per-pass bound was reached before its end.</summary>
    private async Task<bool> ScanAsync(ReconcileWindow window, string typeId, bool deep, ReconcilerOptions o, Tally tally, CancellationToken cancellationToken)
    {
        var baseWhere = $"custom(type(id=\"{CommercetoolsClient.EscapePredicateString(typeId)}\")) and interfaceId is defined"
            + $" and lastModifiedAt > \"{CommercetoolsClient.FormatDateTime(window.After)}\" and lastModifiedAt <= \"{CommercetoolsClient.FormatDateTime(window.AtOrBefore)}\"";
        string? cursor = null;
        while (true)
        {
            var room = o.MaxPaymentsPerRun - tally.Scanned;
            if (room <= 0)
            {
                return false;
            }

            var limit = Math.Min(o.PageSize, room);
            var page = await commercetools.QueryPaymentsAsync(cursor is null ? baseWhere : $"{baseWhere} and {cursor}", Sort, limit, cancellationToken);
            foreach (var payment in page.Results)
            {
                tally.Scanned++;
                if (deep || MayLag(payment))
                {
                    tally.Add(await CheckAsync(payment, cancellationToken));
                }
            }

            if (page.Results.Count < limit)
            {
                return true;
            }

            var last = page.Results[^1];
            if (last.LastModifiedAt is not { } lastModified)
            {
                throw new InvalidOperationException("commercetools returned a payment without lastModifiedAt.");
            }

            var at = CommercetoolsClient.FormatDateTime(lastModified);
            cursor = $"(lastModifiedAt > \"{at}\" or (lastModifiedAt = \"{at}\" and id > \"{CommercetoolsClient.EscapePredicateString(last.Id)}\"))";
        }
    }

    /// <summary>
    /// Whether PayPal may know more than commercetools shows: the order is not final (not COMPLETED or VOIDED), a
    /// transaction is still Pending or Initial, or an authorization is open (neither captured nor voided: PayPal may capture,
    /// void or expire it). A payment settled at PayPal and refunded there is not among them: only a deep pass finds that.
    /// </summary>
    internal static bool MayLag(Payment payment)
    {
        if (payment.PaymentStatus?.InterfaceCode?.ToUpperInvariant() is not ("COMPLETED" or "VOIDED"))
        {
            return true;
        }

        if (payment.Transactions.Any(t => t.State is nameof(TransactionState.Pending) or nameof(TransactionState.Initial)))
        {
            return true;
        }

        bool Has(TransactionType type) => payment.Transactions.Any(t => t.Type == type.ToString() && t.State == nameof(TransactionState.Success));
        return Has(TransactionType.Authorization) && !Has(TransactionType.Charge) && !Has(TransactionType.CancelAuthorization);
    }

    private async Task<Outcome> CheckAsync(Payment payment, CancellationToken cancellationToken)
    {
        var orderId = PaymentGuard.AnchoredOrderId(payment)!;
        telemetry.Checked.Add(1);
        var outcome = await CheckOrderAsync(payment, orderId, cancellationToken);
        if (outcome == Outcome.Repaired)
        {
            telemetry.Repaired.Add(1);
        }
        else if (outcome == Outcome.Failed)
        {
            telemetry.Failed.Add(1);
        }

        return outcome;
    }

    private async Task<Outcome> CheckOrderAsync(Payment payment, string orderId, CancellationToken cancellationToken)
    {
        Connector.PayPal.Models.PayPalOrder order;
        try
        {
            var response = await payPal.Orders.GetAsync(orderId, cancellationToken);
            if (response.Value is not { } value)
            {
                Log.PayPalFailed(logger, payment.Id, orderId, (int)response.StatusCode, "empty answer");
                return Outcome.Failed;
            }

            order = value;
        }
        catch (PayPalApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            Log.OrderNotFound(logger, payment.Id, orderId);
            return Outcome.NotFound;
        }
        catch (PayPalApiException e)
        {
            Log.PayPalFailed(logger, payment.Id, orderId, (int)e.StatusCode, e.Name ?? e.Message);
            return Outcome.Failed;
        }

        return await ApplyAsync(payment, p => PaymentActions.Reconcile(p, order, time.GetUtcNow()), orderId, order.Status, cancellationToken);
    }

    /// <summary>
    /// Disputes PayPal changed in the window (one list call per page), each read in full and applied to the payment holding
    /// its capture with the same pure mapping as the dispute webhooks: a dispute whose events were all lost still reaches
    /// commercetools. False when the per-pass bound was reached.
    /// </summary>
    private async Task<bool> ScanDisputesAsync(ReconcileWindow window, ReconcilerOptions o, Tally tally, CancellationToken cancellationToken)
    {
        string? next = null;
        do
        {
            PayPalDisputeList? page;
            try
            {
                page = (await payPal.Disputes.ListUpdatedAsync(window.After, window.AtOrBefore, next, cancellationToken)).Value;
            }
            catch (PayPalApiException e)
            {
                Log.DisputeListFailed(logger, (int)e.StatusCode, e.Name ?? e.Message);
                tally.ListFailed();
                return true;
            }

            foreach (var summary in page?.Items ?? [])
            {
                if (tally.Scanned >= o.MaxPaymentsPerRun)
                {
                    return false;
                }

                tally.Scanned++;
                telemetry.Checked.Add(1);
                var outcome = await CheckDisputeAsync(summary.DisputeId, cancellationToken);
                tally.Add(outcome);
                if (outcome == Outcome.Repaired)
                {
                    telemetry.Repaired.Add(1);
                }
                else if (outcome == Outcome.Failed)
                {
                    telemetry.Failed.Add(1);
                }
            }

            next = page?.Links.FirstOrDefault(l => l.Rel == "next")?.Href;
        }
        while (next is not null);

        return true;
    }

    private async Task<Outcome> CheckDisputeAsync(string disputeId, CancellationToken cancellationToken)
    {
        PayPalDispute dispute;
        try
        {
            if ((await payPal.Disputes.GetAsync(disputeId, cancellationToken)).Value is not { } value)
            {
                return Outcome.Failed;
            }

            dispute = value;
        }
        catch (PayPalApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return Outcome.NotFound;
        }
        catch (PayPalApiException e)
        {
            Log.DisputeListFailed(logger, (int)e.StatusCode, e.Name ?? e.Message);
            return Outcome.Failed;
        }

        try
        {
            if (await DisputeLookup.FindPaymentAsync(commercetools, dispute, cancellationToken) is not { } payment)
            {
                return Outcome.NotFound;
            }

            var key = connectorOptions.Value.InteractionTypeKey;
            return await ApplyAsync(payment, p => DisputeActions.For(p, dispute, time.GetUtcNow(), key), dispute.DisputeId, dispute.Status, cancellationToken);
        }
        catch (CommercetoolsApiException e)
        {
            Log.CommercetoolsFailed(logger, disputeId, (int)e.StatusCode, e.Code);
            return Outcome.Failed;
        }
        catch (DomainValidationException)
        {
            // The dispute's capture is not a Charge of the payment found: nothing to apply.
            return Outcome.NotFound;
        }
    }

    /// <summary>Computes the actions at the version read and updates; on 409 re-reads and recomputes (bounded, no sleep).</summary>
    private async Task<Outcome> ApplyAsync(Payment payment, Func<Payment, List<UpdateAction>> compute, string source, string? status, CancellationToken cancellationToken)
    {
        try
        {
            var paymentId = payment.Id;
            var update = await commercetools.UpdatePaymentRecomputingAsync(
                payment, compute, MaxAttempts, attempt => Log.Conflict(logger, paymentId, attempt), cancellationToken);
            switch (update.Result)
            {
                case RecomputedUpdateResult.Updated:
                    Log.Repaired(logger, paymentId, source, status, update.Actions.Count);
                    return Outcome.Repaired;
                case RecomputedUpdateResult.ConflictsExhausted:
                    Log.ConflictsExhausted(logger, paymentId, MaxAttempts);
                    return Outcome.Failed;
                default:
                    return Outcome.InLine;
            }
        }
        catch (CommercetoolsApiException e)
        {
            Log.CommercetoolsFailed(logger, payment.Id, (int)e.StatusCode, e.Code);
            return Outcome.Failed;
        }
    }

    private sealed class Tally
    {
        public int Scanned { get; set; }

        public int Checked { get; private set; }

        public int Repaired { get; private set; }

        public int NotFound { get; private set; }

        public int Failed { get; private set; }

        public bool Truncated { get; set; }

        /// <summary>A list that could not be read: the pass failed in part, though no payment was checked.</summary>
        public void ListFailed() => Failed++;

        public void Add(Outcome outcome)
        {
            Checked++;
            switch (outcome)
            {
                case Outcome.Repaired: Repaired++; break;
                case Outcome.NotFound: NotFound++; break;
                case Outcome.Failed: Failed++; break;
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3309, Level = LogLevel.Warning, Message = "Reconciler: PayPal disputes could not be read ({Status} {Reason})")]
        public static partial void DisputeListFailed(ILogger logger, int status, string reason);

        [LoggerMessage(EventId = 3301, Level = LogLevel.Information,
            Message = "Reconciler pass (deep={Deep}): scanned {Scanned}, checked {Checked}, repaired {Repaired}, order not found {NotFound}, failed {Failed}, truncated={Truncated}, {ElapsedMs} ms")]
        public static partial void Pass(ILogger logger, bool deep, int scanned, int @checked, int repaired, int notFound, int failed, bool truncated, long elapsedMs);

        [LoggerMessage(EventId = 3302, Level = LogLevel.Warning,
            Message = "Reconciler pass (deep={Deep}) stopped early after scanning {Scanned}, checking {Checked}, repairing {Repaired}, failing {Failed}: {Reason}")]
        public static partial void PassFailed(ILogger logger, bool deep, int scanned, int @checked, int repaired, int failed, string reason);

        [LoggerMessage(EventId = 3303, Level = LogLevel.Information, Message = "Reconciler: payment {PaymentId} brought in line with PayPal order {OrderId} ({OrderStatus}): {ActionCount} actions")]
        public static partial void Repaired(ILogger logger, string paymentId, string orderId, string? orderStatus, int actionCount);

        [LoggerMessage(EventId = 3304, Level = LogLevel.Warning, Message = "Reconciler: PayPal has no order {OrderId} (payment {PaymentId}); skipped")]
        public static partial void OrderNotFound(ILogger logger, string paymentId, string orderId);

        [LoggerMessage(EventId = 3305, Level = LogLevel.Warning, Message = "Reconciler: reading PayPal order {OrderId} for payment {PaymentId} failed: {Status} {Reason}")]
        public static partial void PayPalFailed(ILogger logger, string paymentId, string orderId, int status, string reason);

        [LoggerMessage(EventId = 3306, Level = LogLevel.Information, Message = "Reconciler: payment {PaymentId} changed meanwhile (attempt {Attempt}); re-reading")]
        public static partial void Conflict(ILogger logger, string paymentId, int attempt);

        [LoggerMessage(EventId = 3307, Level = LogLevel.Warning, Message = "Reconciler: payment {PaymentId} kept changing ({Attempts} attempts); left for the next pass")]
        public static partial void ConflictsExhausted(ILogger logger, string paymentId, int attempts);

        [LoggerMessage(EventId = 3308, Level = LogLevel.Warning, Message = "Reconciler: updating payment {PaymentId} failed: commercetools answered {Status} {Code}")]
        public static partial void CommercetoolsFailed(ILogger logger, string paymentId, int status, string? code);
    }
}
