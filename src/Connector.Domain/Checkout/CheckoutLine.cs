namespace Connector.Domain.Checkout;

/// <summary>
/// A line item or custom line item. The totals are what commercetools computed for the whole line (after line
/// discounts); the unit amounts are informative, since unit × quantity need not equal the total after rounding.
/// All amounts are minor units of the cart's currency.
/// </summary>
public sealed record CheckoutLine
{
    /// <summary>Product or custom line item name in the cart's locale.</summary>
    public required string Name { get; init; }

    /// <summary>Variant SKU, or the custom line item's slug.</summary>
    public string? Sku { get; init; }

    /// <summary>Number of units.</summary>
    public required long Quantity { get; init; }

    /// <summary>Net price of one unit.</summary>
    public long UnitNetCents { get; init; }

    /// <summary>Gross price of one unit.</summary>
    public long UnitGrossCents { get; init; }

    /// <summary>Net total of the line (<c>taxedPrice.totalNet</c>).</summary>
    public long TotalNetCents { get; init; }

    /// <summary>Gross total of the line (<c>taxedPrice.totalGross</c>, or <c>totalPrice</c> without taxes).</summary>
    public required long TotalGrossCents { get; init; }

    /// <summary>Tax of the line (<c>taxedPrice.totalTax</c>).</summary>
    public long TotalTaxCents { get; init; }

    /// <summary>Whether this is a custom line item (fees, surcharges, manual discounts).</summary>
    public bool IsCustomLine { get; init; }
}
