using System.Text.Json;
using Connector.Commercetools.Models;
using Connector.Domain;
using Connector.PayPal;
using Connector.PayPal.Models;
using Connector.Service.ApiExtension;

namespace Connector.Service.Webhooks;

/// <summary>
/// The payment update actions a webhook event calls for, given the payment as last read. Pure, so the 409 loop can call
/// it again on a fresh read: a transaction keyed by (type, interactionId) is added when absent, moved forward when behind,
/// and left alone otherwise, so applying an event twice, or after the extension recorded the same capture, changes nothing.
/// </summary>
internal static class WebhookActions
{
    /// <summary>Event types that change a payment (the vault events are handled separately).</summary>
    public static bool IsPaymentEvent(string eventType) => eventType switch
    {
        "CHECKOUT.ORDER.APPROVED" or "CHECKOUT.ORDER.COMPLETED"
            or "PAYMENT.AUTHORIZATION.CREATED" or "PAYMENT.AUTHORIZATION.VOIDED"
            or "PAYMENT.CAPTURE.COMPLETED" or "PAYMENT.CAPTURE.PENDING" or "PAYMENT.CAPTURE.DENIED" or "PAYMENT.CAPTURE.DECLINED"
            or "PAYMENT.CAPTURE.REFUNDED" or "PAYMENT.CAPTURE.REVERSED" => true,
        _ => false,
    };

    /// <summary>Dispute events: applied through <see cref="Disputes.DisputeActions"/> to the payment of the disputed capture.</summary>
    public static bool IsDisputeEvent(string eventType) =>
        eventType is "CUSTOMER.DISPUTE.CREATED" or "CUSTOMER.DISPUTE.UPDATED" or "CUSTOMER.DISPUTE.RESOLVED";

    /// <summary>The dispute a <c>CUSTOMER.DISPUTE.*</c> event carries (possibly partial: see <see cref="Disputes.DisputeActions.IsIncomplete"/>).</summary>
    /// <exception cref="DomainValidationException">The resource is not a dispute (no <c>dispute_id</c>).</exception>
    public static PayPalDispute ReadDispute(PayPalWebhookEvent evt)
    {
        if (PayPalWebhookEvent.Text(evt.Resource, "dispute_id") is null)
        {
            throw new DomainValidationException("resource.dispute_id is missing");
        }

        return Read(evt, PayPalJsonContext.Default.PayPalDispute);
    }

    /// <summary>The actions for <paramref name="evt"/> on <paramref name="payment"/>; empty when it is already in line.</summary>
    /// <exception cref="DomainValidationException">The resource cannot be read (no id, no amount, unrepresentable amount).</exception>
    public static List<UpdateAction> For(PayPalWebhookEvent evt, Payment payment, DateTimeOffset now)
    {
        var actions = new List<UpdateAction>();
        switch (evt.EventType)
        {
            case "CHECKOUT.ORDER.APPROVED" or "CHECKOUT.ORDER.COMPLETED":
                var order = Read(evt, PayPalJsonContext.Default.PayPalOrder);
                actions.AddRange(PaymentActions.StatusFieldsForward(payment, order));
                break;
            case "PAYMENT.AUTHORIZATION.CREATED":
                var authorization = Read(evt, PayPalJsonContext.Default.PayPalAuthorization);
                actions.AddRange(Record(payment, TransactionType.Authorization, authorization.Id, authorization.Amount,
                    TransactionStates.FromAuthorizationStatus(authorization.Status), now, null));
                break;
            case "PAYMENT.AUTHORIZATION.VOIDED":
                var voided = Read(evt, PayPalJsonContext.Default.PayPalAuthorization);
                var authorized = payment.Transactions.LastOrDefault(t => t.Type == nameof(TransactionType.Authorization) && t.InteractionId == voided.Id);
                // Keyed by the authorization id, as voidPayPalAuthorization records it.
                actions.AddRange(Record(payment, TransactionType.CancelAuthorization, voided.Id, voided.Amount, TransactionState.Success, now,
                    authorized is null ? null : PaymentActions.ToMoney(authorized.Amount)));
                break;
            case "PAYMENT.CAPTURE.COMPLETED" or "PAYMENT.CAPTURE.PENDING" or "PAYMENT.CAPTURE.DENIED" or "PAYMENT.CAPTURE.DECLINED":
                var capture = Read(evt, PayPalJsonContext.Default.PayPalCapture);
                var captureState = capture.Status is null
                    ? evt.EventType switch
                    {
                        "PAYMENT.CAPTURE.COMPLETED" => TransactionState.Success,
                        "PAYMENT.CAPTURE.PENDING" => TransactionState.Pending,
                        _ => TransactionState.Failure,
                    }
                    : TransactionStates.FromCaptureStatus(capture.Status);
                actions.AddRange(Record(payment, TransactionType.Charge, capture.Id, capture.Amount, captureState, now, null));
                break;
            case "PAYMENT.CAPTURE.REFUNDED":
                var refund = Read(evt, PayPalJsonContext.Default.PayPalRefund);
                actions.AddRange(Record(payment, TransactionType.Refund, refund.Id, refund.Amount, TransactionStates.FromRefundStatus(refund.Status), now, null));
                break;
            case "PAYMENT.CAPTURE.REVERSED":
                // PayPal describes a reversal as a refund resource; the money went back to the payer's side: a Chargeback.
                var reversal = Read(evt, PayPalJsonContext.Default.PayPalRefund);
                var reversalState = reversal.Status is null ? TransactionState.Success : TransactionStates.FromRefundStatus(reversal.Status);
                actions.AddRange(Record(payment, TransactionType.Chargeback, reversal.Id, reversal.Amount, reversalState, now, null));
                break;
        }

        return actions;
    }

    private static IEnumerable<UpdateAction> Record(Payment payment, TransactionType type, string? id, PayPalMoney? amount, TransactionState state,
        DateTimeOffset now, Money? fallback)
    {
        if (string.IsNullOrEmpty(id))
        {
            throw new DomainValidationException("resource.id is missing");
        }

        var exists = payment.Transactions.Any(t => t.Type == type.ToString() && t.InteractionId == id);
        if (!exists && amount is null && fallback is null)
        {
            throw new DomainValidationException("resource.amount is missing");
        }

        // Reversal amounts may come signed; the transaction amount is what moved.
        var positive = amount is { Value: ['-', .. var rest] } ? amount with { Value = rest } : amount;
        return PaymentActions.RecordTransaction(payment, type, positive, id, state, now, fallback).ToList();
    }

    private static T Read<T>(PayPalWebhookEvent evt, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo)
    {
        try
        {
            return evt.Resource.Deserialize(typeInfo) ?? throw new DomainValidationException("resource is null");
        }
        catch (JsonException e)
        {
            throw new DomainValidationException($"resource cannot be read as {typeof(T).Name}: {e.Message}");
        }
    }
}
