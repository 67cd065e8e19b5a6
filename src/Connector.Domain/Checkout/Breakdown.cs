namespace Connector.Domain.Checkout;

/// <summary>PayPal <c>amount.breakdown</c>. Always satisfies item_total + tax_total + shipping − discount = amount.</summary>
public sealed record Breakdown
{
    /// <summary><c>item_total</c> = Σ unit_amount × quantity.</summary>
    public required Money ItemTotal { get; init; }

    /// <summary><c>tax_total</c>, when the items are net.</summary>
    public Money? TaxTotal { get; init; }

    /// <summary><c>shipping</c>, when the cart has a shipping cost.</summary>
    public Money? Shipping { get; init; }

    /// <summary><c>discount</c> (positive), when there is one.</summary>
    public Money? Discount { get; init; }
}
