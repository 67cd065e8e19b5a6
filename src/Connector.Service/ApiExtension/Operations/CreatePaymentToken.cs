using Connector.PayPal.Models;
using System.Net;
using System.Text.Json.Nodes;
using Connector.Commercetools.Models;
using Connector.Domain;
using Connector.PayPal;
using Connector.Service.ApiExtension;
using Connector.Service.Vault;
using Connector.Service.Disputes;

namespace Connector.Service.ApiExtension.Operations;

/// <summary>
/// <c>createPaymentTokenRequest</c>: the raw id of a setup token the payer approved. Exchanges it for a permanent
/// payment token in this customer's PayPal vault and mirrors it as a commercetools PaymentMethod.
/// Calls: one PayPal (<c>POST /v3/vault/payment-tokens</c>; two when the setup token is not the customer's latest), two commercetools (query the customer's PaymentMethods,
/// create the mirror; one when the mirror already exists). The mirror is best effort (see <see cref="PaymentMethodMirror.TryEnsureAsync"/>).
/// </summary>
internal sealed class CreatePaymentToken(OperationServices services, PaymentMethodMirror mirror, VaultBindings bindings) : ICustomerOperation
{
    /// <summary>
    /// PayPal files the new payment token under the customer named in the request, whatever customer the setup token was
    /// made for; exchanging someone else's approved setup token would thus save their instrument here. The setup token
    /// this customer made last is in its <c>createVaultSetupTokenResponse</c> field (no call); any other id is checked
    /// with PayPal (<c>GET /v3/vault/setup-tokens/{id}</c>, the only case with a second PayPal call).
    /// </summary>
    private async Task EnsureOwnSetupTokenAsync(CustomerOperationContext context, string setupTokenId, string payPalUserId, string field, CancellationToken cancellationToken)
    {
        if (LastSetupTokenId(context.Customer) == setupTokenId)
        {
            return;
        }

        var notOwned = new DomainValidationException($"{field}: the setup token was not created for this customer (create it with createVaultSetupTokenRequest).");
        await CustomerVault.EnsurePayPalOwnerAsync(() => services.PayPal.Vault.GetSetupTokenAsync(setupTokenId, cancellationToken), payPalUserId, notOwned,
            HttpStatusCode.NotFound, HttpStatusCode.BadRequest);
    }

    private static string? LastSetupTokenId(Customer customer)
    {
        if (customer.Custom?.GetString("createVaultSetupTokenResponse") is not { Length: > 0 } response)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(response)?["id"] is JsonValue v && v.TryGetValue<string>(out var id) ? id : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    public async Task<OperationResult> ExecuteAsync(CustomerOperationContext context, CancellationToken cancellationToken)
    {
        var field = context.Field;
        var setupTokenId = CustomerVault.TokenId(context.RequestValue, field);
        // createVaultSetupToken always stores the vault customer; without one this customer never made a setup token,
        // so the id can only be someone else's.
        var payPalUserId = await bindings.GetAsync(context.Customer.Id, cancellationToken)
            ?? throw new DomainValidationException($"{field}: the customer has no PayPal vault yet; create the setup token with createVaultSetupTokenRequest first.");

        await EnsureOwnSetupTokenAsync(context, setupTokenId, payPalUserId, field, cancellationToken);
        var body = PaymentTokenRequest.FromSetupToken(payPalUserId, setupTokenId);
        var response = await services.PayPal.Vault.CreatePaymentTokenAsync(body, CustomerVault.RequestId(context, context.Operation), cancellationToken);
        if (response.Raw is not JsonObject token)
        {
            throw new PayPalApiException("PayPal returned no payment token.", null);
        }

        if (token["customer"]?["id"]?.GetValue<string>() is { } owner && owner != payPalUserId)
        {
            // The setup token was made for another vault customer: never mirror someone else's instrument here.
            throw new DomainValidationException($"{field}: the setup token does not belong to this customer.");
        }

        await mirror.TryEnsureAsync(context.Customer.Id, token, cancellationToken);
        return OperationResult.Json(token, [.. CustomerVault.ShowPayPalUserId(context.Customer, payPalUserId)]);
    }
}
