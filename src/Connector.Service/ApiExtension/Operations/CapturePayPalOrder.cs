using Connector.Service.Vault;

namespace Connector.Service.ApiExtension.Operations;

/// <summary><c>capturePayPalOrderRequest</c>: captures an approved order; records a Charge with the amount PayPal captured.</summary>
internal sealed class CapturePayPalOrder(OperationServices services, VaultedTokenGuard vaultedTokens, PaymentMethodMirror vaultMirror)
    : OrderPaymentOperation(services, vaultedTokens, vaultMirror, services.PayPal.Orders.CaptureAsync);
