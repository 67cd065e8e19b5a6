using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Connector.Commercetools;
using Connector.Commercetools.Models;
using Connector.Domain;
using Connector.Domain.Contract;
using Connector.PayPal.Models;
using Connector.Service.ApiExtension;
using Connector.Service.ApiExtension.Operations;

namespace Connector.Service.Disputes;

/// <summary>
/// The payment update actions a PayPal dispute calls for, given the payment as last read. Pure, so webhooks (and their
/// 409 loop), <c>getPayPalDispute</c> and the reconciler share it, and applying the same dispute twice changes nothing:
/// <list type="bullet">
/// <item>one interface interaction per distinct dispute state (the compact view, which carries <c>update_time</c>), added once;</item>
/// <item>the view fields <c>PayPalDisputeId</c> and <c>PayPalDispute</c>, replaced only by a newer state (later <c>update_time</c>,
/// never back from RESOLVED, never to an earlier stage);</item>
/// <item>from the CHARGEBACK stage on, a <c>Chargeback</c> transaction keyed by the dispute id: Pending for the disputed amount
/// while open; on the outcome Success for the amount refunded (buyer favour, accepted) or Failure (anything else).</item>
/// </list>
/// </summary>
internal static class DisputeActions
{
    /// <summary>The <c>type</c> of the interface interaction recorded for each dispute state.</summary>
    public const string InteractionType = "disputeUpdate";

    public const string Resolved = "RESOLVED";

    /// <summary>PayPal's life-cycle stages in order; from index 1 on the disputed money is held.</summary>
    public static readonly IReadOnlyList<string> Stages = ["INQUIRY", "CHARGEBACK", "PRE_ARBITRATION", "ARBITRATION"];

    /// <summary>Outcomes where the buyer got the money back from the merchant.</summary>
    public static readonly IReadOnlySet<string> BuyerOutcomes = new HashSet<string>(StringComparer.Ordinal) { "RESOLVED_BUYER_FAVOUR", "ACCEPTED" };

    /// <summary>The capture the dispute is about (<c>disputed_transactions[0].seller_transaction_id</c>).</summary>
    public static string? CaptureId(PayPalDispute dispute) =>
        dispute.DisputedTransactions.Select(t => t.SellerTransactionId).FirstOrDefault(id => !string.IsNullOrEmpty(id));

    /// <summary>The payment's Charge for the capture, when PayPal made it (never Initial: shoppers can add Initial transactions).</summary>
    public static Transaction? ChargeOf(Payment payment, string? captureId) => captureId is null ? null
        : payment.Transactions.FirstOrDefault(t => t.Type == nameof(TransactionType.Charge) && t.InteractionId == captureId && t.State != nameof(TransactionState.Initial));

    /// <summary>True when the resource lacks what <see cref="For"/> needs, so the full dispute must be read.</summary>
    public static bool IsIncomplete(PayPalDispute dispute) =>
        CaptureId(dispute) is null || dispute.Status is null || dispute.DisputeLifeCycleStage is null || dispute.DisputeAmount is null || dispute.UpdateTime is null
        || (dispute.Status == Resolved && dispute.DisputeOutcome?.OutcomeCode is null);

    public static int StageIndex(string? stage) => stage is null ? -1 : Stages.ToList().IndexOf(stage.ToUpperInvariant());

