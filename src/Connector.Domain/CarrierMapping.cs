using System.Collections.Frozen;
using System.Text;

namespace Connector.Domain;

/// <summary>
/// Maps a commercetools parcel carrier name (free text such as "DHL", "Royal Mail", "fedex") to PayPal's shipment
/// <c>carrier</c> enum for <c>POST /v2/checkout/orders/{id}/track</c>, falling back to <c>OTHER</c> plus
/// <c>carrier_name_other</c>. Only enum values we are sure of are used; anything else goes as OTHER, which PayPal
/// always accepts.
/// </summary>
public static class CarrierMapping
{
    /// <summary>PayPal's catch-all carrier.</summary>
    public const string Other = "OTHER";

    /// <summary>PayPal's limit for <c>carrier_name_other</c>.</summary>
    public const int MaxCarrierNameOtherLength = 64;

    // Keyed by the normalised name (lower-case letters and digits only). Country-specific entries win over global ones.
    private static readonly FrozenDictionary<string, string> Global = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["dhl"] = "DHL_API",
        ["dhlpaket"] = "DHL_API",
        ["dhlparcel"] = "DHL_API",
        ["dhlexpress"] = "DHL",
        ["deutschepost"] = "DEUTSCHE_DE",
        ["dpd"] = "DPD",
        ["ups"] = "UPS",
        ["unitedparcelservice"] = "UPS",
        ["fedex"] = "FEDEX",
        ["federalexpress"] = "FEDEX",
        ["gls"] = "GLS",
        ["usps"] = "USPS",
        ["unitedstatespostalservice"] = "USPS",
        ["royalmail"] = "ROYAL_MAIL",
        ["parcelforce"] = "PARCELFORCE",
        ["postnl"] = "POSTNL_INTERNATIONAL",
        ["colissimo"] = "FR_COLIS",
        ["colisprive"] = "COLIS_PRIVE",
        ["chronopost"] = "CHRONOPOST_FR",
        ["laposte"] = "LA_POSTE_SUIVI",
        ["swisspost"] = "SWISS_POST",
        ["tnt"] = "TNT",
        ["yodel"] = "YODEL",
        ["anpost"] = "AN_POST",
        ["inpost"] = "INPOST_PACZKOMATY",
        ["pocztapolska"] = "PL_POCZTA_POLSKA",
        ["posteitaliane"] = "IT_POSTE_ITALIA",
        ["brt"] = "BRT_IT",
        ["canadapost"] = "CA_CANADA_POST",
        ["australiapost"] = "AU_AU_POST",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, FrozenDictionary<string, string>> ByCountry =
        new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal)
        {
            ["DE"] = new(StringComparer.Ordinal) { ["dpd"] = "DPD_DE", ["gls"] = "GLS_DE", ["hermes"] = "HERMES_DE" },
            ["GB"] = new(StringComparer.Ordinal) { ["dpd"] = "DPD_UK", ["fedex"] = "FEDEX_UK", ["hermes"] = "HERMES", ["dhl"] = "DHL_UK" },
            ["FR"] = new(StringComparer.Ordinal) { ["dpd"] = "DPD_FR", ["gls"] = "GLS_FR", ["dhl"] = "DHL_FR" },
            ["IT"] = new(StringComparer.Ordinal) { ["gls"] = "GLS_IT", ["hermes"] = "HERMES_IT" },
            ["ES"] = new(StringComparer.Ordinal) { ["gls"] = "GLS_ES" },
            ["NL"] = new(StringComparer.Ordinal) { ["dpd"] = "DPD_NL", ["gls"] = "NLD_GLS" },
            ["IE"] = new(StringComparer.Ordinal) { ["dpd"] = "DPD_IR" },
            ["CZ"] = new(StringComparer.Ordinal) { ["gls"] = "GLS_CZ" },
        }.ToFrozenDictionary(pair => pair.Key, pair => pair.Value.ToFrozenDictionary(StringComparer.Ordinal), StringComparer.Ordinal);

    private static readonly FrozenDictionary<char, string> Folded = new Dictionary<char, string>
    {
        ['à'] = "a", ['á'] = "a", ['â'] = "a", ['ä'] = "a", ['ç'] = "c", ['è'] = "e", ['é'] = "e", ['ê'] = "e",
        ['ë'] = "e", ['î'] = "i", ['ï'] = "i", ['ñ'] = "n", ['ô'] = "o", ['ö'] = "o", ['ó'] = "o", ['ù'] = "u",
        ['ú'] = "u", ['û'] = "u", ['ü'] = "u", ['ß'] = "ss", ['ł'] = "l", ['ś'] = "s", ['ż'] = "z",
    }.ToFrozenDictionary();

    private static readonly FrozenSet<string> KnownEnumValues =
        Global.Values.Concat(ByCountry.Values.SelectMany(map => map.Values)).Append(Other).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// PayPal carrier for a commercetools carrier name and the shipping country. Never throws.
    /// Names are matched ignoring case, spaces, punctuation and common accents; PayPal enum values this class knows
    /// pass through unchanged; unknown carriers give (<c>OTHER</c>, the name, cut to 64
    /// characters); null or blank gives (<c>OTHER</c>, <c>Unknown</c>).
    /// </summary>
    /// <param name="commercetoolsCarrier">Parcel <c>trackingData.carrier</c> from commercetools.</param>
    /// <param name="countryCode">Shipping country, ISO 3166-1 alpha-2 (any case); optional.</param>
    /// <returns>The PayPal <c>carrier</c> and, only for <c>OTHER</c>, the <c>carrier_name_other</c>.</returns>
    public static (string Carrier, string? CarrierNameOther) Map(string? commercetoolsCarrier, string? countryCode)
    {
        var name = commercetoolsCarrier?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            return (Other, "Unknown");
        }

        var key = Normalize(name);
        var country = countryCode?.Trim().ToUpperInvariant() ?? string.Empty;
        if (ByCountry.TryGetValue(country, out var local) && local.TryGetValue(key, out var localCarrier))
        {
            return (localCarrier, null);
        }

        if (Global.TryGetValue(key, out var carrier))
        {
            return (carrier, null);
        }

        if (KnownEnumValues.Contains(name))
        {
            return name == Other ? (Other, "Unknown") : (name, null);
        }

        return (Other, Truncate(name, MaxCarrierNameOtherLength));
    }

    private static string Normalize(string name)
    {
        // The build uses invariant globalization, where Unicode normalisation is not available: fold the few accents
        // that occur in carrier names by hand.
        var builder = new StringBuilder(name.Length);
        foreach (var c in name.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(c);
            }
            else if (Folded.TryGetValue(c, out var folded))
            {
                builder.Append(folded);
            }
        }

        return builder.ToString();
    }

    private static string Truncate(string value, int max)
    {
        if (value.Length <= max)
        {
            return value;
        }

        var length = char.IsHighSurrogate(value[max - 1]) ? max - 1 : max;
        return value[..length];
    }
}
