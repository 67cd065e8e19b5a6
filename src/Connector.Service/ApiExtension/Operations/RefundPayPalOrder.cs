using System.Text.Json.Nodes;
using Connector.Commercetools.Models;
using Connector.Domain;
using Connector.PayPal.Models;

namespace Connector.Service.ApiExtension.Operations;

/// <summary>
/// <c>refundPayPalOrderRequest</c>: refunds a capture of this payment fully (no amount: all that is left) or partly;
/// records a Refund with the amount PayPal refunded and its refund id. The request id is the refund's intent (capture,
/// amount, note, invoice id, optional <c>idempotencyKey</c>), so a retry never refunds twice. When PayPal answers that
/// the capture is already fully refunded (a full refund whose answer was lost), the order is read and its refunds are
/// recorded instead of a failure.
/// </summary>
internal sealed class RefundPayPalOrder(OperationServices services) : TransactionOperation<PayPalRefund>(services)
{
    protected override TransactionType Records => TransactionType.Refund;

    protected override IReadOnlySet<string> AlreadyDoneIssues { get; } = new HashSet<string> { "CAPTURE_FULLY_REFUNDED" };

    protected override Transaction FindTarget(Payment payment, JsonObject request, string field) => PaymentLookups.Charge(payment, request, "captureId", field);

    protected override PayPalCall Prepare(Payment payment, JsonObject request, string field)
    {
        var (amount, payPalAmount, amountIntent) = RequestedAmount(request, payment, field);
        var body = new RefundCaptureRequest
        {
            Amount = payPalAmount,
            NoteToPayer = RequestJson.OptionalString(request, "note_to_payer", field),
            InvoiceId = RequestJson.OptionalString(request, "invoice_id", field),
        };
        return new(amount, [amountIntent, body.NoteToPayer, body.InvoiceId],
            (captureId, requestId, ct) => Services.PayPal.Payments.RefundCaptureAsync(captureId, body, requestId, ct));
    }

    protected override (PayPalMoney? Amount, string Id, TransactionState State) Reported(PayPalRefund? value, Transaction target) =>
        (value!.Amount, value.Id, TransactionStates.FromRefundStatus(value.Status));
}
