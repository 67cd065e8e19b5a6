using System.Text.Json.Nodes;
using Connector.Commercetools.Models;
using Connector.Domain;
using Connector.PayPal;
using Connector.PayPal.Models;
using Connector.Service.Customers;

namespace Connector.Service.Extensions.Operations;

/// <summary>
/// Capturing or authorizing a whole approved order: one PayPal call with the deterministic request id, then one
/// transaction per capture or authorization PayPal reports (with the amount PayPal actually moved), the status
/// fields, and the PaymentMethod mirror when the order vaulted its instrument.
/// </summary>
internal abstract class OrderPaymentOperation(OperationServices services, VaultedTokenGuard vaultedTokens, PaymentMethodMirror vaultMirror) : IPaymentOperation
{
    public abstract string Name { get; }

    protected OperationServices Services => services;

    public async Task<OperationResult> ExecuteAsync(PaymentOperationContext context, CancellationToken cancellationToken)
    {
        var field = Name + "Request";
        var request = RequestJson.ParseObject(context.RequestValue, field);
        var orderId = PaymentLookups.OrderId(context.Payment, request, field);
        var source = RequestJson.OptionalObject(request, "payment_source", field);
        var body = source is null ? null : new JsonObject { ["payment_source"] = source.DeepClone() };
        await vaultedTokens.EnsureOwnedAsync(context.Payment, body?["payment_source"] as JsonObject, field, cancellationToken);
        // An order is captured or authorized once, so the request id is keyed by the order, not the payment version:
        // a client that retries after a 409 (say, a webhook updated the payment meanwhile) gets PayPal's stored answer
        // instead of ORDER_ALREADY_CAPTURED.
        var requestId = PayPalRequestIds.For(context.Payment.Id, Name, 0, orderId + "|" + (source?.ToJsonString() ?? ""));
        var response = await CallPayPalAsync(orderId, body, requestId, cancellationToken);
        var order = response.Value!;
        var now = services.Time.GetUtcNow();
        var actions = new List<UpdateAction>();
        foreach (var (id, status, amount) in MovedMoney(order))
        {
            actions.AddRange(PaymentActions.RecordTransaction(context.Payment, TransactionType, amount, id, State(status), now));
        }

        actions.AddRange(PaymentActions.StatusFields(order));
        // Vault-on-success: the order's instrument is now a saved token; mirror it as a PaymentMethod (best effort).
        await vaultMirror.MirrorVaultedOrderAsync(context.Payment, order, cancellationToken);
        return OperationResult.Json(response.Raw, actions);
    }

    protected abstract TransactionType TransactionType { get; }

    protected abstract Task<PayPalResponse<PayPalOrder>> CallPayPalAsync(string orderId, JsonObject? body, string requestId, CancellationToken cancellationToken);

    protected abstract IEnumerable<(string Id, string? Status, PayPalMoney? Amount)> MovedMoney(PayPalOrder order);

    protected abstract TransactionState State(string? status);
}
