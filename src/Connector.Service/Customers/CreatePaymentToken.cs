using System.Text.Json.Nodes;
using Connector.Domain;
using Connector.Service.Extensions;

namespace Connector.Service.Customers;

/// <summary>
/// <c>createPaymentTokenRequest</c>: the raw id of a setup token the payer approved. Exchanges it for a permanent
/// payment token in this customer's PayPal vault and mirrors it as a commercetools PaymentMethod.
/// Calls: one PayPal (<c>POST /v3/vault/payment-tokens</c>), two commercetools (query the customer's PaymentMethods,
/// create the mirror; one when the mirror already exists).
/// </summary>
internal sealed class CreatePaymentToken(OperationServices services, PaymentMethodMirror mirror) : ICustomerOperation
{
    public string Name => "createPaymentToken";

    public async Task<OperationResult> ExecuteAsync(CustomerOperationContext context, CancellationToken cancellationToken)
    {
        var field = Name + "Request";
        var setupTokenId = CustomerVault.TokenId(context.RequestValue, field);
        // createVaultSetupToken always stores the vault customer; without one this customer never made a setup token,
        // so the id can only be someone else's.
        var payPalUserId = CustomerVault.PayPalUserId(context.Customer)
            ?? throw new DomainValidationException($"{field}: the customer has no PayPalUserId yet; create the setup token with createVaultSetupTokenRequest first.");

        var body = new JsonObject
        {
            ["customer"] = new JsonObject { ["id"] = payPalUserId },
            ["payment_source"] = new JsonObject { ["token"] = new JsonObject { ["type"] = "SETUP_TOKEN", ["id"] = setupTokenId } },
        };
        var response = await services.PayPal.CreatePaymentTokenAsync(body, CustomerVault.RequestId(context, Name), cancellationToken);
        if (response.Raw is not JsonObject token)
        {
            throw new PayPal.PayPalApiException("PayPal returned no payment token.", null);
        }

        if (token["customer"]?["id"]?.GetValue<string>() is { } owner && owner != payPalUserId)
        {
            // The setup token was made for another vault customer: never mirror someone else's instrument here.
            throw new DomainValidationException($"{field}: the setup token does not belong to this customer.");
        }

        await mirror.EnsureAsync(context.Customer.Id, token, cancellationToken);
        return OperationResult.Json(token, [.. CustomerVault.RememberPayPalUserId(context.Customer, token)]);
    }
}
