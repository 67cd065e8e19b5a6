namespace Connector.Service.Extensions.Operations;

/// <summary><c>getPayPalCaptureRequest</c>: reads a capture (the given <c>captureId</c> or the last successful Charge).</summary>
internal sealed class GetPayPalCapture(OperationServices services) : IPaymentOperation
{
    public string Name => "getPayPalCapture";

    public async Task<OperationResult> ExecuteAsync(PaymentOperationContext context, CancellationToken cancellationToken)
    {
        var field = Name + "Request";
        var request = RequestJson.ParseObject(context.RequestValue, field);
        var charge = PaymentLookups.Charge(context.Payment, request, "captureId", field);
        var response = await services.PayPal.GetCaptureAsync(charge.InteractionId!, cancellationToken);
        return OperationResult.Json(response.Raw);
    }
}
