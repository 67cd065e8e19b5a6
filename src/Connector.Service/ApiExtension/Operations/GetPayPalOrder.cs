using Connector.Service.Vault;
using Connector.Service.Disputes;
using Connector.Service.ApiExtension;

namespace Connector.Service.ApiExtension.Operations;

/// <summary>
/// <c>getPayPalOrderRequest</c>: reads the payment's own order and reconciles: authorizations, captures and refunds that
/// PayPal reports but commercetools lacks are recorded (once per PayPal id, states only forward), with the status fields.
/// </summary>
internal sealed class GetPayPalOrder(OperationServices services) : IPaymentOperation
{
    public async Task<OperationResult> ExecuteAsync(PaymentOperationContext context, CancellationToken cancellationToken)
    {
        var field = context.Field;
        var request = RequestJson.ParseObject(context.RequestValue, field);
        var orderId = PaymentLookups.OrderId(context.Payment, request, field);
        var response = await services.PayPal.Orders.GetAsync(orderId, cancellationToken);
        return OperationResult.Json(response,
            [.. PaymentGuard.AdoptionActions(context.Payment, orderId), .. PaymentActions.Reconcile(context.Payment, response.Value!, services.Time.GetUtcNow())]);
    }
}
