using System.Text.Json;

namespace Connector.Domain.Tests;

public sealed class MoneyTests
{
    [Theory]
    [InlineData(1000, "EUR", null, 1000, 2)]
    [InlineData(1500, "JPY", null, 1500, 0)]
    [InlineData(1234, "KWD", null, 1234, 3)]
    [InlineData(12300, "HUF", null, 12300, 2)]
    [InlineData(12300, "HUF", 0, 12300, 0)]
    [InlineData(0, "USD", null, 0, 2)]
    public void From_commercetools_uses_ISO_digits_unless_given(long cents, string currency, int? digits, long expectedUnits, int expectedDigits)
    {
        var money = Money.FromCommercetools(cents, currency, digits);
        money.MinorUnits.ShouldBe(expectedUnits);
        money.CurrencyCode.ShouldBe(currency);
        money.FractionDigits.ShouldBe(expectedDigits);
    }

    [Theory]
    [InlineData("eur", 2)]
    [InlineData("EUR", -1)]
    [InlineData("EUR", 19)]
    public void Invalid_money_cannot_be_constructed(string currency, int digits) =>
        Should.Throw<DomainValidationException>(() => new Money(1, currency, digits));

    [Fact]
    public void With_expressions_are_validated_too() =>
        Should.Throw<DomainValidationException>(() => Money.FromCommercetools(1, "EUR") with { CurrencyCode = "x" });

    [Theory]
    [InlineData(1000, "EUR", 2, "10.00")]
    [InlineData(1, "EUR", 2, "0.01")]
    [InlineData(0, "EUR", 2, "0.00")]
    [InlineData(123456789, "USD", 2, "1234567.89")]
    [InlineData(1500, "JPY", 0, "1500")]
    [InlineData(12300, "HUF", 2, "123")]
    [InlineData(123, "HUF", 0, "123")]
    [InlineData(100, "TWD", 2, "1")]
    [InlineData(5000, "TWD", 2, "50")]
    [InlineData(10, "EUR", 1, "1.00")]
    [InlineData(12340, "EUR", 3, "12.34")]
    [InlineData(7, "EUR", 0, "7.00")]
    [InlineData(1999, "GBP", 2, "19.99")]
    [InlineData(9223372036854775807, "USD", 2, "92233720368547758.07")]
    public void PayPal_value_uses_PayPal_decimals(long units, string currency, int digits, string expected) =>
        new Money(units, currency, digits).ToPayPalValue().ShouldBe(expected);

    [Theory]
    [InlineData(12345, "HUF", 2, "cannot be represented exactly in HUF, which PayPal accepts without decimals")]
    [InlineData(150, "JPY", 2, "cannot be represented exactly in JPY, which PayPal accepts without decimals")]
    [InlineData(5001, "TWD", 2, "cannot be represented exactly in TWD, which PayPal accepts without decimals")]
    [InlineData(12345, "EUR", 3, "cannot be represented exactly in EUR, which PayPal accepts with at most 2 decimal places")]
    [InlineData(100, "KRW", 0, "which PayPal does not support")]
    [InlineData(100, "KWD", 3, "which PayPal does not support")]
    [InlineData(-100, "EUR", 2, "cannot be negative")]
    public void PayPal_value_rejects_what_PayPal_cannot_take(long units, string currency, int digits, string message) =>
        Should.Throw<DomainValidationException>(() => new Money(units, currency, digits).ToPayPalValue("amountPlanned"))
            .Message.ShouldSatisfyAllConditions(
                m => m.ShouldContain(message),
                m => m.ShouldStartWith("amountPlanned "));

    [Fact]
    public void HUF_with_cents_message_is_precise() =>
        Should.Throw<DomainValidationException>(() => Money.FromCommercetools(12345, "HUF").ToPayPalValue())
            .Message.ShouldBe("amount 123.45 HUF cannot be represented exactly in HUF, which PayPal accepts without decimals.");

    [Fact]
    public void PayPal_money_object_has_currency_and_value()
    {
        var json = Money.FromCommercetools(1000, "EUR").ToPayPalMoney().ToJsonString();
        json.ShouldBe("""{"currency_code":"EUR","value":"10.00"}""");
    }

