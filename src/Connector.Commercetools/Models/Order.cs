using System.Text.Json.Serialization;
namespace Connector.Commercetools.Models;

/// <summary>A commercetools Order, with the fields the tracking events read.</summary>
public sealed record Order
{
    [JsonRequired]
    public string Id { get; set; } = null!;

    public long Version { get; set; }

    public string? OrderNumber { get; set; }

    public string? Locale { get; set; }

    public string? CustomerEmail { get; set; }

    public List<LineItem> LineItems { get; set; } = [];

    public List<CustomLineItem> CustomLineItems { get; set; } = [];

    public Address? ShippingAddress { get; set; }

    public OrderShippingInfo? ShippingInfo { get; set; }

    /// <summary>Multi-shipping orders keep their deliveries per shipping here instead of in <see cref="ShippingInfo"/>.</summary>
    public List<OrderShipping>? Shipping { get; set; }

    public OrderPaymentInfo? PaymentInfo { get; set; }
}

public sealed record OrderPaymentInfo
{
    public List<Reference> Payments { get; set; } = [];
}

public sealed record OrderShippingInfo
{
    public List<Delivery> Deliveries { get; set; } = [];
}

public sealed record OrderShipping
{
    public string? ShippingKey { get; set; }

    public Address? ShippingAddress { get; set; }

    public OrderShippingInfo? ShippingInfo { get; set; }
}

public sealed record Delivery
{
    [JsonRequired]
    public string Id { get; set; } = null!;

    public string? Key { get; set; }

    public List<DeliveryItem> Items { get; set; } = [];

    public List<Parcel> Parcels { get; set; } = [];

    public Address? Address { get; set; }
}

public sealed record DeliveryItem
{
    [JsonRequired]
    public string Id { get; set; } = null!;

    public long Quantity { get; set; }
}

public sealed record Parcel
{
    [JsonRequired]
    public string Id { get; set; } = null!;

    public string? Key { get; set; }

    public TrackingData? TrackingData { get; set; }

    public List<DeliveryItem>? Items { get; set; }
}

public sealed record TrackingData
{
    public string? TrackingId { get; set; }

    public string? Carrier { get; set; }

    public string? Provider { get; set; }

    public string? ProviderTransaction { get; set; }

    public bool? IsReturn { get; set; }
}
