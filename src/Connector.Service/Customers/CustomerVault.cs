using System.Text.Json.Nodes;
using Connector.Commercetools;
using Connector.Commercetools.Models;
using Connector.Domain;
using Connector.Domain.Contract;
using Connector.Service.Extensions;

namespace Connector.Service.Customers;

/// <summary>What the customer operations share: the customer's PayPal id, request ids, the raw token-id input.</summary>
internal static class CustomerVault
{
    /// <summary>The customer's PayPal vault customer id (<c>PayPalUserId</c>), or null when it has none yet.</summary>
    public static string? PayPalUserId(Customer customer) =>
        customer.Custom?.GetString(ConnectorContract.PayPalUserIdField) is { Length: > 0 } id ? id : null;

    /// <summary>Deterministic <c>PayPal-Request-Id</c> from (customer id, operation, customer version, request value).</summary>
    public static string RequestId(CustomerOperationContext context, string operation) =>
        PayPalRequestIds.For(context.Customer.Id, operation, context.Customer.Version, context.RequestValue);

    /// <summary><c>setCustomField PayPalUserId</c> when PayPal answered with a customer id other than the stored one.</summary>
    public static IEnumerable<UpdateAction> RememberPayPalUserId(Customer customer, JsonNode? response)
    {
        if (response?["customer"]?["id"] is JsonValue v && v.TryGetValue<string>(out var id) && id.Length > 0 && id != PayPalUserId(customer))
        {
            yield return new SetCustomField(ConnectorContract.PayPalUserIdField, CustomFieldValues.String(id));
        }
    }

    /// <summary>A raw token id request value (createPaymentToken, deletePaymentToken): trimmed, plain id characters only.</summary>
    public static string TokenId(string requestValue, string field)
    {
        var value = requestValue.Trim();
        // Tolerate a JSON string ("\"abc\"") as some storefronts send it.
        if (value.Length >= 2 && value[0] == '"' && value[^1] == '"')
        {
            value = value[1..^1];
        }

        if (value.Length == 0)
        {
            throw new DomainValidationException($"{field} must hold the token id.");
        }

        return PaymentMethodMirror.IsValidTokenId(value)
            ? value
            : throw new DomainValidationException($"{field} must be a token id (letters, digits, '-' and '_', at most 200 characters).");
    }
}
