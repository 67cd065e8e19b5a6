using System.Collections.Frozen;

namespace Connector.Domain;

/// <summary>
/// Per-currency facts: ISO 4217 minor units (what commercetools uses for <c>fractionDigits</c>) and
/// which currencies PayPal accepts and with how many decimals.
/// </summary>
public static class Currencies
{
    private static readonly FrozenDictionary<string, int> IsoMinorUnitExceptions = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["BIF"] = 0, ["CLP"] = 0, ["DJF"] = 0, ["GNF"] = 0, ["ISK"] = 0, ["JPY"] = 0, ["KMF"] = 0, ["KRW"] = 0,
        ["PYG"] = 0, ["RWF"] = 0, ["UGX"] = 0, ["UYI"] = 0, ["VND"] = 0, ["VUV"] = 0, ["XAF"] = 0, ["XOF"] = 0,
        ["XPF"] = 0,
        ["BHD"] = 3, ["IQD"] = 3, ["JOD"] = 3, ["KWD"] = 3, ["LYD"] = 3, ["OMR"] = 3, ["TND"] = 3,
        ["CLF"] = 4, ["UYW"] = 4,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenSet<string> PayPalCurrencies = new[]
    {
        "AUD", "BRL", "CAD", "CNY", "CZK", "DKK", "EUR", "HKD", "HUF", "ILS", "JPY", "MYR", "MXN", "TWD",
        "NZD", "NOK", "PHP", "PLN", "GBP", "SGD", "SEK", "CHF", "THB", "USD",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> PayPalZeroDecimalCurrencies =
        new[] { "HUF", "JPY", "TWD" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The currencies PayPal accepts, as ISO 4217 codes.</summary>
    public static IReadOnlyCollection<string> PayPalSupported => PayPalCurrencies;

    /// <summary>
    /// The number of fraction digits commercetools uses for <paramref name="currencyCode"/> in cent-precision money
    /// (ISO 4217 minor units): 0 for JPY, KRW, CLP, ISK, VND…; 3 for KWD, BHD, JOD, OMR, TND, LYD, IQD; otherwise 2.
    /// </summary>
    /// <param name="currencyCode">ISO 4217 code, three upper-case letters.</param>
    /// <exception cref="DomainValidationException">The code is not three upper-case letters.</exception>
    public static int CommercetoolsFractionDigits(string currencyCode)
    {
        EnsureWellFormed(currencyCode);
        return IsoMinorUnitExceptions.TryGetValue(currencyCode, out var digits) ? digits : 2;
    }

    /// <summary>Whether PayPal accepts payments in <paramref name="currencyCode"/>. Malformed codes are simply not supported.</summary>
    /// <param name="currencyCode">ISO 4217 code.</param>
    public static bool IsSupportedByPayPal(string currencyCode) =>
        currencyCode is not null && PayPalCurrencies.Contains(currencyCode);

    /// <summary>
    /// The number of decimals PayPal allows in a money <c>value</c> for <paramref name="currencyCode"/>:
    /// 0 for HUF, JPY and TWD (decimals are an error there), otherwise 2.
    /// </summary>
    /// <param name="currencyCode">ISO 4217 code, three upper-case letters.</param>
    /// <exception cref="DomainValidationException">The code is not three upper-case letters.</exception>
    public static int PayPalDecimals(string currencyCode)
    {
        EnsureWellFormed(currencyCode);
        return PayPalZeroDecimalCurrencies.Contains(currencyCode) ? 0 : 2;
    }

    /// <summary>Whether <paramref name="currencyCode"/> is three upper-case ASCII letters.</summary>
    /// <param name="currencyCode">Candidate code.</param>
    public static bool IsWellFormed(string? currencyCode) =>
        currencyCode is { Length: 3 } && currencyCode.All(char.IsAsciiLetterUpper);

    internal static void EnsureWellFormed(string? currencyCode, string fieldName = "currencyCode")
    {
        if (!IsWellFormed(currencyCode))
        {
            throw new DomainValidationException(
                $"{fieldName} must be an ISO 4217 currency code of three upper-case letters, got {Describe(currencyCode)}.");
        }
    }

    internal static string Describe(string? value) => value is null ? "null" : $"'{Truncate(value, 40)}'";

    internal static string Truncate(string value, int max) => value.Length <= max ? value : value[..max] + "…";
}
