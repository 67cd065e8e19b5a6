using System.Net;
using System.Text.Json.Nodes;
using Connector.Commercetools;
using Connector.Commercetools.Models;
using Connector.Domain;
using Connector.Domain.Contract;
using Connector.PayPal;
using Connector.Service.ApiExtension;
using Connector.Service.ApiExtension.Operations;

namespace Connector.Service.Vault;

/// <summary>What the customer operations share: request ids, the <c>PayPalUserId</c> field, the raw token-id input.</summary>
internal static class CustomerVault
{
    /// <summary>Deterministic <c>PayPal-Request-Id</c> from (customer id, operation, customer version, request value).</summary>
    public static string RequestId(CustomerOperationContext context, string operation) =>
        PayPalRequestIds.For(context.Customer.Id, operation, context.Customer.Version, context.RequestValue);

    /// <summary>
    /// <c>setCustomField PayPalUserId</c> to the bound vault customer when the field says otherwise (never set, or written
    /// by someone else): the field stays readable for clients, but only the binding decides.
    /// </summary>
    public static IEnumerable<UpdateAction> ShowPayPalUserId(Customer customer, string? boundPayPalCustomerId)
    {
        if (boundPayPalCustomerId is not null && customer.Custom?.GetString(ConnectorContract.PayPalUserIdField) != boundPayPalCustomerId)
        {
            yield return new SetCustomField(ConnectorContract.PayPalUserIdField, CustomFieldValues.String(boundPayPalCustomerId));
        }
    }

    /// <summary>The vault customer id PayPal reports in a setup or payment token, or null.</summary>
    public static string? ReportedCustomer(JsonNode? response) =>
        response?["customer"]?["id"] is JsonValue v && v.TryGetValue<string>(out var id) && id.Length > 0 ? id : null;

    /// <summary>
    /// Throws <paramref name="notOwned"/> unless PayPal reports the vaulted token <paramref name="read"/> returns (a setup
    /// or payment token) as the vault customer's. A token PayPal answers one of <paramref name="unknownToken"/> for counts
    /// as not owned too, so a caller never learns whether it exists for someone else.
    /// </summary>
    public static async Task EnsurePayPalOwnerAsync(Func<Task<PayPalResponse<JsonNode>>> read, string payPalUserId, DomainValidationException notOwned,
        params HttpStatusCode[] unknownToken)
    {
        try
        {
            var token = await read();
            if (token.Value?["customer"]?["id"]?.GetValue<string>() != payPalUserId)
            {
                throw notOwned;
            }
        }
        catch (PayPalApiException e) when (unknownToken.Contains(e.StatusCode))
        {
            throw notOwned;
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
