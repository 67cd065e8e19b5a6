using System.Text.Json.Nodes;
using Connector.Domain;
using Connector.PayPal;
using Connector.PayPal.Models;
using Connector.Service.Vault;
using Connector.Service.Disputes;
using Connector.Service.ApiExtension;

namespace Connector.Service.ApiExtension.Operations;

/// <summary><c>authorizePayPalOrderRequest</c>: authorizes an approved order; records an Authorization with the authorized amount.</summary>
internal sealed class AuthorizePayPalOrder(OperationServices services, VaultedTokenGuard vaultedTokens, PaymentMethodMirror vaultMirror)
    : OrderPaymentOperation(services, vaultedTokens, vaultMirror)
{
    protected override Task<PayPalResponse<PayPalOrder>> CallPayPalAsync(string orderId, JsonObject? body, string requestId, CancellationToken cancellationToken) =>
        Services.PayPal.Orders.AuthorizeAsync(orderId, body, requestId, cancellationToken);
}
