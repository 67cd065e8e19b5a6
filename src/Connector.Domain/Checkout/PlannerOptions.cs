namespace Connector.Domain.Checkout;

/// <summary>Order fields that do not come from the cart.</summary>
public sealed record PlannerOptions
{
    /// <summary>PayPal <c>invoice_id</c>: the caller's <c>custom_invoice_id</c>, or the payment id. At most 127 characters.</summary>
    public string? InvoiceId { get; init; }

    /// <summary>PayPal <c>custom_id</c>. At most 255 characters.</summary>
    public string? CustomId { get; init; }

    /// <summary>PayPal <c>description</c> (settings <c>paymentDescription[locale]</c>); cut to 127 characters.</summary>
    public string? Description { get; init; }

    /// <summary>
    /// Whether the shop shows prices with tax included. When true, items are first offered to PayPal at gross
    /// prices (what the shopper saw); otherwise net items with a tax total are tried first.
    /// </summary>
    public bool PricesIncludeTax { get; init; }
}