    [Theory]
    [InlineData("10.00", "EUR", null, 1000, 2)]
    [InlineData("10", "EUR", null, 1000, 2)]
    [InlineData("10.5", "EUR", null, 1050, 2)]
    [InlineData("0.01", "EUR", null, 1, 2)]
    [InlineData(".5", "EUR", null, 50, 2)]
    [InlineData("10.000", "EUR", null, 1000, 2)]
    [InlineData("1500", "JPY", null, 1500, 0)]
    [InlineData("1500.00", "JPY", null, 1500, 0)]
    [InlineData("123", "HUF", null, 12300, 2)]
    [InlineData("50", "TWD", null, 5000, 2)]
    [InlineData("-1.50", "USD", null, -150, 2)]
    [InlineData("0", "USD", null, 0, 2)]
    [InlineData("007.10", "USD", null, 710, 2)]
    [InlineData("1.234", "KWD", null, 1234, 3)]
    [InlineData("12.34", "EUR", 3, 12340, 3)]
    [InlineData("92233720368547758.07", "USD", null, 9223372036854775807, 2)]
    public void PayPal_values_parse_exactly(string value, string currency, int? digits, long expectedUnits, int expectedDigits) =>
        Money.FromPayPalValue(value, currency, digits).ShouldBe(new Money(expectedUnits, currency, expectedDigits));

    [Theory]
    [InlineData("")]
    [InlineData(" 10.00")]
    [InlineData("10.00 ")]
    [InlineData("10,00")]
    [InlineData("1e3")]
    [InlineData("+10")]
    [InlineData("10.")]
    [InlineData(".")]
    [InlineData("-")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("0x10")]
    [InlineData("10.001")]
    [InlineData("1000000000000000000000")]
    [InlineData("92233720368547758.08")]
    public void Malformed_or_too_precise_PayPal_values_are_rejected(string value) =>
        Should.Throw<DomainValidationException>(() => Money.FromPayPalValue(value, "EUR"));

    [Fact]
    public void Too_precise_PayPal_value_for_JPY_is_rejected() =>
        Should.Throw<DomainValidationException>(() => Money.FromPayPalValue("10.5", "JPY"))
            .Message.ShouldContain("more than 0 decimal places");

