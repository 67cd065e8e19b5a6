using System.Text.Json.Nodes;
using Connector.Domain.Checkout;

namespace Connector.Domain.Tests.Checkout;

public sealed class PayUponInvoiceTests
{
    private static readonly PayUponInvoiceExperience Experience = new()
    {
        BrandName = "My Shop",
        LogoUrl = "https://example.com/logo.svg",
        CustomerServiceInstructions = "Call +49 69 1234567",
    };

    private static CheckoutCart Cart(CheckoutAddress? billing = null, string? email = "erika@example.com", string? locale = "de") => new()
    {
        CurrencyCode = "EUR",
        FractionDigits = 2,
        TotalGrossCents = 11900,
        CustomerEmail = email,
        Locale = locale,
        BillingAddress = billing ?? new CheckoutAddress
        {
            FirstName = "Erika", LastName = "Mustermann", StreetName = "Schönhauser Allee", StreetNumber = "84",
            PostalCode = "10439", City = "Berlin", Country = "DE",
        },
    };

    private static JsonObject Caller(string json) => JsonNode.Parse(json)!.AsObject();

    [Fact]
    public void Builds_the_payment_source_from_cart_caller_and_settings()
    {
        var source = PayUponInvoice.BuildPaymentSource(
            Cart(), Caller("""{"birth_date":"1990-01-01","phone":{"national_number":"6912345678","country_code":"49"},"email":"attacker@example.com","name":{"given_name":"X"}}"""), Experience);

        source.ToJsonString().ShouldBe(JsonNode.Parse("""
            {"pay_upon_invoice":{
              "name":{"given_name":"Erika","surname":"Mustermann"},
              "email":"erika@example.com",
              "birth_date":"1990-01-01",
              "phone":{"national_number":"6912345678","country_code":"49"},
              "billing_address":{"address_line_1":"Schönhauser Allee 84","admin_area_2":"Berlin","postal_code":"10439","country_code":"DE"},
              "experience_context":{"locale":"de-DE","brand_name":"My Shop","logo_url":"https://example.com/logo.svg","customer_service_instructions":["Call +49 69 1234567"]}
            }}
            """)!.ToJsonString());
    }

    [Theory]
    [InlineData("""{"national_number":"069 123-456","country_code":"+49"}""", null, "69123456", "49")]
    [InlineData("""{"national_number":"6912345678"}""", null, "6912345678", "49")]
    [InlineData("""{"national_number":"1234567","country_code":"43"}""", null, "1234567", "43")]
    [InlineData(null, "+49 69 1234567", "691234567", "49")]
    [InlineData(null, "0049 (69) 1234567", "691234567", "49")]
    [InlineData(null, "069/1234567", "691234567", "49")]
    public void Phone_comes_from_the_caller_or_a_German_billing_number(string? callerPhone, string? billingPhone, string national, string country)
    {
        var billing = Cart().BillingAddress! with { Phone = billingPhone };
        var caller = Caller(callerPhone is null ? """{"birth_date":"1990-01-01"}""" : $$"""{"birth_date":"1990-01-01","phone":{{callerPhone}}}""");

        var phone = PayUponInvoice.BuildPaymentSource(Cart(billing), caller, Experience)["pay_upon_invoice"]!["phone"]!;

        phone.ToJsonString().ShouldBe($$"""{"national_number":"{{national}}","country_code":"{{country}}"}""");
    }

    [Theory]
    [InlineData("""{}""", "payment_source.pay_upon_invoice.birth_date is required")]
    [InlineData("""{"birth_date":19900101}""", "payment_source.pay_upon_invoice.birth_date is required")]
    [InlineData("""{"birth_date":"01.01.1990"}""", "payment_source.pay_upon_invoice.birth_date must be a date in the form YYYY-MM-DD")]
    [InlineData("""{"birth_date":"1990-02-30"}""", "payment_source.pay_upon_invoice.birth_date must be a date in the form YYYY-MM-DD")]
    [InlineData("""{"birth_date":"1990-01-01"}""", "payment_source.pay_upon_invoice.phone is required")]
    [InlineData("""{"birth_date":"1990-01-01","phone":"0691234"}""", "payment_source.pay_upon_invoice.phone must be an object")]
    [InlineData("""{"birth_date":"1990-01-01","phone":{"national_number":"abc"}}""", "payment_source.pay_upon_invoice.phone.national_number must be 1 to 14 digits")]
    [InlineData("""{"birth_date":"1990-01-01","phone":{"national_number":"123456789012345"}}""", "payment_source.pay_upon_invoice.phone.national_number must be 1 to 14 digits")]
    [InlineData("""{"birth_date":"1990-01-01","phone":{"national_number":"123","country_code":"1234"}}""", "payment_source.pay_upon_invoice.phone.country_code must be 1 to 3 digits")]
    public void Missing_or_malformed_caller_values_are_rejected(string caller, string message) =>
        Should.Throw<DomainValidationException>(() => PayUponInvoice.BuildPaymentSource(Cart(), Caller(caller), Experience))
            .Message.ShouldStartWith(message);

    [Fact]
    public void Without_caller_object_birth_date_is_required() =>
        Should.Throw<DomainValidationException>(() => PayUponInvoice.BuildPaymentSource(Cart(), null, Experience))
            .Message.ShouldContain("birth_date is required");

