using System.Net;
using Connector.Domain;
using Connector.PayPal;
using Connector.Service.ApiExtension;
using Connector.Service.Vault;
using Connector.Service.Disputes;

namespace Connector.Service.ApiExtension.Operations;

/// <summary>
/// <c>deletePaymentTokenRequest</c>: the raw id of a vaulted token. Deleted only when it belongs to this customer
/// (the TypeScript connector deleted any token it was given); otherwise InvalidInput and nothing changes. Ownership comes from the
/// PaymentMethod mirror; only when there is no mirror is PayPal asked who owns the token.
/// Calls: one commercetools GET, one PayPal DELETE, one commercetools DELETE (without a mirror: one PayPal GET more).
/// </summary>
internal sealed class DeletePaymentToken(OperationServices services, PaymentMethodMirror mirror, VaultBindings bindings) : ICustomerOperation
{
    public async Task<OperationResult> ExecuteAsync(CustomerOperationContext context, CancellationToken cancellationToken)
    {
        var field = context.Field;
        var tokenId = CustomerVault.TokenId(context.RequestValue, field);
        // The message never says whether the token exists elsewhere, and never contains it (it is logged).
        var notOwned = new DomainValidationException($"{field}: the token is not a saved payment method of this customer.");

        var method = await mirror.FindAsync(tokenId, cancellationToken);
        if (method is not null && !PaymentMethodMirror.IsMirrorOf(method, tokenId, context.Customer.Id))
        {
            throw notOwned;
        }

        if (method is null)
        {
            var payPalUserId = await bindings.GetAsync(context.Customer.Id, cancellationToken) ?? throw notOwned;
            await CustomerVault.EnsurePayPalOwnerAsync(() => services.PayPal.Vault.GetPaymentTokenAsync(tokenId, cancellationToken), payPalUserId, notOwned,
                HttpStatusCode.NotFound);
        }

        try
        {
            await services.PayPal.Vault.DeletePaymentTokenAsync(tokenId, cancellationToken);
        }
        catch (PayPalApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            // Already gone at PayPal (deleted elsewhere): removing the mirror completes the deletion.
        }

        await mirror.RemoveAsync(method, cancellationToken);
        return OperationResult.Success();
    }
}
