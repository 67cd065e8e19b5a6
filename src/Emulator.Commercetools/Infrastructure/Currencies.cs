using System.Collections.Frozen;
using System.Text.Json.Nodes;

namespace Emulator.Commercetools.Infrastructure;

/// <summary>ISO 4217 minor-unit digits and conversion of Money drafts into CentPrecisionMoney. Money is always integer cents.</summary>
internal static class Currencies
{
    private static readonly FrozenDictionary<string, int> Exceptions = new Dictionary<string, int>
    {
        ["BIF"] = 0, ["CLP"] = 0, ["DJF"] = 0, ["GNF"] = 0, ["ISK"] = 0, ["JPY"] = 0, ["KMF"] = 0, ["KRW"] = 0, ["PYG"] = 0,
        ["RWF"] = 0, ["UGX"] = 0, ["UYI"] = 0, ["VND"] = 0, ["VUV"] = 0, ["XAF"] = 0, ["XOF"] = 0, ["XPF"] = 0,
        ["BHD"] = 3, ["IQD"] = 3, ["JOD"] = 3, ["KWD"] = 3, ["LYD"] = 3, ["OMR"] = 3, ["TND"] = 3,
        ["CLF"] = 4, ["UYW"] = 4,
    }.ToFrozenDictionary();

    private static readonly FrozenSet<string> Known = new[]
    {
        "AED", "AFN", "ALL", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT", "BGN", "BHD", "BIF", "BMD", "BND", "BOB",
        "BRL", "BSD", "BTN", "BWP", "BYN", "BZD", "CAD", "CDF", "CHF", "CLF", "CLP", "CNY", "COP", "CRC", "CUP", "CVE", "CZK", "DJF", "DKK",
        "DOP", "DZD", "EGP", "ERN", "ETB", "EUR", "FJD", "FKP", "GBP", "GEL", "GHS", "GIP", "GMD", "GNF", "GTQ", "GYD", "HKD", "HNL", "HTG",
        "HUF", "IDR", "ILS", "INR", "IQD", "IRR", "ISK", "JMD", "JOD", "JPY", "KES", "KGS", "KHR", "KMF", "KPW", "KRW", "KWD", "KYD", "KZT",
        "LAK", "LBP", "LKR", "LRD", "LSL", "LYD", "MAD", "MDL", "MGA", "MKD", "MMK", "MNT", "MOP", "MRU", "MUR", "MVR", "MWK", "MXN", "MYR",
        "MZN", "NAD", "NGN", "NIO", "NOK", "NPR", "NZD", "OMR", "PAB", "PEN", "PGK", "PHP", "PKR", "PLN", "PYG", "QAR", "RON", "RSD", "RUB",
        "RWF", "SAR", "SBD", "SCR", "SDG", "SEK", "SGD", "SHP", "SLE", "SOS", "SRD", "SSP", "STN", "SVC", "SYP", "SZL", "THB", "TJS", "TMT",
        "TND", "TOP", "TRY", "TTD", "TWD", "TZS", "UAH", "UGX", "USD", "UYI", "UYU", "UYW", "UZS", "VED", "VES", "VND", "VUV", "WST", "XAF",
        "XCD", "XOF", "XPF", "YER", "ZAR", "ZMW", "ZWG",
    }.ToFrozenSet();

    public static bool IsKnown(string code) => Known.Contains(code);

    public static int FractionDigits(string code) => Exceptions.TryGetValue(code, out var digits) ? digits : 2;

    public static JsonObject Money(string currencyCode, long centAmount) => new()
    {
        ["type"] = "centPrecision",
        ["currencyCode"] = currencyCode,
        ["centAmount"] = centAmount,
        ["fractionDigits"] = FractionDigits(currencyCode),
    };

    /// <summary>Reads a Money draft <c>{currencyCode, centAmount}</c> (a typed centPrecision value is accepted too).</summary>
    public static JsonObject FromDraft(JsonNode? node, string field)
    {
        if (node is not JsonObject obj)
        {
            throw JsonUtil.IsNull(node) ? Errors.MissingValue(field) : Errors.InvalidJsonInput($"{field}: JSON object expected.");
        }

        var currency = JsonUtil.OptString(obj, "currencyCode", field + ".currencyCode") ?? throw Errors.InvalidJsonInput($"{field}.currencyCode: Missing required value");
        if (!IsKnown(currency))
        {
            throw Errors.InvalidField(field + ".currencyCode", currency, $"The value '{currency}' is not valid for field '{field}.currencyCode'. Currency codes must be ISO 4217 codes.");
        }

        var type = JsonUtil.OptString(obj, "type", field + ".type");
        if (type is not null && type != "centPrecision")
        {
            throw Errors.InvalidInput($"{field}: only centPrecision money is supported by the emulator.");
        }

        var amount = JsonUtil.OptLong(obj, "centAmount", field + ".centAmount") ?? throw Errors.InvalidJsonInput($"{field}.centAmount: Missing required value");
        var digits = JsonUtil.OptLong(obj, "fractionDigits", field + ".fractionDigits");
        if (digits is not null && digits != FractionDigits(currency))
        {
            throw Errors.InvalidField(field + ".fractionDigits", digits.Value);
        }

        return Money(currency, amount);
    }
}
