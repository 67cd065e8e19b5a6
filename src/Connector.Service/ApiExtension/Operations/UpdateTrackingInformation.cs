using Connector.Domain;
using Connector.Service.Vault;
using Connector.Service.Disputes;
using Connector.Service.ApiExtension;

namespace Connector.Service.ApiExtension.Operations;

/// <summary>
/// <c>updateTrackingInformationRequest</c>: JSON-Patches a tracker (<c>trackingId</c>, default
/// <c>&lt;captureId&gt;-&lt;tracking_number&gt;</c>); PayPal answers 204, the response field is <c>{"status":"success"}</c>.
/// </summary>
internal sealed class UpdateTrackingInformation(OperationServices services) : IPaymentOperation
{
    public async Task<OperationResult> ExecuteAsync(PaymentOperationContext context, CancellationToken cancellationToken)
    {
        var field = context.Field;
        var request = RequestJson.ParseObject(context.RequestValue, field);
        var orderId = PaymentLookups.OrderId(context.Payment, request, field);
        var patch = RequestJson.OptionalArray(request, "patch", field) ?? throw new DomainValidationException($"{field}.patch (a JSON Patch array) is required.");
        if (patch.Count == 0)
        {
            throw new DomainValidationException($"{field}.patch must not be empty.");
        }

        var trackingId = RequestJson.OptionalString(request, "trackingId", field);
        if (trackingId is null)
        {
            var number = RequestJson.OptionalString(request, "tracking_number", field)
                ?? throw new DomainValidationException($"{field}: pass trackingId, or tracking_number to address the tracker of the last capture.");
            var capture = PaymentLookups.Charge(context.Payment, request, "capture_id", field);
            trackingId = $"{capture.InteractionId}-{number}";
        }

        await services.PayPal.Tracking.UpdateAsync(orderId, trackingId, (System.Text.Json.Nodes.JsonArray)patch.DeepClone(), cancellationToken);
        return OperationResult.Success();
    }
}
