using System.Text.Json.Nodes;
using Connector.Commercetools.Models;
using Connector.Domain;
using Connector.Domain.Contract;
using Connector.Service.Vault;
using Connector.Service.Disputes;
using Connector.Service.ApiExtension;

namespace Connector.Service.ApiExtension.Operations;

/// <summary>Ids an operation acts on: the payment's own order, and its own transactions.</summary>
internal static class PaymentLookups
{
    public const string OrderIdField = ConnectorContract.PayPalOrderIdField;

    /// <summary>The payment's own PayPal order (see <see cref="PaymentGuard.OrderId"/>).</summary>
    public static string OrderId(Payment payment, JsonObject request, string field) => PaymentGuard.OrderId(payment, request, field);

    public static Transaction Authorization(Payment payment, JsonObject request, string field)
    {
        var id = RequestJson.OptionalString(request, "authorizationId", field);
        if (id is null)
        {
            return PaymentActions.LastSuccessful(payment, TransactionType.Authorization)
                ?? throw new DomainValidationException($"{field}: the payment has no successful Authorization transaction (pass authorizationId).");
        }

        return payment.Transactions.LastOrDefault(t => t.Type == nameof(TransactionType.Authorization) && t.InteractionId == id
                && t.State == nameof(TransactionState.Success))
            ?? throw new DomainValidationException($"{field}.authorizationId '{id}' is not a successful Authorization of this payment.");
    }

    /// <summary>
    /// The Charge an operation acts on: the named one, or the last successful one. Only a Success charge counts unless
    /// <paramref name="anyState"/> (reads): a shopper can add Initial transactions naming any PayPal id.
    /// </summary>
    public static Transaction Charge(Payment payment, JsonObject request, string property, string field, bool anyState = false)
    {
        var id = RequestJson.OptionalString(request, property, field);
        if (id is null)
        {
            return PaymentActions.LastSuccessful(payment, TransactionType.Charge)
                ?? throw new DomainValidationException($"{field}: the payment has no successful Charge transaction (pass {property}).");
        }

        return payment.Transactions.LastOrDefault(t => t.Type == nameof(TransactionType.Charge) && t.InteractionId == id
                && (anyState ? t.State != nameof(TransactionState.Initial) : t.State == nameof(TransactionState.Success)))
            ?? throw new DomainValidationException($"{field}.{property} '{id}' is not a {(anyState ? "" : "successful ")}Charge of this payment.");
    }

    /// <summary>
    /// PayPal answered that it already did what was asked (the first answer was lost): read the payment's own order and
    /// record what PayPal did, as the answer of the operation.
    /// </summary>
    public static async Task<OperationResult> RecordOrderAsync(OperationServices services, Payment payment, string orderId, CancellationToken cancellationToken)
    {
        var order = await services.PayPal.Orders.GetAsync(orderId, cancellationToken);
        return OperationResult.Json(order, [.. PaymentActions.Reconcile(payment, order.Value!, services.Time.GetUtcNow())]);
    }

    /// <summary>A request id for calls that move no money (orders, tracking): a retry at the same version is the same call.</summary>
    public static string RequestId(PaymentOperationContext context, string operation) =>
        PayPalRequestIds.For(context.Payment.Id, operation, context.Payment.Version, context.RequestValue);

    /// <summary>
    /// The request id of a money-moving call, from its intent and never from the payment version: a retry after a 409, a
    /// timeout, a 5xx or a lost answer reproduces it, so PayPal answers the first result instead of moving money again.
    /// Two deliberate identical requests (two partial refunds of 1.00) differ by their <c>idempotencyKey</c>.
    /// </summary>
    public static string IntentRequestId(PaymentOperationContext context, string operation, string target, JsonObject request, params string?[] intent)
    {
        var key = RequestJson.OptionalString(request, "idempotencyKey", operation + "Request");
        if (key is { Length: > 100 })
        {
            throw new DomainValidationException($"{operation}Request.idempotencyKey must be at most 100 characters.");
        }

        return PayPalRequestIds.For(context.Payment.Id, operation, 0, string.Join('\u001f', [target, key ?? "", .. intent.Select(i => i ?? "")]));
    }
}
