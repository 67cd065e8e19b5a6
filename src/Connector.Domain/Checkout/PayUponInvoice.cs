using System.Globalization;
using System.Text.Json.Nodes;

namespace Connector.Domain.Checkout;

/// <summary>
/// Builds the PayPal <c>payment_source.pay_upon_invoice</c> for createPayPalOrder: buyer name, e-mail
/// and billing address from the cart (never from the caller), birth date and phone from the caller, and the
/// experience context from the settings.
/// </summary>
public static class PayUponInvoice
{
    /// <summary>The order <c>intent</c> Pay Upon Invoice requires.</summary>
    public const string Intent = "CAPTURE";

    /// <summary>The order <c>processing_instruction</c> Pay Upon Invoice requires.</summary>
    public const string ProcessingInstruction = "ORDER_COMPLETE_ON_PAYMENT_APPROVAL";

    /// <summary>The only currency PayPal offers Pay Upon Invoice in.</summary>
    public const string Currency = "EUR";

    private const string Field = "payment_source.pay_upon_invoice";

    /// <summary>
    /// Checks what Pay Upon Invoice needs from the payment and cart: a cart, EUR, and <paramref name="amountPlanned"/>
    /// equal to the cart total.
    /// </summary>
    /// <param name="amountPlanned">The payment's <c>amountPlanned</c>.</param>
    /// <param name="cart">The cart holding the payment.</param>
    /// <exception cref="DomainValidationException">A rule is broken; the message says which.</exception>
    public static void EnsureApplicable(Money amountPlanned, CheckoutCart? cart)
    {
        if (cart is null)
        {
            throw new DomainValidationException($"{Field} requires a cart holding the payment, and none was found.");
        }

        if (!string.Equals(amountPlanned.CurrencyCode, Currency, StringComparison.Ordinal))
        {
            throw new DomainValidationException($"{Field} is only available in {Currency}; the payment is in {amountPlanned.CurrencyCode}.");
        }

        var total = new Money(cart.TotalGrossCents, cart.CurrencyCode, cart.FractionDigits);
        if (!string.Equals(total.CurrencyCode, amountPlanned.CurrencyCode, StringComparison.Ordinal) || total.CompareTo(amountPlanned) != 0)
        {
            throw new DomainValidationException($"{Field} requires amountPlanned {amountPlanned} to equal the cart total {total}.");
        }
    }

    /// <summary>
    /// The <c>payment_source</c> object <c>{"pay_upon_invoice":{…}}</c>.
    /// </summary>
    /// <param name="cart">The cart: billing address (name, street, city, postal code, country, phone fallback) and e-mail.</param>
    /// <param name="callerPayUponInvoice">
    /// The caller's <c>payment_source.pay_upon_invoice</c>: only <c>birth_date</c> (YYYY-MM-DD) and
    /// <c>phone {national_number, country_code}</c> are taken from it.
    /// </param>
    /// <param name="experience">Settings for the experience context.</param>
    /// <exception cref="DomainValidationException">A required value is missing or malformed; the message names the field.</exception>
    public static JsonObject BuildPaymentSource(CheckoutCart cart, JsonObject? callerPayUponInvoice, PayUponInvoiceExperience experience)
    {
        ArgumentNullException.ThrowIfNull(cart);
        ArgumentNullException.ThrowIfNull(experience);
        var billing = cart.BillingAddress
            ?? throw new DomainValidationException($"{Field} requires a billing address on the cart.");

        var payUponInvoice = new JsonObject
        {
            ["name"] = new JsonObject
            {
                ["given_name"] = Required(billing.FirstName, 140, "the billing address first name"),
                ["surname"] = Required(billing.LastName, 140, "the billing address last name"),
            },
            ["email"] = Email(billing.Email ?? cart.CustomerEmail),
            ["birth_date"] = BirthDate(callerPayUponInvoice?["birth_date"]),
            ["phone"] = Phone(callerPayUponInvoice?["phone"], billing.Phone),
            ["billing_address"] = BillingAddress(billing),
            ["experience_context"] = ExperienceContext(experience, cart),
        };
        return new JsonObject { ["pay_upon_invoice"] = payUponInvoice };
    }

    private static JsonObject BillingAddress(CheckoutAddress billing)
    {
        var street = string.Join(' ', new[] { billing.StreetName?.Trim(), billing.StreetNumber?.Trim() }.Where(p => !string.IsNullOrEmpty(p)));
        var address = new JsonObject
        {
            ["address_line_1"] = Required(street, 300, "the billing address street"),
        };
        if (PurchaseUnitPlanner.Cut(billing.AdditionalStreetInfo, 300) is { } line2)
        {
            address["address_line_2"] = line2;
        }

        address["admin_area_2"] = Required(billing.City, 120, "the billing address city");
        address["postal_code"] = Required(billing.PostalCode, 60, "the billing address postal code");
        var country = Required(billing.Country, 2, "the billing address country").ToUpperInvariant();
        if (country.Length != 2 || !country.All(char.IsAsciiLetterUpper))
        {
            throw new DomainValidationException($"{Field} requires an ISO 3166-1 alpha-2 billing country; got '{billing.Country}'.");
        }

        address["country_code"] = country;
        return address;
    }

