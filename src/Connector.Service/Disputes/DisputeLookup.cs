using System.Text.Json.Nodes;
using Connector.Commercetools;
using Connector.Commercetools.Models;
using Connector.Domain;
using Connector.Domain.Contract;
using Connector.PayPal;
using Connector.PayPal.Models;
using Connector.Service.ApiExtension;
using Connector.Service.ApiExtension.Operations;

namespace Connector.Service.Disputes;

/// <summary>The dispute a merchant operation acts on, read from PayPal and checked to be about a capture of this payment.</summary>
internal static class DisputeLookup
{
    /// <summary>Payments holding a capture as a Charge PayPal made (a shopper's My Payments transactions are always Initial).</summary>
    public static string ChargeWhere(string captureId) =>
        $"transactions(interactionId=\"{CommercetoolsClient.EscapePredicateString(captureId)}\" and type=\"Charge\" and state != \"Initial\")";

    /// <summary>
    /// The payment of a dispute: the one holding the disputed capture as a Charge made by PayPal; else the payment named by
    /// the <c>invoice_number</c> (the connector sends the payment id as invoice id), trusted only if it holds that Charge.
    /// One query, plus one GET for the fallback.
    /// </summary>
    public static async Task<Payment?> FindPaymentAsync(CommercetoolsClient commercetools, PayPalDispute dispute, CancellationToken cancellationToken)
    {
        var captureId = DisputeActions.CaptureId(dispute);
        if (captureId is null)
        {
            return null;
        }

        var page = await commercetools.QueryPaymentsAsync(ChargeWhere(captureId), 2, cancellationToken);
        if (page.Results.FirstOrDefault() is { } found)
        {
            return found;
        }

        var invoice = dispute.DisputedTransactions.Select(t => t.InvoiceNumber).FirstOrDefault(i => !string.IsNullOrEmpty(i));
        if (invoice is null || invoice.Length > 64 || !invoice.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return null;
        }

        var byInvoice = await commercetools.GetPaymentAsync(invoice, cancellationToken);
        return byInvoice is not null && DisputeActions.ChargeOf(byInvoice, captureId) is not null ? byInvoice : null;
    }

    /// <summary>
    /// <c>disputeId</c> from the request, else the payment's <c>PayPalDisputeId</c>. Custom fields are writable by shoppers,
    /// so the dispute is read (one PayPal call) and refused unless its capture is a Charge PayPal made for this payment.
    /// </summary>
    public static async Task<PayPalResponse<PayPalDispute>> ReadOwnAsync(OperationServices services, PaymentOperationContext context, JsonObject request,
        string field, CancellationToken cancellationToken)
    {
        var id = RequestJson.OptionalString(request, "disputeId", field)
            ?? context.Payment.Custom?.GetString(ConnectorContract.PayPalDisputeIdField)
            ?? throw new DomainValidationException($"{field}.disputeId is required (the payment has no {ConnectorContract.PayPalDisputeIdField}).");
        if (id.Length > 255)
        {
            throw new DomainValidationException($"{field}.disputeId must be at most 255 characters.");
        }

        var response = await services.PayPal.Disputes.GetAsync(id, cancellationToken);
        var dispute = response.Value ?? throw new DomainValidationException($"{field}: PayPal returned no dispute for '{id}'.");
        if (DisputeActions.ChargeOf(context.Payment, DisputeActions.CaptureId(dispute)) is null)
        {
            throw new DomainValidationException($"{field}: dispute '{id}' is not about a capture of this payment.");
        }

        return response;
    }

    /// <summary>Refuses properties the operation does not know, so a typo is not silently ignored.</summary>
    public static void OnlyKnown(JsonObject request, string field, IReadOnlySet<string> allowed)
    {
        foreach (var (key, _) in request)
        {
            if (!allowed.Contains(key))
            {
                throw new DomainValidationException($"{field}.{key} is not supported (allowed: {string.Join(", ", allowed.Order(StringComparer.Ordinal))}).");
            }
        }
    }
}