    /// <summary>The actions for <paramref name="dispute"/> on <paramref name="payment"/>; empty when the payment is already in line.</summary>
    /// <exception cref="DomainValidationException">The dispute is not about a capture of this payment, or lacks its amount.</exception>
    public static List<UpdateAction> For(Payment payment, PayPalDispute dispute, DateTimeOffset now, string interactionTypeKey)
    {
        var captureId = CaptureId(dispute);
        if (ChargeOf(payment, captureId) is null)
        {
            throw new DomainValidationException($"Dispute {dispute.DisputeId} is about capture '{captureId}', which is not a Charge of payment {payment.Id}.");
        }

        var actions = new List<UpdateAction>();
        var view = View(dispute, captureId!);
        var viewText = view.ToJsonString();

        // History: one interaction per distinct state, whatever the order of arrival.
        var logged = payment.InterfaceInteractions.Any(i => i.GetString("type") == InteractionType && i.GetString("data") == viewText);
        if (!logged)
        {
            actions.Add(ActionEnvelope.Interaction(interactionTypeKey, InteractionType, viewText, now));
        }

        // Current view: forward only.
        var stored = StoredView(payment);
        if (IsNewer(stored, dispute) && stored?.ToJsonString() != viewText)
        {
            if (payment.Custom?.GetString(ConnectorContract.PayPalDisputeIdField) != dispute.DisputeId)
            {
                actions.Add(new SetCustomField(ConnectorContract.PayPalDisputeIdField, CustomFieldValues.String(dispute.DisputeId)));
            }

            actions.Add(new SetCustomField(ConnectorContract.PayPalDisputeField, CustomFieldValues.String(viewText)));
        }

        actions.AddRange(Transactions(payment, dispute, now));
        return actions;
    }

    /// <summary>
    /// Whether a refund or reversal of the dispute's capture is the money the dispute moved (recorded under the dispute's
    /// Chargeback, not a second time): the dispute is past INQUIRY and lists a money movement of the same amount started
    /// in the same second; a reversal while such a dispute is still open is its money too (PayPal holds the funds then).
    /// </summary>
    public static bool Settles(PayPalDispute dispute, Money? amount, DateTimeOffset? createTime, bool reversal)
    {
        if (StageIndex(dispute.DisputeLifeCycleStage) < 1)
        {
            return false;
        }

        if (reversal && dispute.Status != Resolved)
        {
            return true;
        }

        return amount is { } moved && dispute.MoneyMovements.Any(m =>
            m.Amount is { } a && a.CurrencyCode == moved.CurrencyCode
            && Money.FromPayPalValue(Unsigned(a.Value), a.CurrencyCode, moved.FractionDigits).CompareTo(moved) == 0
            && (createTime is null || (Time(m.InitiatedTime) is { } initiated && Math.Abs((initiated - createTime.Value).TotalSeconds) < 1)));
    }

