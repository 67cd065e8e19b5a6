using System.Text.Json.Nodes;
using Connector.Commercetools.Models;
using Connector.Domain;
using Connector.PayPal.Models;

namespace Connector.Service.ApiExtension.Operations;

/// <summary>
/// <c>capturePayPalAuthorizationRequest</c>: captures all or part of an authorization (<c>amount</c> in major units,
/// <c>final_capture</c>, <c>invoice_id</c>, <c>note_to_payer</c>, <c>idempotencyKey</c>); the Charge records what PayPal
/// actually captured. The request id is the capture's intent, never the payment version, so a retry captures once. A full
/// capture whose answer was lost (already captured) records what the order lists.
/// </summary>
internal sealed class CapturePayPalAuthorization(OperationServices services) : TransactionOperation<PayPalCapture>(services)
{
    protected override TransactionType Records => TransactionType.Charge;

    protected override IReadOnlySet<string> AlreadyDoneIssues { get; } = new HashSet<string> { "AUTHORIZATION_ALREADY_CAPTURED", "PREVIOUSLY_CAPTURED" };

    protected override Transaction FindTarget(Payment payment, JsonObject request, string field) => PaymentLookups.Authorization(payment, request, field);

    protected override PayPalCall Prepare(Payment payment, JsonObject request, string field)
    {
        var (amount, payPalAmount, amountIntent) = RequestedAmount(request, payment, field);
        var body = new CaptureAuthorizationRequest
        {
            Amount = payPalAmount,
            FinalCapture = RequestJson.OptionalBool(request, "final_capture", field),
            InvoiceId = RequestJson.OptionalString(request, "invoice_id", field),
            NoteToPayer = RequestJson.OptionalString(request, "note_to_payer", field),
        };
        return new(amount, [amountIntent, body.FinalCapture?.ToString(), body.InvoiceId, body.NoteToPayer],
            (authorizationId, requestId, ct) => Services.PayPal.Payments.CaptureAuthorizationAsync(authorizationId, body, requestId, ct));
    }

    protected override (PayPalMoney? Amount, string Id, TransactionState State) Reported(PayPalCapture? value, Transaction target) =>
        (value!.Amount, value.Id, TransactionStates.FromCaptureStatus(value.Status));
}
