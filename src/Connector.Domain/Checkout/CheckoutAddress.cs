namespace Connector.Domain.Checkout;

/// <summary>A commercetools address, reduced to what PayPal takes.</summary>
public sealed record CheckoutAddress
{
    /// <summary>Given name.</summary>
    public string? FirstName { get; init; }

    /// <summary>Family name.</summary>
    public string? LastName { get; init; }

    /// <summary>Street name.</summary>
    public string? StreetName { get; init; }

    /// <summary>House number.</summary>
    public string? StreetNumber { get; init; }

    /// <summary>Second address line (apartment, floor…).</summary>
    public string? AdditionalStreetInfo { get; init; }

    /// <summary>Postal code.</summary>
    public string? PostalCode { get; init; }

    /// <summary>City.</summary>
    public string? City { get; init; }

    /// <summary>State, province or region.</summary>
    public string? State { get; init; }

    /// <summary>ISO 3166-1 alpha-2 country code.</summary>
    public string? Country { get; init; }

    /// <summary>E-mail address.</summary>
    public string? Email { get; init; }

    /// <summary>Phone number as entered.</summary>
    public string? Phone { get; init; }
}
