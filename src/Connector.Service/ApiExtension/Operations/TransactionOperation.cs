using System.Text.Json.Nodes;
using Connector.Commercetools.Models;
using Connector.Domain;
using Connector.PayPal;
using Connector.PayPal.Models;

namespace Connector.Service.ApiExtension.Operations;

/// <summary>
/// An operation on one of the payment's own PayPal transactions (capture or void an authorization, refund a capture):
/// the request names the transaction or the last successful one of its kind is taken; the PayPal-Request-Id is the call's
/// intent (transaction, arguments, optional <c>idempotencyKey</c>), never the payment version, so a retry after a 409, a
/// timeout or a lost answer moves money once; the transaction PayPal reports is recorded. When PayPal answers with one of
/// <see cref="AlreadyDoneIssues"/> to a call without an amount (the first answer was lost), what PayPal did is read and
/// recorded instead of a failure: by default the payment's own order (<see cref="PaymentLookups.RecordOrderAsync"/>).
/// </summary>
internal abstract class TransactionOperation<TResult>(OperationServices services) : IPaymentOperation
    where TResult : class
{
    protected OperationServices Services => services;

    /// <summary>The transaction type recorded from PayPal's answer.</summary>
    protected abstract TransactionType Records { get; }

    /// <summary>PayPal issues meaning the call was made before.</summary>
    protected abstract IReadOnlySet<string> AlreadyDoneIssues { get; }

    public async Task<OperationResult> ExecuteAsync(PaymentOperationContext context, CancellationToken cancellationToken)
    {
        var field = context.Field;
        var payment = context.Payment;
        var request = RequestJson.ParseObject(context.RequestValue, field);
        var target = FindTarget(payment, request, field);
        var call = Prepare(payment, request, field);
        var requestId = PaymentLookups.IntentRequestId(context, context.Operation, target.InteractionId!, request, call.Intent);
        try
        {
            return Record(payment, target, call, await call.SendAsync(target.InteractionId!, requestId, cancellationToken));
        }
        catch (PayPalApiException e) when (call.Amount is null && e.Issues.Any(AlreadyDoneIssues.Contains) && CanRecover(payment))
        {
            return await RecoverAsync(payment, target, call, cancellationToken);
        }
    }

    /// <summary>The payment's transaction the call acts on (named in the request, or the last successful one).</summary>
    protected abstract Transaction FindTarget(Payment payment, JsonObject request, string field);

    /// <summary>Reads the operation's arguments into the PayPal call, its requested amount and its intent.</summary>
    protected abstract PayPalCall Prepare(Payment payment, JsonObject request, string field);

    /// <summary>What PayPal reported: amount, PayPal id and state of the transaction to record.</summary>
    protected abstract (PayPalMoney? Amount, string Id, TransactionState State) Reported(TResult? value, Transaction target);

    /// <summary>The amount recorded when PayPal's answer names none: by default the requested one.</summary>
    protected virtual Money? FallbackAmount(Transaction target, Money? requested) => requested;

    /// <summary>Whether what PayPal did can be read back; by default when the payment has its own order.</summary>
    protected virtual bool CanRecover(Payment payment) => PaymentGuard.AnchoredOrderId(payment) is not null;

    /// <summary>Reads and records what PayPal did; by default the payment's own order with all its transactions.</summary>
    protected virtual Task<OperationResult> RecoverAsync(Payment payment, Transaction target, PayPalCall call, CancellationToken cancellationToken) =>
        PaymentLookups.RecordOrderAsync(Services, payment, PaymentGuard.AnchoredOrderId(payment)!, cancellationToken);

    /// <summary>Records the reported transaction; PayPal's answer is the response value (an answer without a body: success).</summary>
    protected OperationResult Record(Payment payment, Transaction target, PayPalCall call, PayPalResponse<TResult> response)
    {
        var (amount, id, state) = Reported(response.Value, target);
        var actions = PaymentActions.RecordTransaction(payment, Records, amount, id, state, Services.Time.GetUtcNow(),
            FallbackAmount(target, call.Amount)).ToList();
        return response.Json is null ? OperationResult.Success(actions) : OperationResult.Json(response, actions);
    }

    /// <summary>
    /// The optional <c>amount</c> argument, exact in the payment's currency and as PayPal writes it, with the intent it
    /// adds to the request id (<c>full</c> without one).
    /// </summary>
    protected static (Money? Amount, PayPalMoney? PayPalAmount, string Intent) RequestedAmount(JsonObject request, Payment payment, string field)
    {
        var amount = AmountArgument.Parse(request, payment, field);
        var payPalAmount = amount is { } m ? new PayPalMoney(m.CurrencyCode, m.ToPayPalValue(field + ".amount")) : null;
        return (amount, payPalAmount, payPalAmount is { } a ? $"{a.Value} {a.CurrencyCode}" : "full");
    }

    /// <summary>
    /// The PayPal call an operation makes on the transaction's PayPal id with a request id; <paramref name="Amount"/> is
    /// the requested amount (null: all of it), <paramref name="Intent"/> what besides the transaction makes the request id.
    /// </summary>
    protected sealed record PayPalCall(
        Money? Amount,
        string?[] Intent,
        Func<string, string, CancellationToken, Task<PayPalResponse<TResult>>> SendAsync);
}