    /// <summary>The compact view stored in <c>PayPalDispute</c>, parsed; null when absent or unreadable.</summary>
    public static JsonObject? StoredView(Payment payment)
    {
        var text = payment.Custom?.GetString(ConnectorContract.PayPalDisputeField);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The compact view: what a merchant needs at a glance. Property order is fixed, so equal states give equal text.</summary>
    public static JsonObject View(PayPalDispute dispute, string captureId)
    {
        var view = new JsonObject
        {
            ["id"] = dispute.DisputeId,
            ["captureId"] = captureId,
            ["status"] = dispute.Status,
            ["stage"] = dispute.DisputeLifeCycleStage,
            ["reason"] = dispute.Reason,
            ["amount"] = MoneyJson(dispute.DisputeAmount),
            ["sellerResponseDueDate"] = dispute.SellerResponseDueDate,
            ["outcome"] = dispute.DisputeOutcome?.OutcomeCode,
            ["amountRefunded"] = MoneyJson(dispute.DisputeOutcome?.AmountRefunded),
            ["evidenceCount"] = dispute.Evidences is { Count: > 0 } evidences ? evidences.Count : null,
            ["updateTime"] = dispute.UpdateTime,
        };
        foreach (var key in view.Where(p => p.Value is null).Select(p => p.Key).ToList())
        {
            view.Remove(key);
        }

        return view;
    }

    private static JsonObject? MoneyJson(PayPalMoney? money) =>
        money is null ? null : new JsonObject { ["currency_code"] = money.CurrencyCode, ["value"] = money.Value };

    private static bool IsNewer(JsonObject? stored, PayPalDispute dispute)
    {
        if (stored is null)
        {
            return true;
        }

        var storedTime = Time(Text(stored, "updateTime"));
        var incomingTime = Time(dispute.UpdateTime);
        if (Text(stored, "id") != dispute.DisputeId)
        {
            // Another dispute of the payment: the view shows the most recently changed one.
            return storedTime is null || (incomingTime is { } t && (t > storedTime
                || (t == storedTime && string.CompareOrdinal(dispute.DisputeId, Text(stored, "id")) > 0)));
        }

        if (Text(stored, "status") == Resolved)
        {
            return false;
        }

        var storedStage = StageIndex(Text(stored, "stage"));
        var incomingStage = StageIndex(dispute.DisputeLifeCycleStage);
        if (incomingStage < storedStage)
        {
            return false;
        }

        if (dispute.Status == Resolved)
        {
            return true;
        }

        if (storedTime is null || incomingTime > storedTime)
        {
            return true;
        }

        // PayPal's times have one-second resolution: within the same second, the step further along wins (a later stage,
        // more evidence, then waiting for a party after a review), so a replay of the earlier step never wins.
        var storedEvidence = stored["evidenceCount"] is JsonValue count && count.TryGetValue<int>(out var n) ? n : 0;
        var incomingEvidence = dispute.Evidences?.Count ?? 0;
        return incomingTime == storedTime
            && (incomingStage, incomingEvidence, StatusRank(dispute.Status)).CompareTo((storedStage, storedEvidence, StatusRank(Text(stored, "status")))) > 0;
    }

    private static int StatusRank(string? status) => status switch
    {
        "UNDER_REVIEW" => 1,
        "WAITING_FOR_SELLER_RESPONSE" or "WAITING_FOR_BUYER_RESPONSE" => 2,
        Resolved => 3,
        _ => 0,
    };

    private static IEnumerable<UpdateAction> Transactions(Payment payment, PayPalDispute dispute, DateTimeOffset now)
    {
        if (StageIndex(dispute.DisputeLifeCycleStage) < 1)
        {
            // An inquiry holds no money: no transaction (its refund, if any, is a Refund).
            return [];
        }

        var amount = dispute.DisputeAmount ?? throw new DomainValidationException($"Dispute {dispute.DisputeId} has no dispute_amount.");
        var existing = payment.Transactions
            .Where(t => t.Type == nameof(TransactionType.Chargeback) && t.InteractionId == dispute.DisputeId && t.State != nameof(TransactionState.Initial))
            .ToList();
        if (dispute.Status != Resolved)
        {
            // Open: Pending once; never added again after the outcome (an UPDATED delivered after RESOLVED).
            return existing.Count == 0
                ? PaymentActions.RecordTransaction(payment, TransactionType.Chargeback, amount, dispute.DisputeId, TransactionState.Pending, now).ToList()
                : [];
        }

        var refunded = dispute.DisputeOutcome?.AmountRefunded ?? amount;
        var buyerGotMoney = BuyerOutcomes.Contains(dispute.DisputeOutcome?.OutcomeCode ?? "")
            && !Money.FromPayPalValue(refunded.Value, refunded.CurrencyCode).IsZero;
        if (!buyerGotMoney)
        {
            return PaymentActions.RecordTransaction(payment, TransactionType.Chargeback, amount, dispute.DisputeId, TransactionState.Failure, now).ToList();
        }

        var actions = PaymentActions.RecordTransaction(payment, TransactionType.Chargeback, refunded, dispute.DisputeId, TransactionState.Success, now).ToList();
        // The Pending one was for the disputed amount; when less was refunded, it did not happen as such.
        var movedOrAdded = actions.OfType<ChangeTransactionState>().Select(c => c.TransactionId).ToHashSet(StringComparer.Ordinal);
        foreach (var pending in existing.Where(t => t.State == nameof(TransactionState.Pending) && !movedOrAdded.Contains(t.Id)))
        {
            actions.Add(new ChangeTransactionState(pending.Id, nameof(TransactionState.Failure)));
        }

        return actions;
    }

    private static string Unsigned(string value) => value.StartsWith('-') ? value[1..] : value;

    private static string? Text(JsonObject obj, string property) =>
        obj[property] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 ? s : null;

    private static DateTimeOffset? Time(string? text) =>
        text is not null && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null;
}
