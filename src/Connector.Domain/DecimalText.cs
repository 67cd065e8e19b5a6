using System.Globalization;

namespace Connector.Domain;

/// <summary>
/// Exact decimal text handling for money. Works on the characters so that no amount ever passes through a
/// binary floating-point type, and so that "2.50", "2.5" and "25e-1" mean exactly the same thing.
/// </summary>
internal static class DecimalText
{
    internal const int MaxLength = 100;
    private const int MaxExponent = 1000;
    private const int MaxDigits = 18;

    private static readonly long[] PowersOfTen = BuildPowersOfTen();

    internal enum Conversion
    {
        Exact,
        TooPrecise,
        TooLarge,
    }

    /// <summary>Parses <c>-?digits[.digits][e±digits]</c> (the exponent only when allowed).</summary>
    internal static bool TryParse(ReadOnlySpan<char> text, bool allowExponent, out ParsedDecimal result)
    {
        result = default;
        if (text.IsEmpty || text.Length > MaxLength)
        {
            return false;
        }

        var i = 0;
        var negative = false;
        if (text[0] == '-')
        {
            negative = true;
            i++;
        }

        var intStart = i;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        var intPart = text[intStart..i];
        var fracPart = ReadOnlySpan<char>.Empty;
        if (i < text.Length && text[i] == '.')
        {
            i++;
            var fracStart = i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            fracPart = text[fracStart..i];
            if (fracPart.IsEmpty)
            {
                return false;
            }
        }

        if (intPart.IsEmpty && fracPart.IsEmpty)
        {
            return false;
        }

        var exponent = 0;
        if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
        {
            if (!allowExponent)
            {
                return false;
            }

            i++;
            var expNegative = false;
            if (i < text.Length && (text[i] == '+' || text[i] == '-'))
            {
                expNegative = text[i] == '-';
                i++;
            }

            var expStart = i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            var expDigits = text[expStart..i];
            if (expDigits.IsEmpty
                || !int.TryParse(expDigits, NumberStyles.None, CultureInfo.InvariantCulture, out exponent)
                || exponent > MaxExponent)
            {
                return false;
            }

            exponent = expNegative ? -exponent : exponent;
        }

        if (i != text.Length)
        {
            return false;
        }

        var digits = string.Concat(intPart, fracPart).TrimStart('0');
        if (digits.Length == 0)
        {
            digits = "0";
        }

        result = new ParsedDecimal(negative && digits != "0", digits, fracPart.Length - exponent);
        return true;
    }

    /// <summary>Converts to an integer count of 10^-<paramref name="fractionDigits"/> units, exactly or not at all.</summary>
    internal static Conversion TryToMinorUnits(ParsedDecimal value, int fractionDigits, out long minorUnits)
    {
        minorUnits = 0;
        var digits = value.Digits;
        if (digits == "0")
        {
            return Conversion.Exact;
        }

        var shift = fractionDigits - value.Scale;
        if (shift < 0)
        {
            var drop = -shift;
            if (drop >= digits.Length || digits.AsSpan(digits.Length - drop).ContainsAnyExcept('0'))
            {
                return Conversion.TooPrecise;
            }

            digits = digits[..^drop];
            shift = 0;
        }

        if (digits.Length + shift > MaxDigits + 1
            || !long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var units)
            || units > long.MaxValue / PowersOfTen[shift])
        {
            return Conversion.TooLarge;
        }

        units *= PowersOfTen[shift];
        minorUnits = value.Negative ? -units : units;
        return Conversion.Exact;
    }

    /// <summary>10^<paramref name="exponent"/> for 0 ≤ exponent ≤ 18.</summary>
    internal static long Pow10(int exponent) => PowersOfTen[exponent];

    /// <summary>Formats <paramref name="minorUnits"/> as a plain decimal string with exactly <paramref name="fractionDigits"/> decimals.</summary>
    internal static string Format(long minorUnits, int fractionDigits)
    {
        var negative = minorUnits < 0;
        // Unsigned magnitude so that long.MinValue formats too.
        var magnitude = negative ? (ulong)(-(minorUnits + 1)) + 1 : (ulong)minorUnits;
        var text = magnitude.ToString(CultureInfo.InvariantCulture);
        if (fractionDigits > 0)
        {
            text = text.PadLeft(fractionDigits + 1, '0');
            text = string.Concat(text.AsSpan(0, text.Length - fractionDigits), ".", text.AsSpan(text.Length - fractionDigits));
        }

        return negative ? "-" + text : text;
    }

    private static long[] BuildPowersOfTen()
    {
        var powers = new long[MaxDigits + 1];
        powers[0] = 1;
        for (var k = 1; k < powers.Length; k++)
        {
            powers[k] = powers[k - 1] * 10;
        }

        return powers;
    }
}
