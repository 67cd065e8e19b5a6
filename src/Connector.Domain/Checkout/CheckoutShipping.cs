namespace Connector.Domain.Checkout;

/// <summary>Shipping cost of the cart, in minor units of the cart's currency (after shipping discounts).</summary>
public sealed record CheckoutShipping
{
    /// <summary>Shipping method name.</summary>
    public string? MethodName { get; init; }

    /// <summary>Net shipping cost.</summary>
    public long NetCents { get; init; }

    /// <summary>Gross shipping cost.</summary>
    public long GrossCents { get; init; }

    /// <summary>Tax on shipping.</summary>
    public long TaxCents { get; init; }
}
