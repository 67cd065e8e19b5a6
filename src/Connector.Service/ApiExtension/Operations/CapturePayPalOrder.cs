using System.Text.Json.Nodes;
using Connector.Domain;
using Connector.PayPal;
using Connector.PayPal.Models;
using Connector.Service.Vault;
using Connector.Service.Disputes;
using Connector.Service.ApiExtension;

namespace Connector.Service.ApiExtension.Operations;

/// <summary><c>capturePayPalOrderRequest</c>: captures an approved order; records a Charge with the amount PayPal captured.</summary>
internal sealed class CapturePayPalOrder(OperationServices services, VaultedTokenGuard vaultedTokens, PaymentMethodMirror vaultMirror)
    : OrderPaymentOperation(services, vaultedTokens, vaultMirror)
{
    protected override Task<PayPalResponse<PayPalOrder>> CallPayPalAsync(string orderId, JsonObject? body, string requestId, CancellationToken cancellationToken) =>
        Services.PayPal.Orders.CaptureAsync(orderId, body, requestId, cancellationToken);
}
