using System.Net;
using System.Text.Json.Nodes;
using Connector.Commercetools.Models;
using Connector.Domain;
using Connector.Service.ApiExtension;

namespace Connector.Service.Vault;

/// <summary>
/// A PayPal order may pay with a saved instrument (<c>payment_source.token.id</c>, or <c>vault_id</c> on paypal, card,
/// venmo) only when it is a token of the payment's own customer; a shopper with a My Payments token must not be able to
/// pay with someone else's saved card. Ownership comes from the PaymentMethod mirror (one commercetools GET); without a
/// mirror, PayPal's token owner is compared with the vault customer bound to the payment's customer (never the
/// shopper-writable <c>PayPalUserId</c> field; one PayPal GET).
/// </summary>
internal sealed class VaultedTokenGuard(OperationServices services, PaymentMethodMirror mirror, VaultBindings bindings)
{
    /// <summary>As below, for a whole <c>payment_source</c> object (capture and authorize accept one too).</summary>
    public Task EnsureOwnedAsync(Payment payment, JsonObject? paymentSource, string field, CancellationToken cancellationToken)
    {
        if (paymentSource is null)
        {
            return Task.CompletedTask;
        }

        foreach (var (key, value) in paymentSource)
        {
            if (value is JsonObject source && (source["vault_id"] is not null || (key == "token" && source["id"] is not null)))
            {
                if (paymentSource.Count != 1)
                {
                    throw new DomainValidationException($"{field}.payment_source must hold exactly one payment source when it names a saved payment method.");
                }

                return EnsureOwnedAsync(payment, key, source, field, cancellationToken);
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Throws <see cref="DomainValidationException"/> (before any PayPal order call) unless the token is the customer's.</summary>
    public async Task EnsureOwnedAsync(Payment payment, string sourceKey, JsonObject source, string field, CancellationToken cancellationToken)
    {
        var (property, tokenId) = sourceKey == "token"
            ? ("id", source["id"])
            : ("vault_id", source["vault_id"]);
        if (tokenId is null)
        {
            return;
        }

        var path = $"{field}.payment_source.{sourceKey}.{property}";
        if (tokenId is not JsonValue v || !v.TryGetValue<string>(out var id) || !PaymentMethodMirror.IsValidTokenId(id))
        {
            throw new DomainValidationException($"{path} must be a token id string.");
        }

        var customerId = payment.Customer?.Id
            ?? throw new DomainValidationException($"{path}: a saved payment method can only be used by a payment that belongs to a customer.");
        // The message never contains the token (it is logged) nor says whether it exists for someone else.
        var notOwned = new DomainValidationException($"{path} is not a saved payment method of the payment's customer.");

        var method = await mirror.FindAsync(id, cancellationToken);
        if (method is not null)
        {
            if (!PaymentMethodMirror.IsMirrorOf(method, id, customerId) || method.PaymentMethodStatus == "Inactive")
            {
                throw notOwned;
            }

            return;
        }

        var payPalUserId = await bindings.GetAsync(customerId, cancellationToken);
        if (payPalUserId is null)
        {
            throw notOwned;
        }

        await CustomerVault.EnsurePayPalOwnerAsync(() => services.PayPal.Vault.GetPaymentTokenAsync(id, cancellationToken), payPalUserId, notOwned,
            HttpStatusCode.NotFound, HttpStatusCode.BadRequest, HttpStatusCode.UnprocessableEntity);
    }
}
