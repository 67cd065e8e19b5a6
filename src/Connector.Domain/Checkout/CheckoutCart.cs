namespace Connector.Domain.Checkout;

/// <summary>
/// The cart a payment belongs to, in domain words (no commercetools DTOs). Amounts are commercetools minor
/// units (<c>centAmount</c>) with <see cref="FractionDigits"/> decimals, in <see cref="CurrencyCode"/>.
/// </summary>
public sealed record CheckoutCart
{
    /// <summary>ISO 4217 code of the cart.</summary>
    public required string CurrencyCode { get; init; }

    /// <summary>commercetools <c>fractionDigits</c> of the cart's money.</summary>
    public required int FractionDigits { get; init; }

    /// <summary>What the shopper pays, in minor units: <c>taxedPrice.totalGross</c>, or <c>totalPrice</c> without taxes.</summary>
    public required long TotalGrossCents { get; init; }

    /// <summary><c>taxedPrice.totalNet</c> in minor units, when the cart is taxed.</summary>
    public long? TotalNetCents { get; init; }

    /// <summary><c>taxedPrice.totalTax</c> in minor units, when the cart is taxed.</summary>
    public long? TotalTaxCents { get; init; }

    /// <summary>commercetools tax mode (<c>Platform</c>, <c>External</c>, <c>ExternalAmount</c>, <c>Disabled</c>); informative only.</summary>
    public string TaxMode { get; init; } = "Platform";

    /// <summary>Line items and custom line items, in cart order.</summary>
    public IReadOnlyList<CheckoutLine> Lines { get; init; } = [];

    /// <summary>The shipping cost, when the cart has a shipping method.</summary>
    public CheckoutShipping? Shipping { get; init; }

    /// <summary>
    /// Discount on the cart total that is not already in the line totals (commercetools <c>discountOnTotalPrice</c>),
    /// as a positive amount in minor units; 0 when none.
    /// </summary>
    public long DiscountCents { get; init; }

    /// <summary>The shipping address.</summary>
    public CheckoutAddress? ShippingAddress { get; init; }

    /// <summary>The billing address.</summary>
    public CheckoutAddress? BillingAddress { get; init; }

    /// <summary>The cart's customer e-mail.</summary>
    public string? CustomerEmail { get; init; }

    /// <summary>The cart's locale, e.g. <c>de-DE</c>.</summary>
    public string? Locale { get; init; }

    /// <summary>The cart's country, ISO 3166-1 alpha-2.</summary>
    public string? Country { get; init; }
}
