namespace Connector.Domain.Tests;

public sealed class CurrenciesTests
{
    [Theory]
    [InlineData("EUR", 2)]
    [InlineData("USD", 2)]
    [InlineData("GBP", 2)]
    [InlineData("HUF", 2)]
    [InlineData("TWD", 2)]
    [InlineData("JPY", 0)]
    [InlineData("KRW", 0)]
    [InlineData("CLP", 0)]
    [InlineData("ISK", 0)]
    [InlineData("VND", 0)]
    [InlineData("KWD", 3)]
    [InlineData("BHD", 3)]
    [InlineData("JOD", 3)]
    [InlineData("OMR", 3)]
    [InlineData("TND", 3)]
    [InlineData("LYD", 3)]
    [InlineData("IQD", 3)]
    [InlineData("CLF", 4)]
    [InlineData("XYZ", 2)]
    public void Commercetools_fraction_digits_follow_ISO_4217(string currency, int expected) =>
        Currencies.CommercetoolsFractionDigits(currency).ShouldBe(expected);

    [Theory]
    [InlineData("eur")]
    [InlineData("EU")]
    [InlineData("EURO")]
    [InlineData("")]
    [InlineData("E1R")]
    [InlineData(" EUR")]
    [InlineData(null)]
    public void Malformed_currency_codes_are_rejected(string? currency)
    {
        Should.Throw<DomainValidationException>(() => Currencies.CommercetoolsFractionDigits(currency!))
            .Message.ShouldContain("currencyCode");
        Should.Throw<DomainValidationException>(() => Currencies.PayPalDecimals(currency!));
        Currencies.IsSupportedByPayPal(currency!).ShouldBeFalse();
    }

    [Theory]
    [InlineData("AUD", true)]
    [InlineData("BRL", true)]
    [InlineData("CAD", true)]
    [InlineData("CNY", true)]
    [InlineData("CZK", true)]
    [InlineData("DKK", true)]
    [InlineData("EUR", true)]
    [InlineData("HKD", true)]
    [InlineData("HUF", true)]
    [InlineData("ILS", true)]
    [InlineData("JPY", true)]
    [InlineData("MYR", true)]
    [InlineData("MXN", true)]
    [InlineData("TWD", true)]
    [InlineData("NZD", true)]
    [InlineData("NOK", true)]
    [InlineData("PHP", true)]
    [InlineData("PLN", true)]
    [InlineData("GBP", true)]
    [InlineData("SGD", true)]
    [InlineData("SEK", true)]
    [InlineData("CHF", true)]
    [InlineData("THB", true)]
    [InlineData("USD", true)]
    [InlineData("KRW", false)]
    [InlineData("KWD", false)]
    [InlineData("INR", false)]
    [InlineData("usd", false)]
    public void PayPal_supported_currencies(string currency, bool supported) =>
        Currencies.IsSupportedByPayPal(currency).ShouldBe(supported);

    [Fact]
    public void PayPal_supports_exactly_24_currencies() => Currencies.PayPalSupported.Count.ShouldBe(24);

    [Theory]
    [InlineData("HUF", 0)]
    [InlineData("JPY", 0)]
    [InlineData("TWD", 0)]
    [InlineData("EUR", 2)]
    [InlineData("USD", 2)]
    [InlineData("CHF", 2)]
    [InlineData("KWD", 2)]
    public void PayPal_decimals(string currency, int expected) =>
        Currencies.PayPalDecimals(currency).ShouldBe(expected);
}
