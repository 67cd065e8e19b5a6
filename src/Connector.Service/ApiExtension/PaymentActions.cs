using System.Text.Json.Nodes;
using Connector.Commercetools.Models;
using Connector.Domain;
using Connector.PayPal.Models;
using Connector.Service.ApiExtension.Operations;

namespace Connector.Service.ApiExtension;

/// <summary>Builds payment update actions from what PayPal reported: transactions and status fields.</summary>
internal static class PaymentActions
{
    /// <summary>
    /// Records a PayPal money movement as a transaction, keyed by (type, interactionId, amount): adds it when absent,
    /// moves its state forward when present (a webhook may have recorded it first), and does nothing otherwise. The amount
    /// is part of the key because a shopper can add Initial transactions through My Payments: one naming a PayPal id with
    /// another amount is never taken for PayPal's.
    /// </summary>
    public static IEnumerable<UpdateAction> RecordTransaction(Payment payment, TransactionType type, PayPalMoney? amount, string interactionId,
        TransactionState state, DateTimeOffset timestamp, Money? fallbackAmount = null)
    {
        var typeName = type.ToString();
        Money? reported = amount is not null
            ? Money.FromPayPalValue(amount.Value, amount.CurrencyCode, CommercetoolsDigits(payment, amount.CurrencyCode))
            : null;
        var existing = payment.Transactions.FirstOrDefault(t => t.Type == typeName && t.InteractionId == interactionId
            && (reported is null || SameAmount(t.Amount, reported.Value)));
        if (existing is not null)
        {
            if (Enum.TryParse<TransactionState>(existing.State, out var current) && TransactionStates.CanMove(current, state))
            {
                yield return new ChangeTransactionState(existing.Id, state.ToString());
            }

            yield break;
        }

        var money = reported ?? fallbackAmount ?? throw new InvalidOperationException("PayPal reported no amount for " + interactionId);
        yield return new AddTransaction(new TransactionDraft
        {
            Type = typeName,
            Amount = ToTypedMoney(money),
            InteractionId = interactionId,
            State = state.ToString(),
            Timestamp = timestamp,
        });
    }

    /// <summary>The status fields: interface code and text = order status; method info from the payment source.</summary>
    public static IEnumerable<UpdateAction> StatusFields(PayPalOrder order)
    {
        if (order.Status is { Length: > 0 } status)
        {
            yield return new SetStatusInterfaceCode(status);
            yield return new SetStatusInterfaceText(status);
        }

        if (DescribeMethod(order.PaymentSource) is { } method)
        {
            yield return new SetMethodInfoMethod(method);
        }
    }

