using System.Text.Json.Serialization;
namespace Connector.Commercetools.Models;

/// <summary>A cart, with the fields a payment connector reads.</summary>
public sealed record Cart
{
    [JsonRequired]
    public string Id { get; set; } = null!;

    public long Version { get; set; }

    public string? CustomerId { get; set; }

    public string? CustomerEmail { get; set; }

    public string? AnonymousId { get; set; }

    public string? Locale { get; set; }

    public string? Country { get; set; }

    public string? TaxMode { get; set; }

    public List<LineItem> LineItems { get; set; } = [];

    public List<CustomLineItem> CustomLineItems { get; set; } = [];

    [JsonRequired]
    public TypedMoney TotalPrice { get; set; } = null!;

    public TaxedPrice? TaxedPrice { get; set; }

    public ShippingInfo? ShippingInfo { get; set; }

    public Address? ShippingAddress { get; set; }

    public Address? BillingAddress { get; set; }

    public DiscountOnTotalPrice? DiscountOnTotalPrice { get; set; }

    /// <summary>The cart's payments; expanded (<c>obj</c> set) when read with <c>expand=paymentInfo.payments[*]</c>.</summary>
    public CartPaymentInfo? PaymentInfo { get; set; }
}

/// <summary><c>paymentInfo</c> of a cart or order.</summary>
public sealed record CartPaymentInfo
{
    public List<Reference> Payments { get; set; } = [];
}

public sealed record LineItem
{
    [JsonRequired]
    public string Id { get; set; } = null!;

    public Dictionary<string, string>? Name { get; set; }

    public ProductVariant? Variant { get; set; }

    public Price? Price { get; set; }

    public long Quantity { get; set; }

    [JsonRequired]
    public TypedMoney TotalPrice { get; set; } = null!;

    public TaxedItemPrice? TaxedPrice { get; set; }
}

public sealed record CustomLineItem
{
    [JsonRequired]
    public string Id { get; set; } = null!;

    public Dictionary<string, string>? Name { get; set; }

    public string? Slug { get; set; }

    public TypedMoney? Money { get; set; }

    public long Quantity { get; set; }

    [JsonRequired]
    public TypedMoney TotalPrice { get; set; } = null!;

    public TaxedItemPrice? TaxedPrice { get; set; }
}

public sealed record ProductVariant
{
    public long Id { get; set; }

    public string? Sku { get; set; }

    public List<Image>? Images { get; set; }
}

public sealed record Image
{
    public string? Url { get; set; }
}

public sealed record Price
{
    public TypedMoney? Value { get; set; }
}

public sealed record TaxedPrice
{
    [JsonRequired]
    public TypedMoney TotalNet { get; set; } = null!;

    [JsonRequired]
    public TypedMoney TotalGross { get; set; } = null!;

    public TypedMoney? TotalTax { get; set; }
}

public sealed record TaxedItemPrice
{
    [JsonRequired]
    public TypedMoney TotalNet { get; set; } = null!;

    [JsonRequired]
    public TypedMoney TotalGross { get; set; } = null!;

    public TypedMoney? TotalTax { get; set; }
}

public sealed record ShippingInfo
{
    public string? ShippingMethodName { get; set; }

    public TypedMoney? Price { get; set; }

    public TaxedItemPrice? TaxedPrice { get; set; }
}

public sealed record DiscountOnTotalPrice
{
    public TypedMoney? DiscountedAmount { get; set; }
}

/// <summary>A postal address (BaseAddress).</summary>
public sealed record Address
{
    public string? FirstName { get; set; }

    public string? LastName { get; set; }

    public string? StreetName { get; set; }

    public string? StreetNumber { get; set; }

    public string? AdditionalStreetInfo { get; set; }

    public string? PostalCode { get; set; }

    public string? City { get; set; }

    public string? State { get; set; }

    public string? Country { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public string? Mobile { get; set; }
}
