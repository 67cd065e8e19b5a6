using Connector.Domain;
using Connector.Service.Vault;
using Connector.Service.Disputes;
using Connector.Service.ApiExtension;

namespace Connector.Service.ApiExtension.Operations;

/// <summary>
/// <c>getPayPalCaptureRequest</c>: reads a capture of this payment (the given <c>captureId</c> or the last successful
/// Charge) and moves its Charge forward to what PayPal reports (a Pending capture that completed becomes Success).
/// </summary>
internal sealed class GetPayPalCapture(OperationServices services) : IPaymentOperation
{
    public async Task<OperationResult> ExecuteAsync(PaymentOperationContext context, CancellationToken cancellationToken)
    {
        var field = context.Field;
        var request = RequestJson.ParseObject(context.RequestValue, field);
        var charge = PaymentLookups.Charge(context.Payment, request, "captureId", field, anyState: true);
        var response = await services.PayPal.Payments.GetCaptureAsync(charge.InteractionId!, cancellationToken);
        var capture = response.Value!;
        return OperationResult.Json(response, [.. PaymentActions.RecordTransaction(context.Payment, TransactionType.Charge, capture.Amount, capture.Id,
            TransactionStates.FromCaptureStatus(capture.Status), services.Time.GetUtcNow(), PaymentActions.ToMoney(charge.Amount))]);
    }
}