    private static JsonObject ExperienceContext(PayUponInvoiceExperience experience, CheckoutCart cart)
    {
        var instructions = PurchaseUnitPlanner.Cut(experience.CustomerServiceInstructions, 4000)
            ?? throw new DomainValidationException(
                $"{Field} requires customer service instructions: set ratePayCustomerServiceInstructions in the connector settings.");
        var context = new JsonObject { ["locale"] = Locale(experience.Locale ?? cart.Locale, cart.BillingAddress?.Country) };
        if (PurchaseUnitPlanner.Cut(experience.BrandName, 127) is { } brand)
        {
            context["brand_name"] = brand;
        }

        if (PurchaseUnitPlanner.Cut(experience.LogoUrl, 2000) is { } logo)
        {
            context["logo_url"] = logo;
        }

        context["customer_service_instructions"] = new JsonArray(instructions);
        return context;
    }

    private static string Locale(string? locale, string? country)
    {
        // PayPal wants language-COUNTRY; commercetools locales are often just "de".
        var parts = (locale ?? string.Empty).Trim().Replace('_', '-').Split('-', StringSplitOptions.RemoveEmptyEntries);
        var language = parts.Length > 0 && parts[0].Length == 2 && parts[0].All(char.IsAsciiLetter) ? parts[0].ToLowerInvariant() : "de";
        var region = parts.Length > 1 && parts[1].Length == 2 && parts[1].All(char.IsAsciiLetter)
            ? parts[1].ToUpperInvariant()
            : country?.Trim() is { Length: 2 } c && c.All(char.IsAsciiLetter) ? c.ToUpperInvariant() : "DE";
        return $"{language}-{region}";
    }

    private static string Email(string? email)
    {
        var value = email?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            throw new DomainValidationException($"{Field} requires an e-mail address on the cart or its billing address.");
        }

        var at = value.IndexOf('@', StringComparison.Ordinal);
        if (value.Length > 254 || at <= 0 || at != value.LastIndexOf('@') || at == value.Length - 1 || value.Any(char.IsWhiteSpace))
        {
            throw new DomainValidationException($"{Field}.email '{Currencies.Truncate(value, 60)}' is not a valid e-mail address.");
        }

        return value;
    }

    private static string BirthDate(JsonNode? node)
    {
        if (node is not JsonValue value || !value.TryGetValue<string>(out var text) || string.IsNullOrWhiteSpace(text))
        {
            throw new DomainValidationException($"{Field}.birth_date is required (a string in the form YYYY-MM-DD).");
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) || date.Year < 1900)
        {
            throw new DomainValidationException($"{Field}.birth_date must be a date in the form YYYY-MM-DD; got '{Currencies.Truncate(text, 20)}'.");
        }

        return date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    private static JsonObject Phone(JsonNode? callerPhone, string? billingPhone)
    {
        if (callerPhone is JsonObject phone)
        {
            var national = Digits(Text(phone["national_number"]))?.TrimStart('0');
            var country = Digits(Text(phone["country_code"])?.TrimStart('+')) ?? "49";
            if (national is not { Length: >= 1 and <= 14 })
            {
                throw new DomainValidationException($"{Field}.phone.national_number must be 1 to 14 digits.");
            }

            if (country.Length is < 1 or > 3)
            {
                throw new DomainValidationException($"{Field}.phone.country_code must be 1 to 3 digits.");
            }

            return new JsonObject { ["national_number"] = national, ["country_code"] = country };
        }

        if (callerPhone is not null)
        {
            throw new DomainValidationException($"{Field}.phone must be an object with national_number and country_code.");
        }

        if (FromGermanNumber(billingPhone) is { } fromCart)
        {
            return fromCart;
        }

        throw new DomainValidationException($"{Field}.phone is required (national_number and country_code), and the billing address has no German phone number to use.");
    }

    // Pay Upon Invoice is for German buyers, so only German formats are read from the free-text billing phone.
    private static JsonObject? FromGermanNumber(string? phone)
    {
        var text = phone?.Trim();
        if (string.IsNullOrEmpty(text) || text.Any(c => !(char.IsAsciiDigit(c) || c is ' ' or '-' or '/' or '(' or ')' or '+')))
        {
            return null;
        }

        var digits = Digits(text.Replace("+", string.Empty, StringComparison.Ordinal)) ?? string.Empty;
        string national;
        if (text.StartsWith("+49", StringComparison.Ordinal))
        {
            national = digits[2..];
        }
        else if (text.StartsWith("0049", StringComparison.Ordinal))
        {
            national = digits[4..];
        }
        else if (text.StartsWith('0') && !text.StartsWith("00", StringComparison.Ordinal))
        {
            national = digits;
        }
        else
        {
            return null;
        }

        national = national.TrimStart('0');
        return national.Length is >= 1 and <= 14
            ? new JsonObject { ["national_number"] = national, ["country_code"] = "49" }
            : null;
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static string? Digits(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var stripped = new string(text.Where(c => c is not (' ' or '-' or '/' or '(' or ')')).ToArray());
        return stripped.Length > 0 && stripped.All(char.IsAsciiDigit) ? stripped : null;
    }

    private static string Required(string? value, int max, string what) =>
        PurchaseUnitPlanner.Cut(value, max)
            ?? throw new DomainValidationException($"{Field} requires {what}, which the cart does not have.");
}
