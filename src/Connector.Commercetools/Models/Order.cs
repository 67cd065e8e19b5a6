namespace Connector.Commercetools.Models;

/// <summary>A commercetools Order, with the fields the tracking events read.</summary>
public sealed record Order
{
    public required string Id { get; init; }

    public long Version { get; init; }

    public string? OrderNumber { get; init; }

    public string? Locale { get; init; }

    public string? CustomerEmail { get; init; }

    public List<LineItem> LineItems { get; init; } = [];

    public List<CustomLineItem> CustomLineItems { get; init; } = [];

    public Address? ShippingAddress { get; init; }

    public OrderShippingInfo? ShippingInfo { get; init; }

    /// <summary>Multi-shipping orders keep their deliveries per shipping here instead of in <see cref="ShippingInfo"/>.</summary>
    public List<OrderShipping>? Shipping { get; init; }

    public OrderPaymentInfo? PaymentInfo { get; init; }
}

public sealed record OrderPaymentInfo
{
    public List<Reference> Payments { get; init; } = [];
}

public sealed record OrderShippingInfo
{
    public List<Delivery> Deliveries { get; init; } = [];
}

public sealed record OrderShipping
{
    public string? ShippingKey { get; init; }

    public Address? ShippingAddress { get; init; }

    public OrderShippingInfo? ShippingInfo { get; init; }
}

public sealed record Delivery
{
    public required string Id { get; init; }

    public string? Key { get; init; }

    public List<DeliveryItem> Items { get; init; } = [];

    public List<Parcel> Parcels { get; init; } = [];

    public Address? Address { get; init; }
}

public sealed record DeliveryItem
{
    public required string Id { get; init; }

    public long Quantity { get; init; }
}

public sealed record Parcel
{
    public required string Id { get; init; }

    public string? Key { get; init; }

    public TrackingData? TrackingData { get; init; }

    public List<DeliveryItem>? Items { get; init; }
}

public sealed record TrackingData
{
    public string? TrackingId { get; init; }

    public string? Carrier { get; init; }

    public string? Provider { get; init; }

    public string? ProviderTransaction { get; init; }

    public bool? IsReturn { get; init; }
}
