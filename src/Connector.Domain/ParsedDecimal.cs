namespace Connector.Domain;

/// <summary>A decimal number as text: <see cref="Digits"/> × 10^-<see cref="Scale"/>, negated when <see cref="Negative"/>.</summary>
/// <param name="Negative">Whether the value is below zero (never true for zero).</param>
/// <param name="Digits">Significant digits without leading zeros; "0" for zero.</param>
/// <param name="Scale">Power of ten to divide by; negative when an exponent scaled the value up.</param>
internal readonly record struct ParsedDecimal(bool Negative, string Digits, int Scale)
{
    internal bool IsZero => Digits == "0";
}
