using Connector.Commercetools.Models;
using Connector.Domain;

namespace Connector.Service.Extensions.Operations;

/// <summary><c>capturePayPalOrderRequest</c>: captures an approved order; records a Charge with the amount PayPal captured.</summary>
internal sealed class CapturePayPalOrder(OperationServices services) : IPaymentOperation
{
    public string Name => "capturePayPalOrder";

    public async Task<OperationResult> ExecuteAsync(PaymentOperationContext context, CancellationToken cancellationToken)
    {
        var field = Name + "Request";
        var request = RequestJson.ParseObject(context.RequestValue, field);
        var orderId = PaymentLookups.OrderId(context.Payment, request, field);
        var body = RequestJson.OptionalObject(request, "payment_source", field) is { } source ? new System.Text.Json.Nodes.JsonObject { ["payment_source"] = source.DeepClone() } : null;
        var response = await services.PayPal.CaptureOrderAsync(orderId, body, PaymentLookups.RequestId(context, Name), cancellationToken);
        var order = response.Value!;
        var now = services.Time.GetUtcNow();
        var actions = new List<UpdateAction>();
        foreach (var capture in PaymentActions.Captures(order))
        {
            actions.AddRange(PaymentActions.RecordTransaction(context.Payment, TransactionType.Charge, capture.Amount, capture.Id,
                TransactionStates.FromCaptureStatus(capture.Status), now));
        }

        actions.AddRange(PaymentActions.StatusFields(order));
        return OperationResult.Json(response.Raw, actions);
    }
}
