using System.Text.Json.Nodes;
using Connector.Domain;
using Connector.PayPal.Models;
using Connector.Service.ApiExtension;
using Connector.Service.Vault;
using Connector.Service.Disputes;

namespace Connector.Service.ApiExtension.Operations;

/// <summary>
/// <c>acceptPayPalDisputeClaimRequest</c> (<c>{"disputeId"?, "note"?, "amount"?, "idempotencyKey"?}</c>): the merchant accepts
/// the buyer's claim; PayPal refunds <c>amount</c> (major units in the payment's currency; default the disputed amount) and
/// resolves the dispute in the buyer's favour. Moves money, so the PayPal-Request-Id comes from the intent (dispute, amount,
/// note, idempotencyKey), never from the payment version. The resolution reaches the payment through the dispute's webhook.
/// </summary>
internal sealed class AcceptPayPalDisputeClaim(OperationServices services) : IPaymentOperation
{
    private static readonly HashSet<string> Allowed = ["disputeId", "note", "amount", "idempotencyKey"];

    public async Task<OperationResult> ExecuteAsync(PaymentOperationContext context, CancellationToken cancellationToken)
    {
        var field = context.Field;
        var request = RequestJson.ParseObject(context.RequestValue, field);
        DisputeLookup.OnlyKnown(request, field, Allowed);
        var note = RequestJson.OptionalString(request, "note", field);
        if (note is { Length: > 2000 })
        {
            throw new DomainValidationException($"{field}.note must be at most 2000 characters.");
        }

        var amount = AmountArgument.Parse(request, context.Payment, field);
        if (amount is { IsPositive: false })
        {
            throw new DomainValidationException($"{field}.amount must be greater than zero.");
        }

        // Checked before the read, so the request id (which names the dispute) can be built after it.
        _ = PaymentLookups.IntentRequestId(context, context.Operation, "", request);
        var read = await DisputeLookup.ReadOwnAsync(services, context, request, field, cancellationToken);
        var dispute = read.Value!;
        var body = new AcceptClaimRequest(note, null, null);
        if (amount is { } refund)
        {
            var value = new PayPalMoney(refund.CurrencyCode, refund.ToPayPalValue(field + ".amount"));
            var partial = dispute.DisputeAmount is { } disputed && disputed.CurrencyCode == refund.CurrencyCode
                && Money.FromPayPalValue(disputed.Value, disputed.CurrencyCode, refund.FractionDigits).CompareTo(refund) > 0;
            body = body with { AcceptClaimType = partial ? "PARTIAL_REFUND" : "REFUND", RefundAmount = value };
        }

        var requestId = PaymentLookups.IntentRequestId(context, context.Operation, dispute.DisputeId, request,
            amount is { } a ? $"{a.ToPayPalValue(field + ".amount")} {a.CurrencyCode}" : "full", note);
        var response = await services.PayPal.Disputes.AcceptClaimAsync(dispute.DisputeId, body, requestId, cancellationToken);
        return OperationResult.Json(response.Raw ?? new JsonObject { ["status"] = "success" },
            [.. DisputeActions.For(context.Payment, dispute, services.Time.GetUtcNow(), services.Options.InteractionTypeKey)]);
    }
}
