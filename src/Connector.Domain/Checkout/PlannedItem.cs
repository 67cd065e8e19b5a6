namespace Connector.Domain.Checkout;

/// <summary>A PayPal order item.</summary>
public sealed record PlannedItem
{
    /// <summary><c>name</c>, 1–127 characters.</summary>
    public required string Name { get; init; }

    /// <summary><c>sku</c>, at most 127 characters.</summary>
    public string? Sku { get; init; }

    /// <summary><c>quantity</c>: a whole number as PayPal wants it (<c>^[1-9][0-9]{0,9}$</c>).</summary>
    public required string Quantity { get; init; }

    /// <summary><c>unit_amount</c>.</summary>
    public required Money UnitAmount { get; init; }

    /// <summary><c>tax</c> per unit, only with <see cref="BreakdownStrategy.NetItemsWithItemTax"/>.</summary>
    public Money? Tax { get; init; }
}
