using Connector.Service.Vault;

namespace Connector.Service.ApiExtension.Operations;

/// <summary><c>authorizePayPalOrderRequest</c>: authorizes an approved order; records an Authorization with the authorized amount.</summary>
internal sealed class AuthorizePayPalOrder(OperationServices services, VaultedTokenGuard vaultedTokens, PaymentMethodMirror vaultMirror)
    : OrderPaymentOperation(services, vaultedTokens, vaultMirror, services.PayPal.Orders.AuthorizeAsync);
