namespace Connector.Domain.Checkout;

/// <summary>One transaction of another payment of the same cart, in domain words.</summary>
/// <param name="Type">commercetools transaction type (<c>Charge</c>, <c>Authorization</c>, <c>Refund</c>, ...).</param>
/// <param name="State">commercetools transaction state.</param>
/// <param name="Amount">The transaction amount.</param>
public readonly record struct SettledTransaction(string Type, string State, Money Amount);

/// <summary>
/// What a cart still owes a payment: the cart's total as commercetools computed it (gross when taxed) less what the
/// cart's other payments already cover. A payment's <c>amountPlanned</c> is written by whoever created the payment,
/// a shopper included, so it never decides on its own what PayPal charges; this does.
/// </summary>
public static class CartBalance
{
    /// <summary>
    /// The amount left for one payment of the cart. Each other payment covers the larger of its successful charges less
    /// its successful refunds and chargebacks, and its successful authorizations less its successful cancellations (an
    /// authorization later captured is not counted twice).
    /// </summary>
    /// <param name="cartTotal">The cart's total (gross).</param>
    /// <param name="otherPayments">The transactions of each other payment of the cart, one list per payment.</param>
    /// <exception cref="DomainValidationException">Another payment is in a different currency, or the cart is over-covered.</exception>
    public static Money Owed(Money cartTotal, IEnumerable<IReadOnlyList<SettledTransaction>> otherPayments)
    {
        ArgumentNullException.ThrowIfNull(otherPayments);
        var covered = new Money(0, cartTotal.CurrencyCode, cartTotal.FractionDigits);
        foreach (var transactions in otherPayments)
        {
            covered += Covered(cartTotal, transactions);
        }

        if (covered > cartTotal)
        {
            throw new DomainValidationException(
                $"The cart's other payments already cover {covered.ToMajorUnitsString()} {covered.CurrencyCode} of its total {cartTotal.ToMajorUnitsString()} {cartTotal.CurrencyCode}; nothing is left to pay with PayPal.");
        }

        return cartTotal - covered;
    }

    private static Money Covered(Money cartTotal, IReadOnlyList<SettledTransaction> transactions)
    {
        var zero = new Money(0, cartTotal.CurrencyCode, cartTotal.FractionDigits);
        Money charged = zero, authorized = zero;
        foreach (var t in transactions)
        {
            if (t.State != "Success")
            {
                continue;
            }

            if (t.Amount.CurrencyCode != cartTotal.CurrencyCode)
            {
                throw new DomainValidationException(
                    $"Another payment of the cart has a {t.Type} in {t.Amount.CurrencyCode}; the cart is in {cartTotal.CurrencyCode}.");
            }

            switch (t.Type)
            {
                case "Charge":
                    charged += t.Amount;
                    break;
                case "Refund" or "Chargeback":
                    charged -= t.Amount;
                    break;
                case "Authorization":
                    authorized += t.Amount;
                    break;
                case "CancelAuthorization":
                    authorized -= t.Amount;
                    break;
            }
        }

        var cover = charged > authorized ? charged : authorized;
        return cover > zero ? cover : zero;
    }
}
