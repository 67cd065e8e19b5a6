using Connector.Commercetools;
using Connector.Commercetools.Models;
using Connector.Domain;
using Connector.Domain.Contract;
using Connector.PayPal;
using Connector.PayPal.Models;
using Connector.Service.Configuration;
using Connector.Service.Vault;
using Connector.Service.ApiExtension.Operations;
using Connector.Service.Disputes;
using Microsoft.Extensions.Options;

namespace Connector.Service.Webhooks;

/// <summary>What the endpoint answers for a verified event.</summary>
internal enum WebhookOutcome
{
    /// <summary>commercetools is in line (changed now, already in line, or nothing to do): 200.</summary>
    Done,

    /// <summary>No payment for a recent event: 404, so PayPal redelivers once the extension has stored the order id.</summary>
    PaymentNotFoundYet,

    /// <summary>commercetools could not be brought in line now: 503, PayPal redelivers.</summary>
    RetryLater,
}

/// <summary>
/// Applies one verified PayPal event to commercetools exactly once. The common case costs two calls: one payment query
/// (by interfaceId, which the connector sets and no shopper can write) and one update at the version read. A 409 means someone else changed the payment
/// meanwhile: re-read it and recompute the actions (which may now be none), a bounded number of times, without sleeping.
/// There is no event-id dedupe store: the apply itself is idempotent, and a store would cost a write per event and,
/// written before the apply, could mark an event done that never reached commercetools.
/// </summary>
internal sealed partial class WebhookProcessor(
    CommercetoolsClient commercetools,
    PayPalClient payPal,
    PaymentMethodMirror paymentMethods,
    PayUponInvoiceMailer payUponInvoice,
    IOptionsMonitor<WebhookOptions> options,
    IOptions<ConnectorOptions> connectorOptions,
    TimeProvider time,
    ILogger<WebhookProcessor> logger)
{
    /// <summary>Attempts per event: the first plus re-reads after 409; enough for a burst of concurrent deliveries.</summary>
    internal const int MaxAttempts = 12;

    public async Task<WebhookOutcome> ProcessAsync(PayPalWebhookEvent evt, CancellationToken cancellationToken)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object?> { ["WebhookEventId"] = evt.Id, ["WebhookEventType"] = evt.EventType });
        try
        {
            if (evt.EventType is "VAULT.PAYMENT-TOKEN.CREATED" or "VAULT.PAYMENT-TOKEN.DELETED")
            {
                await ApplyVaultEventAsync(evt, cancellationToken);
                return WebhookOutcome.Done;
            }

            if (WebhookActions.IsDisputeEvent(evt.EventType))
            {
                return await ApplyDisputeEventAsync(evt, cancellationToken);
            }

            if (!WebhookActions.IsPaymentEvent(evt.EventType))
            {
                Log.Ignored(logger, evt.Id, evt.EventType);
                return WebhookOutcome.Done;
            }

            return await ApplyPaymentEventAsync(evt, cancellationToken);
        }
        catch (CommercetoolsApiException e)
        {
            Log.CommercetoolsFailed(logger, evt.Id, (int)e.StatusCode, e.Code);
            return WebhookOutcome.RetryLater;
        }
        catch (PayPalApiException e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            // The dispute named by the event is not ours (or gone): redelivering cannot help.
            Log.Unreadable(logger, evt.Id, evt.EventType, "PayPal does not know the dispute (404)");
            return WebhookOutcome.Done;
        }
        catch (PayPalApiException e)
        {
            Log.PayPalFailed(logger, evt.Id, evt.EventType, (int)e.StatusCode, e.Name);
            return WebhookOutcome.RetryLater;
        }
    }

    /// <summary>
    /// A <c>CUSTOMER.DISPUTE.*</c> event: the dispute from the resource (read in full with one PayPal call when the resource
    /// lacks fields), the payment holding its capture as a Charge, then <see cref="DisputeActions.For"/> at the version read.
    /// </summary>
    private async Task<WebhookOutcome> ApplyDisputeEventAsync(PayPalWebhookEvent evt, CancellationToken cancellationToken)
    {
        PayPalDispute dispute;
        try
        {
            dispute = WebhookActions.ReadDispute(evt);
        }
        catch (DomainValidationException e)
        {
            Log.Unreadable(logger, evt.Id, evt.EventType, e.Message);
            return WebhookOutcome.Done;
        }

        if (DisputeActions.IsIncomplete(dispute))
        {
            dispute = (await payPal.Disputes.GetAsync(dispute.DisputeId, cancellationToken)).Value
                ?? throw new PayPalApiException(System.Net.HttpStatusCode.NotFound, null, "empty dispute", null, [], "");
        }

        var payment = await DisputeLookup.FindPaymentAsync(commercetools, dispute, cancellationToken);
        if (payment is null)
        {
            return NotFound(evt, DisputeActions.CaptureId(dispute));
        }

        var key = connectorOptions.Value.InteractionTypeKey;
        return await ApplyAsync(evt, payment, p => DisputeActions.For(p, dispute, time.GetUtcNow(), key), cancellationToken);
    }

    /// <summary>
    /// A reversal (always) or a refund (when the payment has a dispute on record) may be the money a dispute past the
    /// inquiry stage moved; then it is recorded as that dispute's Chargeback and not a second time (docs/disputes.md).
    /// One list call, and one read per dispute past the inquiry stage on the capture.
    /// </summary>
    private async Task<PayPalDispute?> SettlingDisputeAsync(PayPalWebhookEvent evt, Payment payment, CancellationToken cancellationToken)
    {
        var reversal = evt.EventType == "PAYMENT.CAPTURE.REVERSED";
        if (!reversal && evt.EventType != "PAYMENT.CAPTURE.REFUNDED")
        {
            return null;
        }

        var hasDispute = payment.Custom?.Has(ConnectorContract.PayPalDisputeIdField) == true
            || payment.Transactions.Any(t => t.Type == nameof(TransactionType.Chargeback) && t.State != nameof(TransactionState.Initial));
        if ((!reversal && !hasDispute) || evt.CaptureId is not { } captureId)
        {
            return null;
        }

        var list = (await payPal.Disputes.ListByCaptureAsync(captureId, cancellationToken)).Value;
        var candidates = list?.Items.Where(d => DisputeActions.StageIndex(d.DisputeLifeCycleStage) >= 1).ToList() ?? [];
        if (candidates.Count == 0)
        {
            return null;
        }

        var value = PayPalWebhookEvent.Text(evt.Resource["amount"] as System.Text.Json.Nodes.JsonObject, "value");
        var currency = PayPalWebhookEvent.Text(evt.Resource["amount"] as System.Text.Json.Nodes.JsonObject, "currency_code");
        Money? amount = null;
        if (value is not null && currency is not null)
        {
            try
            {
                amount = Money.FromPayPalValue(value.TrimStart('-'), currency);
            }
            catch (DomainValidationException)
            {
                // Unreadable amount: WebhookActions reports it.
            }
        }

        DateTimeOffset? created = PayPalWebhookEvent.Text(evt.Resource, "create_time") is { } t
            && DateTimeOffset.TryParse(t, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var parsed) ? parsed : null;
        foreach (var candidate in candidates)
        {
            var full = (await payPal.Disputes.GetAsync(candidate.DisputeId, cancellationToken)).Value;
            if (full is not null && DisputeActions.CaptureId(full) == captureId && DisputeActions.Settles(full, amount, created, reversal))
            {
                return full;
            }
        }

        return null;
    }

    private WebhookOutcome NotFound(PayPalWebhookEvent evt, string? reference)
    {
        var window = TimeSpan.FromMinutes(options.CurrentValue.WebhookUnknownPaymentRetryMinutes);
        var recent = evt.CreateTime is not { } created || time.GetUtcNow() - created < window;
        Log.PaymentNotFound(logger, evt.Id, evt.EventType, reference, recent);
        return recent ? WebhookOutcome.PaymentNotFoundYet : WebhookOutcome.Done;
    }

    private async Task<WebhookOutcome> ApplyPaymentEventAsync(PayPalWebhookEvent evt, CancellationToken cancellationToken)
    {
        var payment = await FindPaymentAsync(evt, cancellationToken);
        if (payment is null)
        {
            return NotFound(evt, evt.OrderId ?? evt.CaptureId);
        }

        if (await SettlingDisputeAsync(evt, payment, cancellationToken) is { } dispute)
        {
            Log.DisputeSettlement(logger, evt.Id, evt.EventType, dispute.DisputeId);
            var key = connectorOptions.Value.InteractionTypeKey;
            return await ApplyAsync(evt, payment, p => DisputeActions.For(p, dispute, time.GetUtcNow(), key), cancellationToken);
        }

        return await ApplyAsync(evt, payment, p => WebhookActions.For(evt, p, time.GetUtcNow()), cancellationToken);
    }

    /// <summary>Computes the actions on the payment as read and updates at that version; on 409 re-reads and recomputes (bounded).</summary>
    private async Task<WebhookOutcome> ApplyAsync(PayPalWebhookEvent evt, Payment payment, Func<Payment, List<UpdateAction>> compute, CancellationToken cancellationToken)
    {
        var paymentId = payment.Id;
        RecomputedUpdate update;
        try
        {
            update = await commercetools.UpdatePaymentRecomputingAsync(
                payment, compute, MaxAttempts, attempt => Log.Conflict(logger, evt.Id, paymentId, attempt), cancellationToken);
        }
        catch (DomainValidationException e)
        {
            // The event itself is unusable; redelivering it cannot help.
            Log.Unreadable(logger, evt.Id, evt.EventType, e.Message);
            return WebhookOutcome.Done;
        }

        switch (update.Result)
        {
            case RecomputedUpdateResult.InLine:
                Log.AlreadyInLine(logger, evt.Id, paymentId);
                return WebhookOutcome.Done;
            case RecomputedUpdateResult.Updated:
                Log.Applied(logger, evt.Id, evt.EventType, paymentId, update.Actions.Count);
                if (evt.EventType == "PAYMENT.CAPTURE.COMPLETED" && MadeChargeSuccessful(update.Actions) && evt.OrderId is { } orderId)
                {
                    // This delivery, and no other, moved the Charge to Success: the one place to send the invoice mail.
                    await payUponInvoice.SendIfPayUponInvoiceAsync(paymentId, orderId, cancellationToken);
                }

                return WebhookOutcome.Done;
            case RecomputedUpdateResult.Gone:
                return WebhookOutcome.Done;
            default:
                return WebhookOutcome.RetryLater;
        }
    }

    private static bool MadeChargeSuccessful(IReadOnlyList<UpdateAction> actions) => actions.Any(a => a switch
    {
        AddTransaction add => add.Transaction.Type == nameof(TransactionType.Charge) && add.Transaction.State == nameof(TransactionState.Success),
        ChangeTransactionState change => change.State == nameof(TransactionState.Success),
        _ => false,
    });

    /// <summary>
    /// One query: the payment whose interfaceId is the event's order; for refunds and reversals that carry
    /// no order id, the payment holding the capture as a transaction.
    /// </summary>
    private async Task<Payment?> FindPaymentAsync(PayPalWebhookEvent evt, CancellationToken cancellationToken)
    {
        string where;
        if (evt.OrderId is { } orderId)
        {
            var id = CommercetoolsClient.EscapePredicateString(orderId);
            // interfaceId only: PayPalOrderId is a custom field a shopper can write on their own payment.
            where = $"interfaceId=\"{id}\"";
        }
        else if (evt.CaptureId is { } captureId)
        {
            // A shopper can add Initial transactions naming any id through My Payments; PayPal's charges are never Initial.
            where = ChargeWhere(captureId);
        }
        else
        {
            return null;
        }

        var page = await commercetools.QueryPaymentsAsync(where, 2, cancellationToken);
        if (page.Results.Count > 1)
        {
            Log.Ambiguous(logger, evt.Id, page.Results.Count);
        }

        // The oldest-created comes first by default; several payments for one order would be a merchant setup error.
        return page.Results.FirstOrDefault();
    }

    /// <summary>A shopper can add Initial transactions naming any id through My Payments; PayPal's charges are never Initial.</summary>
    private static string ChargeWhere(string captureId) => DisputeLookup.ChargeWhere(captureId);

    private async Task ApplyVaultEventAsync(PayPalWebhookEvent evt, CancellationToken cancellationToken)
    {
        if (evt.EventType == "VAULT.PAYMENT-TOKEN.CREATED")
        {
            var created = await paymentMethods.EnsureForPayPalCustomerAsync(evt.Resource, cancellationToken);
            Log.VaultEvent(logger, evt.Id, evt.EventType, created is not null);
            return;
        }

        var removed = PayPalWebhookEvent.Text(evt.Resource, "id") is { } tokenId && await paymentMethods.RemoveAsync(tokenId, cancellationToken);
        Log.VaultEvent(logger, evt.Id, evt.EventType, removed);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3110, Level = LogLevel.Information, Message = "Webhook {EventId} ({EventType}) applied to payment {PaymentId}: {ActionCount} actions")]
        public static partial void Applied(ILogger logger, string eventId, string eventType, string paymentId, int actionCount);

        [LoggerMessage(EventId = 3111, Level = LogLevel.Information, Message = "Webhook {EventId}: payment {PaymentId} already in line")]
        public static partial void AlreadyInLine(ILogger logger, string eventId, string paymentId);

        [LoggerMessage(EventId = 3112, Level = LogLevel.Information, Message = "Webhook {EventId}: payment {PaymentId} changed meanwhile (attempt {Attempt}); re-reading")]
        public static partial void Conflict(ILogger logger, string eventId, string paymentId, int attempt);

        [LoggerMessage(EventId = 3113, Level = LogLevel.Warning, Message = "Webhook {EventId} ({EventType}): no payment for PayPal order or capture {Reference}; recent={Recent} (recent: 404 so PayPal retries)")]
        public static partial void PaymentNotFound(ILogger logger, string eventId, string eventType, string? reference, bool recent);

        [LoggerMessage(EventId = 3114, Level = LogLevel.Information, Message = "Webhook {EventId}: event type {EventType} is not handled; acknowledged")]
        public static partial void Ignored(ILogger logger, string eventId, string eventType);

        [LoggerMessage(EventId = 3115, Level = LogLevel.Warning, Message = "Webhook {EventId} ({EventType}) cannot be applied and is dropped: {Reason}")]
        public static partial void Unreadable(ILogger logger, string eventId, string eventType, string reason);

        [LoggerMessage(EventId = 3116, Level = LogLevel.Warning, Message = "Webhook {EventId}: commercetools answered {Status} {Code}; answering 503 so PayPal retries")]
        public static partial void CommercetoolsFailed(ILogger logger, string eventId, int status, string? code);

        [LoggerMessage(EventId = 3117, Level = LogLevel.Warning, Message = "Webhook {EventId}: {Count} payments match the PayPal order; using the first")]
        public static partial void Ambiguous(ILogger logger, string eventId, int count);

        [LoggerMessage(EventId = 3118, Level = LogLevel.Information, Message = "Webhook {EventId} ({EventType}): PaymentMethod mirror changed={Changed}")]
        public static partial void VaultEvent(ILogger logger, string eventId, string eventType, bool changed);

        [LoggerMessage(EventId = 3119, Level = LogLevel.Information, Message = "Webhook {EventId} ({EventType}) is the money of dispute {DisputeId}: recorded under the dispute's Chargeback")]
        public static partial void DisputeSettlement(ILogger logger, string eventId, string eventType, string disputeId);

        [LoggerMessage(EventId = 3120, Level = LogLevel.Warning, Message = "Webhook {EventId} ({EventType}): PayPal answered {Status} {Name}; answering 503 so PayPal retries")]
        public static partial void PayPalFailed(ILogger logger, string eventId, string eventType, int status, string? name);
    }
}
