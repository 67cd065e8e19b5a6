using Connector.Commercetools.Models;
using Connector.Domain;
using Connector.PayPal;
using Connector.PayPal.Models;
using Connector.Service.Vault;
using Connector.Service.Disputes;
using Connector.Service.ApiExtension;

namespace Connector.Service.ApiExtension.Operations;

/// <summary><c>voidPayPalAuthorizationRequest</c>: voids an authorization; records a CancelAuthorization.</summary>
internal sealed class VoidPayPalAuthorization(OperationServices services) : IPaymentOperation
{
    public async Task<OperationResult> ExecuteAsync(PaymentOperationContext context, CancellationToken cancellationToken)
    {
        var field = context.Field;
        var request = RequestJson.ParseObject(context.RequestValue, field);
        var authorization = PaymentLookups.Authorization(context.Payment, request, field);
        // An authorization is voided once: the request id is the authorization's, whatever the payment version.
        var requestId = PaymentLookups.IntentRequestId(context, context.Operation, authorization.InteractionId!, request);
        PayPalResponse<PayPalAuthorization> response;
        try
        {
            response = await services.PayPal.Payments.VoidAuthorizationAsync(authorization.InteractionId!, requestId, cancellationToken);
        }
        catch (PayPalApiException e) when (e.Issues.Contains("PREVIOUSLY_VOIDED") || e.Issues.Contains("AUTHORIZATION_VOIDED"))
        {
            // Voided before (the first answer was lost): record it.
            response = await services.PayPal.Payments.GetAuthorizationAsync(authorization.InteractionId!, cancellationToken);
        }

        var voided = response.Value;
        var state = voided is null ? TransactionState.Success : TransactionStates.FromAuthorizationStatus(voided.Status);
        var actions = PaymentActions.RecordTransaction(context.Payment, TransactionType.CancelAuthorization, voided?.Amount, authorization.InteractionId!,
            state, services.Time.GetUtcNow(), PaymentActions.ToMoney(authorization.Amount)).ToList();
        return response.Raw is null ? OperationResult.Success(actions) : OperationResult.Json(response, actions);
    }
}
