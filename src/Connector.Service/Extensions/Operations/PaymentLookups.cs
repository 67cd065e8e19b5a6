using System.Text.Json.Nodes;
using Connector.Commercetools.Models;
using Connector.Domain;
using Connector.Domain.Contract;

namespace Connector.Service.Extensions.Operations;

/// <summary>Ids an operation acts on: given in the request, or read from the payment.</summary>
internal static class PaymentLookups
{
    public const string OrderIdField = ConnectorContract.PayPalOrderIdField;

    public static string OrderId(Payment payment, JsonObject request, string field)
    {
        var requested = RequestJson.OptionalString(request, "orderId", field);
        var own = payment.Custom?.GetString(OrderIdField);
        Customers.ShopperPayments.EnsureOwnOrder(payment, requested, own, field);
        return requested
            ?? own
            ?? throw new DomainValidationException($"{field}: the payment has no PayPal order yet (set createPayPalOrderRequest first, or pass orderId).");
    }

    public static Transaction Authorization(Payment payment, JsonObject request, string field)
    {
        var id = RequestJson.OptionalString(request, "authorizationId", field);
        if (id is null)
        {
            return PaymentActions.LastSuccessful(payment, TransactionType.Authorization)
                ?? throw new DomainValidationException($"{field}: the payment has no successful Authorization transaction (pass authorizationId).");
        }

        return payment.Transactions.LastOrDefault(t => t.Type == nameof(TransactionType.Authorization) && t.InteractionId == id)
            ?? throw new DomainValidationException($"{field}.authorizationId '{id}' is not an Authorization of this payment.");
    }

    public static Transaction Charge(Payment payment, JsonObject request, string property, string field)
    {
        var id = RequestJson.OptionalString(request, property, field);
        if (id is null)
        {
            return PaymentActions.LastSuccessful(payment, TransactionType.Charge)
                ?? throw new DomainValidationException($"{field}: the payment has no successful Charge transaction (pass {property}).");
        }

        return payment.Transactions.LastOrDefault(t => t.Type == nameof(TransactionType.Charge) && t.InteractionId == id)
            ?? throw new DomainValidationException($"{field}.{property} '{id}' is not a Charge of this payment.");
    }

    public static string RequestId(PaymentOperationContext context, string operation) =>
        PayPalRequestIds.For(context.Payment.Id, operation, context.Payment.Version, context.RequestValue);
}