    [Fact]
    public void PayPal_money_object_parses()
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse("""{"currency_code":"USD","value":"12.34"}""");
        Money.FromPayPalMoney(node, "captures[0].amount").ShouldBe(Money.FromCommercetools(1234, "USD"));
        Should.Throw<DomainValidationException>(() => Money.FromPayPalMoney(null, "captures[0].amount"))
            .Message.ShouldStartWith("captures[0].amount");
    }

    [Theory]
    [InlineData("2", "EUR", 2, 200)]
    [InlineData("2.5", "EUR", 2, 250)]
    [InlineData("\"2.50\"", "EUR", 2, 250)]
    [InlineData("\"2\"", "EUR", 2, 200)]
    [InlineData("2.50000", "EUR", 2, 250)]
    [InlineData("0.01", "EUR", 2, 1)]
    [InlineData("25e-1", "EUR", 2, 250)]
    [InlineData("2E2", "EUR", 2, 20000)]
    [InlineData("1.5e1", "USD", 2, 1500)]
    [InlineData("\"1e2\"", "USD", 2, 10000)]
    [InlineData("1500", "JPY", 0, 1500)]
    [InlineData("123", "HUF", 2, 12300)]
    [InlineData("123.00", "HUF", 2, 12300)]
    [InlineData("50", "TWD", 2, 5000)]
    [InlineData("1.23", "KWD", 3, 1230)]
    [InlineData("0.1", "EUR", 2, 10)]
    [InlineData("0.30000000000000004e0", "EUR", 2, -1)]
    public void Major_units_parse_exactly_from_raw_JSON(string json, string currency, int digits, long expected)
    {
        using var doc = JsonDocument.Parse(json);
        if (expected < 0)
        {
            // 0.1 + 0.2 in doubles; the exact decimal is too precise and must not be rounded to 0.30.
            Should.Throw<DomainValidationException>(() => Money.ParseMajorUnits(doc.RootElement, currency, digits, "amount"));
            return;
        }

        Money.ParseMajorUnits(doc.RootElement, currency, digits, "amount").ShouldBe(new Money(expected, currency, digits));
    }

    [Theory]
    [InlineData("0", "EUR", 2, "refund.amount must be greater than zero")]
    [InlineData("\"0.00\"", "EUR", 2, "refund.amount must be greater than zero")]
    [InlineData("-2", "EUR", 2, "refund.amount must be greater than zero")]
    [InlineData("-0", "EUR", 2, "refund.amount must be greater than zero")]
    [InlineData("\"-2.50\"", "EUR", 2, "refund.amount must be greater than zero")]
    [InlineData("2.505", "EUR", 2, "EUR amounts allow at most 2 decimal places")]
    [InlineData("\"2.505\"", "EUR", 2, "EUR amounts allow at most 2 decimal places")]
    [InlineData("1e-3", "EUR", 2, "EUR amounts allow at most 2 decimal places")]
    [InlineData("2.5", "JPY", 0, "JPY amounts allow no decimal places")]
    [InlineData("2.5", "HUF", 2, "HUF amounts allow no decimal places")]
    [InlineData("\"123.45\"", "HUF", 2, "HUF amounts allow no decimal places")]
    [InlineData("1.5", "TWD", 2, "TWD amounts allow no decimal places")]
    [InlineData("1.234", "KWD", 3, "KWD amounts allow at most 2 decimal places")]
    [InlineData("\"NaN\"", "EUR", 2, "refund.amount must be a decimal amount")]
    [InlineData("\"Infinity\"", "EUR", 2, "refund.amount must be a decimal amount")]
    [InlineData("\"2,50\"", "EUR", 2, "refund.amount must be a decimal amount")]
    [InlineData("\" 2.50\"", "EUR", 2, "refund.amount must be a decimal amount")]
    [InlineData("\"\"", "EUR", 2, "refund.amount must be a decimal amount")]
    [InlineData("\"2.50 EUR\"", "EUR", 2, "refund.amount must be a decimal amount")]
    [InlineData("\"1e99999\"", "EUR", 2, "refund.amount must be a decimal amount")]
    [InlineData("1e300", "EUR", 2, "is too large")]
    [InlineData("99999999999999999999", "EUR", 2, "is too large")]
    [InlineData("true", "EUR", 2, "got a JSON true")]
    [InlineData("null", "EUR", 2, "got a JSON null")]
    [InlineData("{\"value\":\"2\"}", "EUR", 2, "got a JSON object")]
    [InlineData("[2]", "EUR", 2, "got a JSON array")]
    public void Bad_major_unit_amounts_are_rejected_naming_the_field(string json, string currency, int digits, string message)
    {
        using var doc = JsonDocument.Parse(json);
        var ex = Should.Throw<DomainValidationException>(() => Money.ParseMajorUnits(doc.RootElement, currency, digits, "refund.amount"));
        ex.Message.ShouldContain("refund.amount");
        ex.Message.ShouldContain(message);
    }

    [Theory]
    [InlineData(1000, 250, 1250, 750)]
    [InlineData(0, 0, 0, 0)]
    [InlineData(100, 250, 350, -150)]
    public void Arithmetic_in_the_same_currency(long a, long b, long sum, long difference)
    {
        var left = Money.FromCommercetools(a, "EUR");
        var right = Money.FromCommercetools(b, "EUR");
        left.Add(right).ShouldBe(Money.FromCommercetools(sum, "EUR"));
        (left + right).ShouldBe(Money.FromCommercetools(sum, "EUR"));
        left.Subtract(right).ShouldBe(Money.FromCommercetools(difference, "EUR"));
        (left - right).ShouldBe(Money.FromCommercetools(difference, "EUR"));
    }

    [Fact]
    public void Different_fraction_digits_are_aligned()
    {
        var cents = new Money(1000, "EUR", 2);
        var mills = new Money(10000, "EUR", 3);
        cents.CompareTo(mills).ShouldBe(0);
        (cents + mills).ShouldBe(new Money(20000, "EUR", 3));
        cents.Equals(mills).ShouldBeFalse();
    }

    [Fact]
    public void Currency_mismatch_throws()
    {
        var eur = Money.FromCommercetools(100, "EUR");
        var usd = Money.FromCommercetools(100, "USD");
        Should.Throw<DomainValidationException>(() => eur.Add(usd)).Message.ShouldContain("currencies differ");
        Should.Throw<DomainValidationException>(() => eur.Subtract(usd));
        Should.Throw<DomainValidationException>(() => eur < usd);
        Should.Throw<DomainValidationException>(() => eur.CompareTo(usd));
    }

    [Fact]
    public void Overflow_throws_instead_of_wrapping() =>
        Should.Throw<DomainValidationException>(() => new Money(long.MaxValue, "EUR", 2) + new Money(1, "EUR", 2));

    [Theory]
    [InlineData(100, 200, -1)]
    [InlineData(200, 100, 1)]
    [InlineData(150, 150, 0)]
    public void Comparison(long a, long b, int sign)
    {
        var left = Money.FromCommercetools(a, "USD");
        var right = Money.FromCommercetools(b, "USD");
        Math.Sign(left.CompareTo(right)).ShouldBe(sign);
        (left < right).ShouldBe(sign < 0);
        (left > right).ShouldBe(sign > 0);
        (left <= right).ShouldBe(sign <= 0);
        (left >= right).ShouldBe(sign >= 0);
    }

    [Theory]
    [InlineData(0, true, false, false)]
    [InlineData(1, false, true, false)]
    [InlineData(-1, false, false, true)]
    public void Sign_helpers(long units, bool zero, bool positive, bool negative)
    {
        var money = Money.FromCommercetools(units, "EUR");
        money.IsZero.ShouldBe(zero);
        money.IsPositive.ShouldBe(positive);
        money.IsNegative.ShouldBe(negative);
    }

    [Theory]
    [InlineData(1050, "EUR", 2, "10.50 EUR")]
    [InlineData(-5, "EUR", 2, "-0.05 EUR")]
    [InlineData(1500, "JPY", 0, "1500 JPY")]
    [InlineData(1, "KWD", 3, "0.001 KWD")]
    public void Formats_in_major_units(long units, string currency, int digits, string expected) =>
        new Money(units, currency, digits).ToString().ShouldBe(expected);

    [Fact]
    public void PayPal_values_round_trip_for_every_supported_currency()
    {
        var random = new Random(4217);
        foreach (var currency in Currencies.PayPalSupported)
        {
            var digits = Currencies.CommercetoolsFractionDigits(currency);
            var step = Currencies.PayPalDecimals(currency) < digits ? 100 : 1;
            for (var i = 0; i < 200; i++)
            {
                var money = new Money(random.NextInt64(0, 1_000_000_000_000) * step, currency, digits);
                Money.FromPayPalValue(money.ToPayPalValue(), currency, digits).ShouldBe(money);
            }
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Major_unit_strings_round_trip(int digits)
    {
        var random = new Random(digits);
        for (var i = 0; i < 500; i++)
        {
            var money = new Money(random.NextInt64(1, long.MaxValue / 10), "EUR", digits);
            var allowed = Math.Min(digits, 2);
            if (digits > allowed && money.MinorUnits % 10 != 0)
            {
                continue;
            }

            Money.ParseMajorUnits(money.ToMajorUnitsString(), "EUR", digits, "amount").ShouldBe(money);
        }
    }

    [Fact]
    public void No_floating_point_in_the_domain_assembly()
    {
        var floatTypes = new[] { typeof(double), typeof(float), typeof(decimal) };
        var offenders = typeof(Money).Assembly.GetTypes()
            .SelectMany(t => t.GetProperties().Select(p => (Owner: t, Name: p.Name, Type: p.PropertyType))
                .Concat(t.GetFields(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic)
                    .Select(f => (Owner: t, Name: f.Name, Type: f.FieldType))))
            .Where(m => floatTypes.Contains(Nullable.GetUnderlyingType(m.Type) ?? m.Type))
            .Select(m => $"{m.Owner.Name}.{m.Name}")
            .ToList();
        offenders.ShouldBeEmpty();
    }
}
