namespace Connector.Domain.Checkout;

/// <summary>
/// Merchant settings for Pay Upon Invoice (settings <c>ratePay*</c>, already resolved for the shopper's locale);
/// they become <c>pay_upon_invoice.experience_context</c>.
/// </summary>
public sealed record PayUponInvoiceExperience
{
    /// <summary><c>brand_name</c> (settings <c>ratePayBrandName</c>); cut to 127 characters.</summary>
    public string? BrandName { get; init; }

    /// <summary><c>logo_url</c> (settings <c>ratePayLogoUrl</c>).</summary>
    public string? LogoUrl { get; init; }

    /// <summary><c>customer_service_instructions[0]</c> (settings <c>ratePayCustomerServiceInstructions</c>); required by PayPal.</summary>
    public string? CustomerServiceInstructions { get; init; }

    /// <summary><c>locale</c> such as <c>de-DE</c>; the cart's locale when null.</summary>
    public string? Locale { get; init; }
}
