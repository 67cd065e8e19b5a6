using System.Text.Json;
using Connector.Commercetools.Models;
using Connector.Domain;
using Connector.PayPal;
using Connector.PayPal.Models;
using Connector.Service.Vault;
using Connector.Service.Disputes;
using Connector.Service.ApiExtension;

namespace Connector.Service.ApiExtension.Operations;

/// <summary>
/// <c>capturePayPalAuthorizationRequest</c>: captures all or part of an authorization (<c>amount</c> in major units,
/// <c>final_capture</c>, <c>invoice_id</c>, <c>note_to_payer</c>, <c>idempotencyKey</c>); the Charge records what PayPal
/// actually captured. The request id is the capture's intent, never the payment version, so a retry captures once.
/// </summary>
internal sealed class CapturePayPalAuthorization(OperationServices services) : IPaymentOperation
{
    public async Task<OperationResult> ExecuteAsync(PaymentOperationContext context, CancellationToken cancellationToken)
    {
        var field = context.Field;
        var request = RequestJson.ParseObject(context.RequestValue, field);
        var authorization = PaymentLookups.Authorization(context.Payment, request, field);
        var amount = AmountArgument.Parse(request, context.Payment, field);
        var body = new CaptureAuthorizationRequest
        {
            Amount = amount is { } m ? new PayPalMoney(m.CurrencyCode, m.ToPayPalValue(field + ".amount")) : null,
            FinalCapture = RequestJson.OptionalBool(request, "final_capture", field),
            InvoiceId = RequestJson.OptionalString(request, "invoice_id", field),
            NoteToPayer = RequestJson.OptionalString(request, "note_to_payer", field),
        };
        var requestId = PaymentLookups.IntentRequestId(context, context.Operation, authorization.InteractionId!, request,
            body.Amount is { } a ? $"{a.Value} {a.CurrencyCode}" : "full", body.FinalCapture?.ToString(), body.InvoiceId, body.NoteToPayer);
        try
        {
            var response = await services.PayPal.Payments.CaptureAuthorizationAsync(authorization.InteractionId!, body, requestId, cancellationToken);
            var capture = response.Value!;
            var actions = PaymentActions.RecordTransaction(context.Payment, TransactionType.Charge, capture.Amount, capture.Id,
                TransactionStates.FromCaptureStatus(capture.Status), services.Time.GetUtcNow(), amount).ToList();
            return OperationResult.Json(response, actions);
        }
        catch (PayPalApiException e) when (amount is null && e.Issues.Any(i => i is "AUTHORIZATION_ALREADY_CAPTURED" or "PREVIOUSLY_CAPTURED")
            && PaymentGuard.AnchoredOrderId(context.Payment) is { } orderId)
        {
            // A full capture whose answer was lost: record what PayPal did (the order lists the capture).
            return await PaymentLookups.RecordOrderAsync(services, context.Payment, orderId, cancellationToken);
        }
    }
}

/// <summary>The optional <c>amount</c> argument (major units, number or string), exact in the payment's currency.</summary>
internal static class AmountArgument
{
    public static Money? Parse(System.Text.Json.Nodes.JsonObject request, Payment payment, string field)
    {
        var node = request["amount"];
        if (node is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(node.ToJsonString());
        var planned = payment.AmountPlanned;
        var digits = planned.FractionDigits ?? Currencies.CommercetoolsFractionDigits(planned.CurrencyCode);
        return Money.ParseMajorUnits(document.RootElement, planned.CurrencyCode, digits, field + ".amount");
    }
}
