using System.Text.Json.Nodes;
using Connector.Commercetools.Models;
using Connector.Domain;
using Connector.PayPal.Models;

namespace Connector.Service.ApiExtension.Operations;

/// <summary>
/// <c>voidPayPalAuthorizationRequest</c>: voids an authorization; records a CancelAuthorization. An authorization is
/// voided once, so the request id is the authorization's, whatever the payment version; voided before (the first answer
/// was lost), the authorization is read and recorded.
/// </summary>
internal sealed class VoidPayPalAuthorization(OperationServices services) : TransactionOperation<PayPalAuthorization>(services)
{
    protected override TransactionType Records => TransactionType.CancelAuthorization;

    protected override IReadOnlySet<string> AlreadyDoneIssues { get; } = new HashSet<string> { "PREVIOUSLY_VOIDED", "AUTHORIZATION_VOIDED" };

    protected override Transaction FindTarget(Payment payment, JsonObject request, string field) => PaymentLookups.Authorization(payment, request, field);

    protected override PayPalCall Prepare(Payment payment, JsonObject request, string field) =>
        new(null, [], Services.PayPal.Payments.VoidAuthorizationAsync);

    // A void may answer 204 without a body: then it succeeded, for the authorization's amount.
    protected override (PayPalMoney? Amount, string Id, TransactionState State) Reported(PayPalAuthorization? value, Transaction target) =>
        (value?.Amount, target.InteractionId!, value is null ? TransactionState.Success : TransactionStates.FromAuthorizationStatus(value.Status));

    protected override Money? FallbackAmount(Transaction target, Money? requested) => PaymentActions.ToMoney(target.Amount);

    protected override bool CanRecover(Payment payment) => true;

    protected override async Task<OperationResult> RecoverAsync(Payment payment, Transaction target, PayPalCall call, CancellationToken cancellationToken) =>
        Record(payment, target, call, await Services.PayPal.Payments.GetAuthorizationAsync(target.InteractionId!, cancellationToken));
}
