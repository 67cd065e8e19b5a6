using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Emulator.PayPal.Infrastructure;

/// <summary>An amount in minor units of a PayPal currency; never a floating point number.</summary>
internal readonly record struct Money(string Currency, long Minor)
{
    private static readonly HashSet<string> Supported =
    [
        "AUD", "BRL", "CAD", "CNY", "CZK", "DKK", "EUR", "HKD", "HUF", "ILS", "JPY", "MYR", "MXN", "TWD", "NZD", "NOK",
        "PHP", "PLN", "GBP", "RUB", "SGD", "SEK", "CHF", "THB", "USD",
    ];

    public static int Digits(string currency) => currency is "HUF" or "JPY" or "TWD" ? 0 : 2;

    public string Value => Format(Minor, Digits(Currency));

    public JsonObject ToJson() => new() { ["currency_code"] = Currency, ["value"] = Value };

    public Money With(long minor) => this with { Minor = minor };

    public static string Format(long minor, int digits)
    {
        if (digits == 0)
        {
            return minor.ToString(CultureInfo.InvariantCulture);
        }

        var sign = minor < 0 ? "-" : string.Empty;
        var abs = Math.Abs(minor);
        var factor = Pow10(digits);
        return string.Create(CultureInfo.InvariantCulture, $"{sign}{abs / factor}.{(abs % factor).ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0')}");
    }

    /// <summary>Parses a PayPal money object, reporting errors at <paramref name="field"/> (a JSON pointer).</summary>
    /// <param name="noDecimalsIssue">Payments v2 answers DECIMALS_NOT_SUPPORTED for decimals in a no-decimal currency; Orders answers DECIMAL_PRECISION.</param>
    public static Money Parse(JsonNode? node, string field, string noDecimalsIssue = "DECIMAL_PRECISION")
    {
        if (node is not JsonObject obj)
        {
            throw node is null ? PayPalApiException.Missing(field) : PayPalApiException.Syntax(field, node.ToJsonString());
        }

        var currency = RequiredString(obj, "currency_code", field);
        if (currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper))
        {
            throw PayPalApiException.Syntax(field + "/currency_code", currency);
        }

        if (!Supported.Contains(currency))
        {
            throw PayPalApiException.Unprocessable("INVALID_CURRENCY_CODE", field + "/currency_code", currency);
        }

        var value = ValueText(obj, field);
        return new Money(currency, ParseValue(value, currency, field + "/value", noDecimalsIssue));
    }

    public static long ParseValue(string value, string currency, string field, string noDecimalsIssue = "DECIMAL_PRECISION")
    {
        if (value.Length is 0 or > 32)
        {
            throw new PayPalApiException(400, "INVALID_STRING_LENGTH", field, value, "body", "The value of a field is either too short or too long.");
        }

        var dot = value.IndexOf('.', StringComparison.Ordinal);
        var integerPart = dot < 0 ? value : value[..dot];
        var fraction = dot < 0 ? string.Empty : value[(dot + 1)..];
        if ((integerPart.Length == 0 && fraction.Length == 0) || !integerPart.All(char.IsAsciiDigit) || !fraction.All(char.IsAsciiDigit)
            || (dot >= 0 && fraction.Length == 0))
        {
            throw PayPalApiException.Syntax(field, value);
        }

        var digits = Digits(currency);
        if (fraction.Length > digits)
        {
            throw digits == 0
                ? PayPalApiException.Unprocessable(noDecimalsIssue, field, value, "Currency does not support decimals.")
                : PayPalApiException.Unprocessable("DECIMAL_PRECISION", field, value);
        }

        var trimmed = integerPart.TrimStart('0');
        if (trimmed.Length > 15)
        {
            throw PayPalApiException.Invalid(field, value, "The amount is too large.");
        }

        var whole = trimmed.Length == 0 ? 0 : long.Parse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture);
        var frac = fraction.Length == 0 ? 0 : long.Parse(fraction.PadRight(digits, '0'), NumberStyles.None, CultureInfo.InvariantCulture);
        return (whole * Pow10(digits)) + frac;
    }

    /// <summary>
    /// The amount as text. PayPal documents <c>value</c> as a string but accepts a JSON number too (SDKs send <c>2</c>);
    /// a number is read from its JSON text, never through a double, and then checked like the string form.
    /// </summary>
    private static string ValueText(JsonObject obj, string field)
    {
        var node = obj["value"];
        if (node is not null && node.GetValueKind() == JsonValueKind.Number)
        {
            return node.ToJsonString();
        }

        return RequiredString(obj, "value", field);
    }

    private static string RequiredString(JsonObject obj, string name, string field)
    {
        var node = obj[name];
        if (node is null)
        {
            throw PayPalApiException.Missing(field + "/" + name);
        }

        if (node.GetValueKind() != JsonValueKind.String)
        {
            throw PayPalApiException.Syntax(field + "/" + name, node.ToJsonString());
        }

        return node.GetValue<string>();
    }

    private static long Pow10(int digits) => digits == 0 ? 1 : 100;
}
