using System.Text.Json.Nodes;
using Connector.Commercetools.Models;
using Connector.Domain;
using Connector.PayPal;
using Connector.PayPal.Models;
using Connector.Service.Vault;
using Connector.Service.Disputes;
using Connector.Service.ApiExtension;

namespace Connector.Service.ApiExtension.Operations;

/// <summary>
/// Capturing or authorizing the payment's own approved order: the cart is read first (what the payment may move must
/// still be what the order is for), then one PayPal call with a request id keyed by the order, then one transaction per
/// capture or authorization PayPal reports (with the amount PayPal actually moved), the status fields, and the
/// PaymentMethod mirror when the order vaulted its instrument. When PayPal answers that the order is already captured or
/// authorized (the first answer was lost), the order is read and what PayPal did is recorded instead of a failure. A
/// subclass only names the PayPal call (<c>callPayPal</c>: order id, body, request id).
/// </summary>
internal abstract class OrderPaymentOperation(
    OperationServices services,
    VaultedTokenGuard vaultedTokens,
    PaymentMethodMirror vaultMirror,
    Func<string, JsonObject?, string, CancellationToken, Task<PayPalResponse<PayPalOrder>>> callPayPal) : IPaymentOperation
{
    private static readonly HashSet<string> AlreadyDone = ["ORDER_ALREADY_CAPTURED", "ORDER_ALREADY_AUTHORIZED", "ORDER_ALREADY_COMPLETED"];

    public async Task<OperationResult> ExecuteAsync(PaymentOperationContext context, CancellationToken cancellationToken)
    {
        var field = context.Field;
        var payment = context.Payment;
        var request = RequestJson.ParseObject(context.RequestValue, field);
        var orderId = PaymentLookups.OrderId(payment, request, field);
        var source = RequestJson.OptionalObject(request, "payment_source", field);
        var body = source is null ? null : new JsonObject { ["payment_source"] = source.DeepClone() };
        await vaultedTokens.EnsureOwnedAsync(payment, body?["payment_source"] as JsonObject, field, cancellationToken);

        var cart = await services.Commercetools.FindCartByPaymentAsync(payment.Id, cancellationToken);
        var purchase = PaymentGuard.PurchaseAmount(payment, cart, field);
        PaymentGuard.EnsureOrderAmount(payment, orderId, purchase, field);

        // An order is captured or authorized once, so the request id is keyed by the order, not the payment version:
        // a client that retries after a 409 (say, a webhook updated the payment meanwhile) gets PayPal's stored answer
        // instead of ORDER_ALREADY_CAPTURED.
        var requestId = PayPalRequestIds.For(payment.Id, context.Operation, 0, orderId + "|" + (source?.ToJsonString() ?? ""));
        PayPalResponse<PayPalOrder> response;
        try
        {
            response = await callPayPal(orderId, body, requestId, cancellationToken);
        }
        catch (PayPalApiException e) when (e.Issues.Any(AlreadyDone.Contains))
        {
            response = await services.PayPal.Orders.GetAsync(orderId, cancellationToken);
        }

        var order = response.Value!;
        var now = services.Time.GetUtcNow();
        var actions = new List<UpdateAction>(PaymentGuard.AdoptionActions(payment, orderId));
        actions.AddRange(PaymentActions.Reconcile(payment, order, now));
        // Vault-on-success: the order's instrument is now a saved token; mirror it as a PaymentMethod (best effort).
        await vaultMirror.MirrorVaultedOrderAsync(payment, order, cancellationToken);
        return OperationResult.Json(response, actions);
    }
}
