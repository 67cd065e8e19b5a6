using System.Text.Json.Nodes;
using Connector.Commercetools.Models;
using Connector.Domain;
using Connector.PayPal.Models;

namespace Connector.Service.Extensions;

/// <summary>Builds payment update actions from what PayPal reported: transactions and status fields.</summary>
internal static class PaymentActions
{
    /// <summary>
    /// Records a PayPal money movement as a transaction, keyed by (type, interactionId): adds it when absent,
    /// moves its state forward when present (a webhook may have recorded it first), and does nothing otherwise.
    /// </summary>
    public static IEnumerable<UpdateAction> RecordTransaction(Payment payment, TransactionType type, PayPalMoney? amount, string interactionId,
        TransactionState state, DateTimeOffset timestamp, Money? fallbackAmount = null)
    {
        var typeName = type.ToString();
        var existing = payment.Transactions.FirstOrDefault(t => t.Type == typeName && t.InteractionId == interactionId);
        if (existing is not null)
        {
            if (Enum.TryParse<TransactionState>(existing.State, out var current) && TransactionStates.CanMove(current, state))
            {
                yield return new ChangeTransactionState(existing.Id, state.ToString());
            }

            yield break;
        }

        var money = amount is not null
            ? Money.FromPayPalValue(amount.Value, amount.CurrencyCode, CommercetoolsDigits(payment, amount.CurrencyCode))
            : fallbackAmount ?? throw new InvalidOperationException("PayPal reported no amount for " + interactionId);
        yield return new AddTransaction(new TransactionDraft
        {
            Type = typeName,
            Amount = ToTypedMoney(money),
            InteractionId = interactionId,
            State = state.ToString(),
            Timestamp = timestamp,
        });
    }

    /// <summary>The status fields of spec §3: interface code and text = order status; method info from the payment source.</summary>
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
