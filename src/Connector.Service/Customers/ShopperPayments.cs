using Connector.Commercetools.Models;
using Connector.Domain;
using Connector.Domain.Checkout;

namespace Connector.Service.Customers;

/// <summary>
/// Rules for payments a shopper's token created or changed (My Payments, seed 002): there the shopper chose
/// <c>amountPlanned</c> and sets the request fields, so nothing the shopper wrote may decide what is charged or which
/// PayPal order is acted on.
/// </summary>
internal static class ShopperPayments
{
    /// <summary>True when a password-flow or anonymous-session token created the payment or made the change being processed.</summary>
    public static bool IsShopperMade(Payment payment) =>
        payment.CreatedBy?.IsShopper == true || payment.LastModifiedBy?.IsShopper == true;

    /// <summary>
    /// A shopper's payment is charged the cart's total, never an amount the shopper picked: the payment must belong to a
    /// cart and its <c>amountPlanned</c> must equal the cart's gross total.
    /// </summary>
    public static void EnsureAmountFromCart(Payment payment, CheckoutCart? cart, Money amountPlanned, string field)
    {
        if (!IsShopperMade(payment))
        {
            return;
        }

        if (cart is null)
        {
            throw new DomainValidationException($"{field}: a payment created or changed with a shopper's token must belong to a cart (its total is what is charged).");
        }

        if (cart.CurrencyCode != amountPlanned.CurrencyCode || cart.TotalGrossCents != amountPlanned.MinorUnits)
        {
            throw new DomainValidationException($"{field}: amountPlanned must equal the cart's total for a payment created or changed with a shopper's token.");
        }
    }

    /// <summary>
    /// An <c>orderId</c> in a request must be the payment's own <c>PayPalOrderId</c>; otherwise one payment could capture
    /// or read another payment's order. A payment without one accepts an orderId only from the merchant's own client.
    /// </summary>
    public static void EnsureOwnOrder(Payment payment, string? requestedOrderId, string? ownOrderId, string field)
    {
        if (requestedOrderId is null || requestedOrderId == ownOrderId)
        {
            return;
        }

        if (ownOrderId is not null || IsShopperMade(payment))
        {
            throw new DomainValidationException($"{field}.orderId must be the payment's own PayPal order (its PayPalOrderId).");
        }
    }
}
