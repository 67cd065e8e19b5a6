using Connector.Commercetools.Models;
using Connector.Domain;
using Connector.PayPal;
using Connector.PayPal.Models;
using Connector.Service.Vault;
using Connector.Service.Disputes;
using Connector.Service.ApiExtension;

namespace Connector.Service.ApiExtension.Operations;

/// <summary>
/// <c>refundPayPalOrderRequest</c>: refunds a capture of this payment fully (no amount: all that is left) or partly;
/// records a Refund with the amount PayPal refunded and its refund id. The request id is the refund's intent (capture,
/// amount, note, invoice id, optional <c>idempotencyKey</c>), so a retry never refunds twice. When PayPal answers that
/// the capture is already fully refunded (a full refund whose answer was lost), the order is read and its refunds are
/// recorded instead of a failure.
/// </summary>
internal sealed class RefundPayPalOrder(OperationServices services) : IPaymentOperation
{
    public async Task<OperationResult> ExecuteAsync(PaymentOperationContext context, CancellationToken cancellationToken)
    {
        var field = context.Field;
        var request = RequestJson.ParseObject(context.RequestValue, field);
        var charge = PaymentLookups.Charge(context.Payment, request, "captureId", field);
        var amount = AmountArgument.Parse(request, context.Payment, field);
        var body = new RefundCaptureRequest
        {
            Amount = amount is { } m ? new PayPalMoney(m.CurrencyCode, m.ToPayPalValue(field + ".amount")) : null,
            NoteToPayer = RequestJson.OptionalString(request, "note_to_payer", field),
            InvoiceId = RequestJson.OptionalString(request, "invoice_id", field),
        };
        var requestId = PaymentLookups.IntentRequestId(context, context.Operation, charge.InteractionId!, request,
            body.Amount is { } a ? $"{a.Value} {a.CurrencyCode}" : "full", body.NoteToPayer, body.InvoiceId);
        try
        {
            var response = await services.PayPal.Payments.RefundCaptureAsync(charge.InteractionId!, body, requestId, cancellationToken);
            var refund = response.Value!;
            var actions = PaymentActions.RecordTransaction(context.Payment, TransactionType.Refund, refund.Amount, refund.Id,
                TransactionStates.FromRefundStatus(refund.Status), services.Time.GetUtcNow(), amount).ToList();
            return OperationResult.Json(response, actions);
        }
        catch (PayPalApiException e) when (amount is null && e.Issues.Contains("CAPTURE_FULLY_REFUNDED") && PaymentGuard.AnchoredOrderId(context.Payment) is { } orderId)
        {
            return await PaymentLookups.RecordOrderAsync(services, context.Payment, orderId, cancellationToken);
        }
    }
}
