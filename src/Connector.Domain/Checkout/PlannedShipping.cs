namespace Connector.Domain.Checkout;

/// <summary>PayPal <c>purchase_units[].shipping</c>: name and address of the recipient.</summary>
public sealed record PlannedShipping
{
    /// <summary><c>name.full_name</c>.</summary>
    public string? FullName { get; init; }

    /// <summary><c>address.address_line_1</c>: street and number.</summary>
    public string? AddressLine1 { get; init; }

    /// <summary><c>address.address_line_2</c>.</summary>
    public string? AddressLine2 { get; init; }

    /// <summary><c>address.admin_area_2</c>: city.</summary>
    public string? AdminArea2 { get; init; }

    /// <summary><c>address.admin_area_1</c>: state or province.</summary>
    public string? AdminArea1 { get; init; }

    /// <summary><c>address.postal_code</c>.</summary>
    public string? PostalCode { get; init; }

    /// <summary><c>address.country_code</c>; without it no address is sent (PayPal requires it).</summary>
    public string? CountryCode { get; init; }
}
