using Connector.Commercetools.Models;

namespace Connector.Service.Extensions.Operations;

/// <summary><c>getPayPalOrderRequest</c>: reads the order and refreshes the status fields.</summary>
internal sealed class GetPayPalOrder(OperationServices services) : IPaymentOperation
{
    public string Name => "getPayPalOrder";

    public async Task<OperationResult> ExecuteAsync(PaymentOperationContext context, CancellationToken cancellationToken)
    {
        var field = Name + "Request";
        var request = RequestJson.ParseObject(context.RequestValue, field);
        var orderId = PaymentLookups.OrderId(context.Payment, request, field);
        var response = await services.PayPal.GetOrderAsync(orderId, cancellationToken);
        return OperationResult.Json(response.Raw, [.. PaymentActions.StatusFields(response.Value!)]);
    }
}
