using Connector.Commercetools.Models;
using Connector.Domain;
using Connector.PayPal.Models;

namespace Connector.Service.Extensions.Operations;

/// <summary>
/// <c>refundPayPalOrderRequest</c>: refunds a capture fully (no amount: all that is left) or partly; records a Refund with
/// the amount PayPal refunded and its refund id.
/// </summary>
internal sealed class RefundPayPalOrder(OperationServices services) : IPaymentOperation
{
    public string Name => "refundPayPalOrder";

    public async Task<OperationResult> ExecuteAsync(PaymentOperationContext context, CancellationToken cancellationToken)
    {
        var field = Name + "Request";
        var request = RequestJson.ParseObject(context.RequestValue, field);
        var charge = PaymentLookups.Charge(context.Payment, request, "captureId", field);
        var amount = AmountArgument.Parse(request, context.Payment, field);
        var body = new RefundCaptureRequest
        {
            Amount = amount is { } m ? new PayPalMoney(m.CurrencyCode, m.ToPayPalValue(field + ".amount")) : null,
            NoteToPayer = RequestJson.OptionalString(request, "note_to_payer", field),
            InvoiceId = RequestJson.OptionalString(request, "invoice_id", field),
        };
        var response = await services.PayPal.RefundCaptureAsync(charge.InteractionId!, body, PaymentLookups.RequestId(context, Name), cancellationToken);
        var refund = response.Value!;
        var actions = PaymentActions.RecordTransaction(context.Payment, TransactionType.Refund, refund.Amount, refund.Id,
            TransactionStates.FromRefundStatus(refund.Status), services.Time.GetUtcNow(), amount).ToList();
        return OperationResult.Json(response.Raw, actions);
    }
}
