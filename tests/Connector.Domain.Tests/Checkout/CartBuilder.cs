using System.Globalization;
using Connector.Domain.Checkout;

namespace Connector.Domain.Tests.Checkout;

/// <summary>Compact cart notation for tables: lines "name,qty,net,tax,gross|…" (line totals; '*' marks a custom line), shipping "net,tax,gross".</summary>
internal static class CartBuilder
{
    internal static CheckoutCart Cart(
        string currency,
        int fractionDigits,
        string lines,
        string? shipping,
        long discount,
        long? totalNet,
        long? totalTax,
        long totalGross,
        CheckoutAddress? shippingAddress = null) => new()
    {
        CurrencyCode = currency,
        FractionDigits = fractionDigits,
        Lines = ParseLines(lines),
        Shipping = ParseShipping(shipping),
        DiscountCents = discount,
        TotalNetCents = totalNet,
        TotalTaxCents = totalTax,
        TotalGrossCents = totalGross,
        ShippingAddress = shippingAddress,
    };

    internal static IReadOnlyList<CheckoutLine> ParseLines(string lines) =>
        lines.Length == 0
            ? []
            : lines.Split('|').Select(ParseLine).ToList();

    private static CheckoutLine ParseLine(string text)
    {
        var parts = text.Split(',');
        var custom = parts[0].StartsWith('*');
        var quantity = Long(parts[1]);
        var net = Long(parts[2]);
        var gross = Long(parts[4]);
        return new CheckoutLine
        {
            Name = custom ? parts[0][1..] : parts[0],
            Sku = custom ? null : "SKU-" + parts[0],
            Quantity = quantity,
            TotalNetCents = net,
            TotalTaxCents = Long(parts[3]),
            TotalGrossCents = gross,
            UnitNetCents = quantity == 0 ? 0 : net / quantity,
            UnitGrossCents = quantity == 0 ? 0 : gross / quantity,
            IsCustomLine = custom,
        };
    }

    private static CheckoutShipping? ParseShipping(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var parts = text.Split(',');
        return new CheckoutShipping { MethodName = "Standard", NetCents = Long(parts[0]), TaxCents = Long(parts[1]), GrossCents = Long(parts[2]) };
    }

    private static long Long(string text) => long.Parse(text, CultureInfo.InvariantCulture);
}
