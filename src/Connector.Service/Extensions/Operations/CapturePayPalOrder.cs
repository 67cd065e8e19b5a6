using Connector.Commercetools.Models;
using Connector.Domain;
using Connector.Service.Customers;

namespace Connector.Service.Extensions.Operations;

/// <summary><c>capturePayPalOrderRequest</c>: captures an approved order; records a Charge with the amount PayPal captured.</summary>
internal sealed class CapturePayPalOrder(OperationServices services, VaultedTokenGuard vaultedTokens, PaymentMethodMirror vaultMirror) : IPaymentOperation
{
    public string Name => "capturePayPalOrder";

    public async Task<OperationResult> ExecuteAsync(PaymentOperationContext context, CancellationToken cancellationToken)
    {
        var field = Name + "Request";
        var request = RequestJson.ParseObject(context.RequestValue, field);
        var orderId = PaymentLookups.OrderId(context.Payment, request, field);
        var body = RequestJson.OptionalObject(request, "payment_source", field) is { } source ? new System.Text.Json.Nodes.JsonObject { ["payment_source"] = source.DeepClone() } : null;
        await vaultedTokens.EnsureOwnedAsync(context.Payment, body?["payment_source"] as System.Text.Json.Nodes.JsonObject, field, cancellationToken);
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
        // Vault-on-success: the order's instrument is now a saved token; mirror it as a PaymentMethod (best effort).
        await vaultMirror.MirrorVaultedOrderAsync(context.Payment, order, cancellationToken);
        return OperationResult.Json(response.Raw, actions);
    }
}
