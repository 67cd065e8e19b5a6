using System.Text.Json.Nodes;

namespace Connector.Domain.Tests.Checkout;

/// <summary>Checks a purchase unit the way PayPal does, with integer arithmetic on the JSON values.</summary>
internal static class PayPalRules
{
    internal static void ShouldBeAcceptedByPayPal(this JsonObject unit)
    {
        var amount = unit["amount"]!.AsObject();
        var currency = amount["currency_code"]!.GetValue<string>();
        var decimals = Currencies.PayPalDecimals(currency);
        var value = Units(amount, decimals);
        value.ShouldBeGreaterThan(0);
        if (amount["breakdown"] is not JsonObject breakdown)
        {
            unit["items"].ShouldBeNull("items without breakdown");
            return;
        }

        long Part(string name) => breakdown[name] is JsonObject money ? Units(money, decimals) : 0;
        (Part("item_total") + Part("tax_total") + Part("shipping") + Part("handling") + Part("insurance")
            - Part("shipping_discount") - Part("discount")).ShouldBe(value, "AMOUNT_MISMATCH");

        if (unit["items"] is JsonArray items)
        {
            long itemTotal = 0, taxTotal = 0;
            var anyTax = false;
            foreach (var item in items.Select(i => i!.AsObject()))
            {
                var quantityText = item["quantity"]!.GetValue<string>();
                quantityText.ShouldMatch("^[1-9][0-9]{0,9}$");
                var quantity = long.Parse(quantityText, System.Globalization.CultureInfo.InvariantCulture);
                item["name"]!.GetValue<string>().Length.ShouldBeInRange(1, 127);
                (item["sku"]?.GetValue<string>().Length ?? 0).ShouldBeLessThanOrEqualTo(127);
                itemTotal += Units(item["unit_amount"]!.AsObject(), decimals) * quantity;
                if (item["tax"] is JsonObject tax)
                {
                    anyTax = true;
                    taxTotal += Units(tax, decimals) * quantity;
                }
            }

            itemTotal.ShouldBe(Part("item_total"), "ITEM_TOTAL_MISMATCH");
            if (anyTax)
            {
                taxTotal.ShouldBe(Part("tax_total"), "TAX_TOTAL_MISMATCH");
            }
        }
    }

    private static long Units(JsonObject money, int decimals)
    {
        var text = money["value"]!.GetValue<string>();
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        (dot < 0 ? 0 : text.Length - dot - 1).ShouldBe(decimals, $"DECIMAL_PRECISION of '{text}'");
        text.ShouldNotStartWith("-");
        return long.Parse(text.Replace(".", string.Empty, StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
    }
}
