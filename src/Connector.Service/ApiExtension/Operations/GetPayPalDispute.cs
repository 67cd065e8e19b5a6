using Connector.Service.ApiExtension;
using Connector.Service.Vault;
using Connector.Service.Disputes;

namespace Connector.Service.ApiExtension.Operations;

/// <summary>
/// <c>getPayPalDisputeRequest</c> (<c>{"disputeId"?}</c>): reads a dispute of this payment and brings the payment in line with
/// it as a webhook would (interaction, view fields, Chargeback). Merchant only.
/// </summary>
internal sealed class GetPayPalDispute(OperationServices services) : IPaymentOperation
{
    private static readonly HashSet<string> Allowed = ["disputeId"];

    public async Task<OperationResult> ExecuteAsync(PaymentOperationContext context, CancellationToken cancellationToken)
    {
        var field = context.Field;
        var request = RequestJson.ParseObject(context.RequestValue, field);
        DisputeLookup.OnlyKnown(request, field, Allowed);
        var response = await DisputeLookup.ReadOwnAsync(services, context, request, field, cancellationToken);
        return OperationResult.Json(response,
            [.. DisputeActions.For(context.Payment, response.Value!, services.Time.GetUtcNow(), services.Options.InteractionTypeKey)]);
    }
}