    /// <summary><c>"&lt;source&gt; (&lt;detail&gt;)"</c>: card: the card's name; paypal/venmo: the email; others: the source key.</summary>
    public static string? DescribeMethod(JsonObject? paymentSource)
    {
        var first = paymentSource?.FirstOrDefault();
        if (first is null || first.Value.Value is null)
        {
            return null;
        }

        var (key, value) = first.Value;
        string? detail = key switch
        {
            "card" => Text(value?["name"]) ?? Text(value?["brand"]),
            "paypal" or "venmo" => Text(value?["email_address"]),
            _ => null,
        };
        return $"{key} ({detail ?? key})";
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue(out string? text) && !string.IsNullOrWhiteSpace(text) ? text : null;

    public static TypedMoney ToTypedMoney(Money money) => new() { CurrencyCode = money.CurrencyCode, CentAmount = money.MinorUnits };

    public static Money ToMoney(TypedMoney money) => Money.FromCommercetools(money.CentAmount, money.CurrencyCode, money.FractionDigits);

    private static bool SameAmount(TypedMoney recorded, Money reported) => SameAmount(ToMoney(recorded), reported);

    /// <summary>Same currency and the same value, whatever the fraction digits (10.00 and 10.000 EUR are the same amount).</summary>
    public static bool SameAmount(Money a, Money b) => a.CurrencyCode == b.CurrencyCode && a.CompareTo(b) == 0;

    /// <summary>
    /// Status fields from the order, skipping values already set (a no-op costs an update call) and never moving the status
    /// back: an APPROVED read or event after COMPLETED leaves COMPLETED in place.
    /// </summary>
    public static IEnumerable<UpdateAction> StatusFieldsForward(Payment payment, PayPalOrder order)
    {
        var current = payment.PaymentStatus?.InterfaceCode;
        if (order.Status is { Length: > 0 } status && current is not null && Rank(status) < Rank(current))
        {
            yield break;
        }

        foreach (var action in StatusFields(order))
        {
            var unchanged = action switch
            {
                SetStatusInterfaceCode c => c.InterfaceCode == current,
                SetStatusInterfaceText t => t.InterfaceText == payment.PaymentStatus?.InterfaceText,
                SetMethodInfoMethod m => m.Method == payment.PaymentMethodInfo?.Method,
                _ => false,
            };
            if (!unchanged)
            {
                yield return action;
            }
        }
    }

    private static int Rank(string orderStatus) => orderStatus.ToUpperInvariant() switch
    {
        "CREATED" => 0,
        "SAVED" or "PAYER_ACTION_REQUIRED" => 1,
        "APPROVED" or "PENDING_APPROVAL" => 2,
        "COMPLETED" or "VOIDED" => 3,
        _ => 1,
    };

    /// <summary>
    /// Everything PayPal reports of an order that the payment lacks: its authorizations (and their voids), captures and
    /// refunds as transactions, each added once per PayPal id and only ever moved forward, and the status fields. The same
    /// code serves reads (reconcile on read), "already done" answers, webhooks' repairs and the reconciler.
    /// </summary>
    public static List<UpdateAction> Reconcile(Payment payment, PayPalOrder order, DateTimeOffset now)
    {
        var actions = new List<UpdateAction>();
        foreach (var unit in order.PurchaseUnits)
        {
            foreach (var authorization in unit.Payments?.Authorizations ?? [])
            {
                actions.AddRange(RecordTransaction(payment, TransactionType.Authorization, authorization.Amount, authorization.Id,
                    TransactionStates.FromAuthorizationStatus(authorization.Status), now));
                if (string.Equals(authorization.Status, "VOIDED", StringComparison.OrdinalIgnoreCase))
                {
                    actions.AddRange(RecordTransaction(payment, TransactionType.CancelAuthorization, authorization.Amount, authorization.Id,
                        TransactionState.Success, now));
                }
            }

            foreach (var capture in unit.Payments?.Captures ?? [])
            {
                actions.AddRange(RecordTransaction(payment, TransactionType.Charge, capture.Amount, capture.Id,
                    TransactionStates.FromCaptureStatus(capture.Status), now));
            }

            foreach (var refund in unit.Payments?.Refunds ?? [])
            {
                actions.AddRange(RecordTransaction(payment, TransactionType.Refund, refund.Amount, refund.Id,
                    TransactionStates.FromRefundStatus(refund.Status), now));
            }
        }

        actions.AddRange(StatusFieldsForward(payment, order));
        return actions;
    }

    private static int? CommercetoolsDigits(Payment payment, string currency) =>
        string.Equals(payment.AmountPlanned.CurrencyCode, currency, StringComparison.Ordinal) ? payment.AmountPlanned.FractionDigits : null;

    /// <summary>The newest transaction of a type in state Success, if any.</summary>
    public static Transaction? LastSuccessful(Payment payment, TransactionType type) =>
        payment.Transactions.LastOrDefault(t => t.Type == type.ToString() && t.State == nameof(TransactionState.Success) && t.InteractionId is not null);

    /// <summary>All captures and authorizations of an order.</summary>
    public static IEnumerable<PayPalCapture> Captures(PayPalOrder order) =>
        order.PurchaseUnits.SelectMany(u => u.Payments?.Captures ?? []);

    public static IEnumerable<PayPalAuthorization> Authorizations(PayPalOrder order) =>
        order.PurchaseUnits.SelectMany(u => u.Payments?.Authorizations ?? []);
}
