using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Connector.Domain;

/// <summary>
/// An amount of money as commercetools holds it: an integer count of minor units (<c>centAmount</c>) with the
/// number of <c>fractionDigits</c> those units have. 10.00 EUR is <c>(1000, "EUR", 2)</c>; 1500 JPY is
/// <c>(1500, "JPY", 0)</c>. No binary floating point is involved anywhere; conversions either are exact or throw
/// <see cref="DomainValidationException"/>.
/// </summary>
/// <remarks>
/// Equality is structural: 10.00 EUR at 2 digits and 10.000 EUR at 3 digits are different values but compare as
/// equal with <see cref="CompareTo(Money)"/>.
/// </remarks>
/// <param name="MinorUnits">Amount in units of 10^-<paramref name="FractionDigits"/> of the currency (commercetools <c>centAmount</c>).</param>
/// <param name="CurrencyCode">ISO 4217 code, three upper-case letters.</param>
/// <param name="FractionDigits">Number of decimal places <paramref name="MinorUnits"/> carries (commercetools <c>fractionDigits</c>), 0 to 18.</param>
public readonly record struct Money(long MinorUnits, string CurrencyCode, int FractionDigits) : IComparable<Money>
{
    /// <summary>The largest supported <see cref="FractionDigits"/>.</summary>
    public const int MaxFractionDigits = 18;

    /// <summary>ISO 4217 code, three upper-case letters.</summary>
    public string CurrencyCode { get; init => field = CheckCurrency(value); } = CheckCurrency(CurrencyCode);

    /// <summary>Number of decimal places <see cref="MinorUnits"/> carries, 0 to 18.</summary>
    public int FractionDigits { get; init => field = CheckDigits(value); } = CheckDigits(FractionDigits);

    /// <summary>Whether the amount is zero.</summary>
    public bool IsZero => MinorUnits == 0;

    /// <summary>Whether the amount is above zero.</summary>
    public bool IsPositive => MinorUnits > 0;

    /// <summary>Whether the amount is below zero.</summary>
    public bool IsNegative => MinorUnits < 0;

    /// <summary>
    /// Money from a commercetools <c>{centAmount, currencyCode, fractionDigits}</c>. Without
    /// <paramref name="fractionDigits"/> the currency's ISO 4217 minor units are used, as commercetools does for drafts.
    /// </summary>
    /// <param name="centAmount">commercetools <c>centAmount</c>.</param>
    /// <param name="currencyCode">ISO 4217 code.</param>
    /// <param name="fractionDigits">commercetools <c>fractionDigits</c>, when known.</param>
    /// <exception cref="DomainValidationException">Malformed currency code or fraction digits outside 0–18.</exception>
    public static Money FromCommercetools(long centAmount, string currencyCode, int? fractionDigits = null) =>
        new(centAmount, currencyCode, fractionDigits ?? Currencies.CommercetoolsFractionDigits(currencyCode));

    /// <summary>
    /// Parses a PayPal money <c>value</c> ("10.00", "1500", "-1.5") exactly into commercetools minor units.
    /// Extra trailing zeros are fine; non-zero digits beyond <paramref name="fractionDigits"/> are not.
    /// </summary>
    /// <param name="value">PayPal decimal string (no exponent, no sign other than a leading '-').</param>
    /// <param name="currencyCode">ISO 4217 code.</param>
    /// <param name="fractionDigits">Target commercetools fraction digits; default the currency's ISO minor units.</param>
    /// <exception cref="DomainValidationException">Malformed, too precise or too large.</exception>
    public static Money FromPayPalValue(string value, string currencyCode, int? fractionDigits = null)
    {
        var digits = fractionDigits ?? Currencies.CommercetoolsFractionDigits(currencyCode);
        Currencies.EnsureWellFormed(currencyCode);
        CheckDigits(digits);
        if (value is null || !DecimalText.TryParse(value, allowExponent: false, out var parsed))
        {
            throw new DomainValidationException(
                $"PayPal amount {Currencies.Describe(value)} is not a decimal number.");
        }

        return DecimalText.TryToMinorUnits(parsed, digits, out var units) switch
        {
            DecimalText.Conversion.Exact => new Money(units, currencyCode, digits),
            DecimalText.Conversion.TooPrecise => throw new DomainValidationException(
                $"PayPal amount '{value}' {currencyCode} has more than {digits} decimal places."),
            _ => throw new DomainValidationException($"PayPal amount '{value}' {currencyCode} is too large."),
        };
    }

    /// <summary>
    /// Parses a PayPal money object <c>{"currency_code":"EUR","value":"10.00"}</c> into commercetools minor units.
    /// </summary>
    /// <param name="money">The PayPal money object.</param>
    /// <param name="fieldName">Name used in error messages, e.g. <c>captures[0].amount</c>.</param>
    /// <param name="fractionDigits">Target commercetools fraction digits; default the currency's ISO minor units.</param>
    /// <exception cref="DomainValidationException">Missing or malformed fields.</exception>
    public static Money FromPayPalMoney(JsonNode? money, string fieldName, int? fractionDigits = null)
    {
        if (money is not JsonObject obj
            || obj["currency_code"] is not JsonValue currencyNode || !currencyNode.TryGetValue<string>(out var currency)
            || obj["value"] is not JsonValue valueNode || !valueNode.TryGetValue<string>(out var value))
        {
            throw new DomainValidationException($"{fieldName} must be a PayPal money object with string currency_code and value.");
        }

        return FromPayPalValue(value, currency, fractionDigits);
    }

    /// <summary>
    /// Parses a caller-provided amount in major units (the refund <c>amount</c> of <c>{"amount": 2}</c>, or
    /// <c>2.5</c>, or <c>"2.50"</c>) exactly from the raw JSON text. It must be above zero and have no more
    /// decimals than both commercetools (<paramref name="fractionDigits"/>) and PayPal allow for the currency.
    /// </summary>
    /// <param name="value">A JSON number or a JSON string holding a decimal number.</param>
    /// <param name="currencyCode">ISO 4217 code of the payment.</param>
    /// <param name="fractionDigits">commercetools fraction digits of the payment.</param>
    /// <param name="fieldName">Field named in error messages, e.g. <c>refundPayPalOrderRequest.amount</c>.</param>
    /// <exception cref="DomainValidationException">Wrong JSON type, malformed, not positive, too precise or too large.</exception>
    public static Money ParseMajorUnits(JsonElement value, string currencyCode, int fractionDigits, string fieldName)
    {
        return value.ValueKind switch
        {
            JsonValueKind.Number => ParseMajorUnitsCore(value.GetRawText(), allowExponent: true, currencyCode, fractionDigits, fieldName),
            JsonValueKind.String => ParseMajorUnitsCore(value.GetString() ?? string.Empty, allowExponent: true, currencyCode, fractionDigits, fieldName),
            _ => throw new DomainValidationException(
                $"{fieldName} must be an amount in major units, as a JSON number (2.5) or a decimal string (\"2.50\"); got a JSON {value.ValueKind.ToString().ToLowerInvariant()}."),
        };
    }

    /// <summary>
    /// Parses an amount in major units from text (<c>"2"</c>, <c>"2.50"</c>, <c>"25e-1"</c>); the rules of
    /// <see cref="ParseMajorUnits(JsonElement, string, int, string)"/> apply.
    /// </summary>
    /// <param name="value">Decimal text.</param>
    /// <param name="currencyCode">ISO 4217 code of the payment.</param>
    /// <param name="fractionDigits">commercetools fraction digits of the payment.</param>
    /// <param name="fieldName">Field named in error messages.</param>
    /// <exception cref="DomainValidationException">Malformed, not positive, too precise or too large.</exception>
    public static Money ParseMajorUnits(string value, string currencyCode, int fractionDigits, string fieldName) =>
        ParseMajorUnitsCore(value ?? string.Empty, allowExponent: true, currencyCode, fractionDigits, fieldName);

    private static Money ParseMajorUnitsCore(string text, bool allowExponent, string currencyCode, int fractionDigits, string fieldName)
    {
        Currencies.EnsureWellFormed(currencyCode);
        CheckDigits(fractionDigits);
        if (!DecimalText.TryParse(text, allowExponent, out var parsed))
        {
            throw new DomainValidationException(
                $"{fieldName} must be a decimal amount in major units such as 2 or \"2.50\"; got {Currencies.Describe(text)}.");
        }

        if (parsed.Negative || parsed.IsZero)
        {
            throw new DomainValidationException($"{fieldName} must be greater than zero; got '{Currencies.Truncate(text, 40)}'.");
        }

        var allowed = Math.Min(fractionDigits, Currencies.PayPalDecimals(currencyCode));
        if (DecimalText.TryToMinorUnits(parsed, allowed, out _) == DecimalText.Conversion.TooPrecise)
        {
            var rule = allowed == 0 ? "no decimal places" : $"at most {allowed} decimal places";
            throw new DomainValidationException(
                $"{fieldName} '{Currencies.Truncate(text, 40)}' has too many decimal places: {currencyCode} amounts allow {rule}.");
        }

        if (DecimalText.TryToMinorUnits(parsed, fractionDigits, out var units) != DecimalText.Conversion.Exact)
        {
            throw new DomainValidationException($"{fieldName} '{Currencies.Truncate(text, 40)}' is too large.");
        }

        return new Money(units, currencyCode, fractionDigits);
    }

    /// <summary>
    /// The PayPal <c>value</c> string for this amount, with PayPal's decimals for the currency:
    /// "10.00" for 1000 EUR cents, "1500" for 1500 JPY, "123" for 12300 HUF cents.
    /// </summary>
    /// <exception cref="DomainValidationException">
    /// PayPal does not accept the currency, the amount is negative, or it cannot be represented exactly
    /// (12345 HUF cents: PayPal takes HUF without decimals).
    /// </exception>
    public string ToPayPalValue() => ToPayPalValue("amount");

    /// <summary>As <see cref="ToPayPalValue()"/>, naming <paramref name="fieldName"/> in error messages.</summary>
    /// <param name="fieldName">Field named in error messages, e.g. <c>amountPlanned</c>.</param>
    public string ToPayPalValue(string fieldName)
    {
        if (TryGetPayPalMinorUnits(out var units, out var payPalDecimals, out var problem))
        {
            return DecimalText.Format(units, payPalDecimals);
        }

        throw new DomainValidationException($"{fieldName} {problem}");
    }

    /// <summary>Whether <see cref="ToPayPalValue()"/> would succeed.</summary>
    public bool IsRepresentableInPayPal() => TryGetPayPalMinorUnits(out _, out _, out _);

    /// <summary>The PayPal money object <c>{"currency_code":…,"value":…}</c> for this amount.</summary>
    /// <param name="fieldName">Field named in error messages.</param>
    /// <exception cref="DomainValidationException">As for <see cref="ToPayPalValue()"/>.</exception>
    public JsonObject ToPayPalMoney(string fieldName = "amount") => new()
    {
        ["currency_code"] = CurrencyCode,
        ["value"] = ToPayPalValue(fieldName),
    };

    /// <summary>The amount in major units with <see cref="FractionDigits"/> decimals, e.g. "10.00".</summary>
    public string ToMajorUnitsString() => DecimalText.Format(MinorUnits, FractionDigits);

    /// <summary>The sum; both must be in the same currency.</summary>
    /// <param name="other">Amount to add.</param>
    /// <exception cref="DomainValidationException">Different currencies or overflow.</exception>
    public Money Add(Money other)
    {
        var (a, b, digits) = Align(this, other, "add");
        return new Money(Checked(() => checked(a + b)), CurrencyCode, digits);
    }

    /// <summary>The difference (may be negative); both must be in the same currency.</summary>
    /// <param name="other">Amount to subtract.</param>
    /// <exception cref="DomainValidationException">Different currencies or overflow.</exception>
    public Money Subtract(Money other)
    {
        var (a, b, digits) = Align(this, other, "subtract");
        return new Money(Checked(() => checked(a - b)), CurrencyCode, digits);
    }

    /// <summary>Compares amounts of the same currency, whatever their fraction digits.</summary>
    /// <param name="other">Amount to compare with.</param>
    /// <exception cref="DomainValidationException">Different currencies.</exception>
    public int CompareTo(Money other)
    {
        var (a, b, _) = Align(this, other, "compare");
        return a.CompareTo(b);
    }

    /// <summary>Sum of two amounts of the same currency.</summary>
    public static Money operator +(Money left, Money right) => left.Add(right);

    /// <summary>Difference of two amounts of the same currency.</summary>
    public static Money operator -(Money left, Money right) => left.Subtract(right);

    /// <summary>Whether <paramref name="left"/> is less than <paramref name="right"/>.</summary>
    public static bool operator <(Money left, Money right) => left.CompareTo(right) < 0;

    /// <summary>Whether <paramref name="left"/> is greater than <paramref name="right"/>.</summary>
    public static bool operator >(Money left, Money right) => left.CompareTo(right) > 0;

    /// <summary>Whether <paramref name="left"/> is less than or equal to <paramref name="right"/>.</summary>
    public static bool operator <=(Money left, Money right) => left.CompareTo(right) <= 0;

    /// <summary>Whether <paramref name="left"/> is greater than or equal to <paramref name="right"/>.</summary>
    public static bool operator >=(Money left, Money right) => left.CompareTo(right) >= 0;

    /// <summary>"10.00 EUR".</summary>
    public override string ToString() => $"{ToMajorUnitsString()} {CurrencyCode}";

    internal bool TryGetPayPalMinorUnits(out long units, out int payPalDecimals, out string problem)
    {
        units = 0;
        payPalDecimals = 0;
        if (!Currencies.IsSupportedByPayPal(CurrencyCode))
        {
            problem = $"is in {CurrencyCode ?? "no currency"}, which PayPal does not support.";
            return false;
        }

        if (MinorUnits < 0)
        {
            problem = $"{this} is negative; PayPal amounts cannot be negative.";
            return false;
        }

        payPalDecimals = Currencies.PayPalDecimals(CurrencyCode);
        if (FractionDigits >= payPalDecimals)
        {
            var divisor = DecimalText.Pow10(FractionDigits - payPalDecimals);
            if (MinorUnits % divisor != 0)
            {
                var rule = payPalDecimals == 0 ? "without decimals" : $"with at most {payPalDecimals} decimal places";
                problem = $"{this} cannot be represented exactly in {CurrencyCode}, which PayPal accepts {rule}.";
                return false;
            }

            units = MinorUnits / divisor;
        }
        else
        {
            var factor = DecimalText.Pow10(payPalDecimals - FractionDigits);
            if (MinorUnits > long.MaxValue / factor)
            {
                problem = $"{this} is too large.";
                return false;
            }

            units = MinorUnits * factor;
        }

        problem = string.Empty;
        return true;
    }

    private static (long Left, long Right, int Digits) Align(Money left, Money right, string operation)
    {
        if (!string.Equals(left.CurrencyCode, right.CurrencyCode, StringComparison.Ordinal))
        {
            throw new DomainValidationException(
                $"Cannot {operation} {left} and {right}: the currencies differ.");
        }

        var digits = Math.Max(left.FractionDigits, right.FractionDigits);
        return (Rescale(left, digits), Rescale(right, digits), digits);
    }

    private static long Rescale(Money money, int digits) =>
        Checked(() => checked(money.MinorUnits * DecimalText.Pow10(digits - money.FractionDigits)));

    private static long Checked(Func<long> compute)
    {
        try
        {
            return compute();
        }
        catch (OverflowException ex)
        {
            throw new DomainValidationException("The amount is too large.", ex);
        }
    }

    private static string CheckCurrency(string currencyCode)
    {
        Currencies.EnsureWellFormed(currencyCode);
        return currencyCode;
    }

    private static int CheckDigits(int fractionDigits) =>
        fractionDigits is >= 0 and <= MaxFractionDigits
            ? fractionDigits
            : throw new DomainValidationException(
                $"fractionDigits must be between 0 and {MaxFractionDigits}; got {fractionDigits.ToString(CultureInfo.InvariantCulture)}.");
}
