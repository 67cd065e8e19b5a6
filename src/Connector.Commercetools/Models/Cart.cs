namespace Connector.Commercetools.Models;

/// <summary>A cart, with the fields a payment connector reads.</summary>
public sealed record Cart
{
    public required string Id { get; init; }

    public long Version { get; init; }

    public string? CustomerId { get; init; }

    public string? CustomerEmail { get; init; }

    public string? AnonymousId { get; init; }

    public string? Locale { get; init; }

    public string? Country { get; init; }

    public string? TaxMode { get; init; }

    public List<LineItem> LineItems { get; init; } = [];

    public List<CustomLineItem> CustomLineItems { get; init; } = [];

    public required TypedMoney TotalPrice { get; init; }

    public TaxedPrice? TaxedPrice { get; init; }

    public ShippingInfo? ShippingInfo { get; init; }

    public Address? ShippingAddress { get; init; }

    public Address? BillingAddress { get; init; }

    public DiscountOnTotalPrice? DiscountOnTotalPrice { get; init; }

    /// <summary>The cart's payments; expanded (<c>obj</c> set) when read with <c>expand=paymentInfo.payments[*]</c>.</summary>
    public CartPaymentInfo? PaymentInfo { get; init; }
}

/// <summary><c>paymentInfo</c> of a cart or order.</summary>
public sealed record CartPaymentInfo
{
    public List<Reference> Payments { get; init; } = [];
}

public sealed record LineItem
{
    public required string Id { get; init; }

    public Dictionary<string, string>? Name { get; init; }

    public ProductVariant? Variant { get; init; }

    public Price? Price { get; init; }

    public long Quantity { get; init; }

    public required TypedMoney TotalPrice { get; init; }

    public TaxedItemPrice? TaxedPrice { get; init; }
}

public sealed record CustomLineItem
{
    public required string Id { get; init; }

    public Dictionary<string, string>? Name { get; init; }

    public string? Slug { get; init; }

    public TypedMoney? Money { get; init; }

    public long Quantity { get; init; }

    public required TypedMoney TotalPrice { get; init; }

    public TaxedItemPrice? TaxedPrice { get; init; }
}

public sealed record ProductVariant
{
    public long Id { get; init; }

    public string? Sku { get; init; }

    public List<Image>? Images { get; init; }
}

public sealed record Image
{
    public string? Url { get; init; }
}

public sealed record Price
{
    public TypedMoney? Value { get; init; }
}

public sealed record TaxedPrice
{
    public required TypedMoney TotalNet { get; init; }

    public required TypedMoney TotalGross { get; init; }

    public TypedMoney? TotalTax { get; init; }
}

public sealed record TaxedItemPrice
{
    public required TypedMoney TotalNet { get; init; }

    public required TypedMoney TotalGross { get; init; }

    public TypedMoney? TotalTax { get; init; }
}

public sealed record ShippingInfo
{
    public string? ShippingMethodName { get; init; }

    public TypedMoney? Price { get; init; }

    public TaxedItemPrice? TaxedPrice { get; init; }
}

public sealed record DiscountOnTotalPrice
{
    public TypedMoney? DiscountedAmount { get; init; }
}

/// <summary>A postal address (BaseAddress).</summary>
public sealed record Address
{
    public string? FirstName { get; init; }

    public string? LastName { get; init; }

    public string? StreetName { get; init; }

    public string? StreetNumber { get; init; }

    public string? AdditionalStreetInfo { get; init; }

    public string? PostalCode { get; init; }

    public string? City { get; init; }

    public string? State { get; init; }

    public string? Country { get; init; }

    public string? Email { get; init; }

    public string? Phone { get; init; }

    public string? Mobile { get; init; }
}