    [Theory]
    [InlineData(null, "Mustermann", "Street", "10439", "Berlin", "DE", "erika@example.com", "first name")]
    [InlineData("Erika", " ", "Street", "10439", "Berlin", "DE", "erika@example.com", "last name")]
    [InlineData("Erika", "Mustermann", null, "10439", "Berlin", "DE", "erika@example.com", "street")]
    [InlineData("Erika", "Mustermann", "Street", null, "Berlin", "DE", "erika@example.com", "postal code")]
    [InlineData("Erika", "Mustermann", "Street", "10439", null, "DE", "erika@example.com", "city")]
    [InlineData("Erika", "Mustermann", "Street", "10439", "Berlin", null, "erika@example.com", "country")]
    [InlineData("Erika", "Mustermann", "Street", "10439", "Berlin", "D1", "erika@example.com", "ISO 3166-1 alpha-2 billing country")]
    [InlineData("Erika", "Mustermann", "Street", "10439", "Berlin", "DE", null, "e-mail address")]
    [InlineData("Erika", "Mustermann", "Street", "10439", "Berlin", "DE", "not-an-email", "is not a valid e-mail address")]
    [InlineData("Erika", "Mustermann", "Street", "10439", "Berlin", "DE", "a@b@c", "is not a valid e-mail address")]
    public void Cart_data_Pay_Upon_Invoice_needs_is_checked(
        string? first, string? last, string? street, string? postalCode, string? city, string? country, string? email, string message)
    {
        var cart = Cart(new CheckoutAddress { FirstName = first, LastName = last, StreetName = street, PostalCode = postalCode, City = city, Country = country }, email);
        var caller = Caller("""{"birth_date":"1990-01-01","phone":{"national_number":"6912345678"}}""");

        Should.Throw<DomainValidationException>(() => PayUponInvoice.BuildPaymentSource(cart, caller, Experience))
            .Message.ShouldSatisfyAllConditions(m => m.ShouldStartWith("payment_source.pay_upon_invoice"), m => m.ShouldContain(message));
    }

    [Fact]
    public void No_billing_address_is_rejected() =>
        Should.Throw<DomainValidationException>(() => PayUponInvoice.BuildPaymentSource(Cart() with { BillingAddress = null }, null, Experience))
            .Message.ShouldBe("payment_source.pay_upon_invoice requires a billing address on the cart.");

    [Fact]
    public void Billing_e_mail_wins_over_the_cart_e_mail()
    {
        var cart = Cart(Cart().BillingAddress! with { Email = "billing@example.com" });
        var source = PayUponInvoice.BuildPaymentSource(cart, Caller("""{"birth_date":"1990-01-01","phone":{"national_number":"691"}}"""), Experience);
        source["pay_upon_invoice"]!["email"]!.GetValue<string>().ShouldBe("billing@example.com");
    }

    [Theory]
    [InlineData(null, "de", "de-DE")]
    [InlineData(null, "en", "en-DE")]
    [InlineData(null, "en-GB", "en-GB")]
    [InlineData(null, "de_AT", "de-AT")]
    [InlineData(null, null, "de-DE")]
    [InlineData("en-DE", "fr", "en-DE")]
    [InlineData(null, "nonsense-locale", "de-DE")]
    public void Locale_is_language_and_country(string? settingsLocale, string? cartLocale, string expected)
    {
        var source = PayUponInvoice.BuildPaymentSource(
            Cart(locale: cartLocale), Caller("""{"birth_date":"1990-01-01","phone":{"national_number":"691"}}"""), Experience with { Locale = settingsLocale });
        source["pay_upon_invoice"]!["experience_context"]!["locale"]!.GetValue<string>().ShouldBe(expected);
    }

    [Fact]
    public void Optional_settings_are_omitted_but_instructions_are_required()
    {
        var caller = Caller("""{"birth_date":"1990-01-01","phone":{"national_number":"691"}}""");
        var context = PayUponInvoice.BuildPaymentSource(Cart(), caller, new PayUponInvoiceExperience { CustomerServiceInstructions = "Mail us" })["pay_upon_invoice"]!["experience_context"]!;
        context.ToJsonString().ShouldBe("""{"locale":"de-DE","customer_service_instructions":["Mail us"]}""");

        Should.Throw<DomainValidationException>(() => PayUponInvoice.BuildPaymentSource(Cart(), caller, new PayUponInvoiceExperience { CustomerServiceInstructions = " " }))
            .Message.ShouldContain("ratePayCustomerServiceInstructions");
    }

    [Theory]
    [InlineData(11900, "EUR", true, null)]
    [InlineData(11900, "EUR", false, "requires a cart holding the payment")]
    [InlineData(10000, "EUR", true, "requires amountPlanned 100.00 EUR to equal the cart total 119.00 EUR")]
    [InlineData(11900, "USD", true, "is only available in EUR; the payment is in USD")]
    public void Applicability(long planned, string currency, bool withCart, string? message)
    {
        var check = () => PayUponInvoice.EnsureApplicable(Money.FromCommercetools(planned, currency), withCart ? Cart() : null);
        if (message is null)
        {
            check();
        }
        else
        {
            Should.Throw<DomainValidationException>(check).Message.ShouldContain(message);
        }
    }
}
