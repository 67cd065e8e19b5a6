using Connector.PayPal.Models;
using System.Text.Json.Nodes;
using Connector.Domain;
using Connector.Service.Vault;
using Connector.Service.Disputes;
using Connector.Service.ApiExtension;

namespace Connector.Service.ApiExtension.Operations;

/// <summary>
/// <c>createTrackingInformationRequest</c>: adds a tracker to the order for a capture (<c>capture_id</c> or the last
/// successful Charge) with <c>tracking_number</c>, <c>carrier</c> (<c>OTHER</c> + <c>carrier_name_other</c>), <c>notify_payer</c>, <c>items</c>.
/// </summary>
internal sealed class CreateTrackingInformation(OperationServices services) : IPaymentOperation
{
    private static readonly HashSet<string> Allowed = ["tracking_number", "carrier", "carrier_name_other", "capture_id", "notify_payer", "items", "orderId"];

    public async Task<OperationResult> ExecuteAsync(PaymentOperationContext context, CancellationToken cancellationToken)
    {
        var field = context.Field;
        var request = RequestJson.ParseObject(context.RequestValue, field);
        foreach (var (key, _) in request)
        {
            if (!Allowed.Contains(key))
            {
                throw new DomainValidationException($"{field}.{key} is not a tracking field (allowed: {string.Join(", ", Allowed.Order(StringComparer.Ordinal))}).");
            }
        }

        var orderId = PaymentLookups.OrderId(context.Payment, request, field);
        var trackingNumber = RequestJson.OptionalString(request, "tracking_number", field)
            ?? throw new DomainValidationException($"{field}.tracking_number is required.");
        var carrier = RequestJson.OptionalString(request, "carrier", field)
            ?? throw new DomainValidationException($"{field}.carrier is required (use OTHER with carrier_name_other for carriers PayPal does not list).");
        var carrierOther = RequestJson.OptionalString(request, "carrier_name_other", field);
        if (carrier == "OTHER" && carrierOther is null)
        {
            throw new DomainValidationException($"{field}.carrier_name_other is required when carrier is OTHER.");
        }

        var captureId = RequestJson.OptionalString(request, "capture_id", field)
            ?? PaymentLookups.Charge(context.Payment, [], "capture_id", field).InteractionId!;
        var body = new AddTrackerRequest(captureId, trackingNumber, carrier)
        {
            CarrierNameOther = carrierOther,
            NotifyPayer = RequestJson.OptionalBool(request, "notify_payer", field),
            Items = RequestJson.OptionalArray(request, "items", field)?.DeepClone().AsArray(),
        };

        var response = await services.PayPal.Tracking.AddAsync(orderId, body, PaymentLookups.RequestId(context, context.Operation), cancellationToken);
        return OperationResult.Json(response);
    }
}
