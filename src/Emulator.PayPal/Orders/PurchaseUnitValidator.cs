using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Emulator.PayPal.Infrastructure;

namespace Emulator.PayPal.Orders;

/// <summary>Checks purchase units the way Orders v2 does and normalises their money values.</summary>
internal static class PurchaseUnitValidator
{
    private static readonly string[] BreakdownAdds = ["item_total", "tax_total", "shipping", "handling", "insurance"];
    private static readonly string[] BreakdownSubtracts = ["shipping_discount", "discount"];

    public static List<PurchaseUnit> ValidateAll(JsonNode? node, string clientId)
    {
        if (node is null)
        {
            throw PayPalApiException.Missing("/purchase_units");
        }

        if (node is not JsonArray units)
        {
            throw PayPalApiException.Syntax("/purchase_units", node.ToJsonString());
        }

        if (units.Count == 0)
        {
            throw new PayPalApiException(400, "INVALID_ARRAY_MIN_ITEMS", "/purchase_units", null, "body", "The number of items in an array parameter is too small.");
        }

        if (units.Count > 10)
        {
            throw new PayPalApiException(400, "INVALID_ARRAY_MAX_ITEMS", "/purchase_units", null, "body", "The number of items in an array parameter is too large.");
        }

        var result = new List<PurchaseUnit>();
        for (var i = 0; i < units.Count; i++)
        {
            if (units[i] is not JsonObject unit)
            {
                throw PayPalApiException.Syntax($"/purchase_units/{i}", units[i]?.ToJsonString());
            }

            if (units.Count > 1 && unit["reference_id"] is null)
            {
                throw PayPalApiException.Missing($"/purchase_units/{i}/reference_id");
            }

            var validated = Validate(unit, clientId);
            if (result.Any(u => u.ReferenceId == validated.ReferenceId))
            {
                throw new PayPalApiException(400, "DUPLICATE_REFERENCE_ID", $"/purchase_units/{i}/reference_id", validated.ReferenceId, "body", "`reference_id` must be unique if multiple `purchase_unit` are provided.");
            }

            result.Add(validated);
        }

        return result;
    }

    public static PurchaseUnit Validate(JsonObject raw, string clientId)
    {
        var data = JsonOut.CloneObject(raw);
        data.Remove("payments");
        var referenceId = JsonRead.OptString(data, "reference_id", "/purchase_units/0") ?? "default";
        data["reference_id"] = referenceId;
        var p = $"/purchase_units/@reference_id=='{referenceId}'";
        foreach (var (name, max) in new[] { ("invoice_id", 127), ("custom_id", 255), ("description", 127), ("soft_descriptor", 22) })
        {
            var value = JsonRead.OptString(data, name, p);
            if (value is not null && (value.Length == 0 || value.Length > max))
            {
                throw new PayPalApiException(400, "INVALID_STRING_LENGTH", p + "/" + name, value, "body", "The value of a field is either too short or too long.");
            }
        }

        var amountNode = data["amount"] ?? throw PayPalApiException.Missing(p + "/amount");
        var amount = Money.Parse(amountNode, p + "/amount");
        amountNode["value"] = amount.Value;
        var currency = amount.Currency;

        long itemSum = 0, taxSum = 0;
        var itemsWithAmount = false;
        var itemsWithTax = false;
        var items = JsonRead.OptArray(data, "items", p);
        for (var i = 0; i < (items?.Count ?? 0); i++)
        {
            var ip = $"{p}/items/{i}";
            if (items![i] is not JsonObject item)
            {
                throw PayPalApiException.Syntax(ip, items[i]?.ToJsonString());
            }

            var name = JsonRead.ReqString(item, "name", ip);
            if (name.Length is 0 or > 127)
            {
                throw new PayPalApiException(400, "INVALID_STRING_LENGTH", ip + "/name", name, "body", "The value of a field is either too short or too long.");
            }

            var quantityText = JsonRead.ReqString(item, "quantity", ip);
            if (quantityText.Length is 0 or > 10 || !quantityText.All(char.IsAsciiDigit) || long.Parse(quantityText, CultureInfo.InvariantCulture) <= 0)
            {
                throw PayPalApiException.Invalid(ip + "/quantity", quantityText);
            }

            var quantity = long.Parse(quantityText, CultureInfo.InvariantCulture);
            var unitAmount = SameCurrency(Money.Parse(item["unit_amount"], ip + "/unit_amount"), currency, ip + "/unit_amount");
            item["unit_amount"]!["value"] = unitAmount.Value;
            itemsWithAmount = true;
            itemSum = checked(itemSum + (unitAmount.Minor * quantity));
            if (item["tax"] is not null)
            {
                var tax = SameCurrency(Money.Parse(item["tax"], ip + "/tax"), currency, ip + "/tax");
                item["tax"]!["value"] = tax.Value;
                itemsWithTax = true;
                taxSum = checked(taxSum + (tax.Minor * quantity));
            }

            var category = JsonRead.OptString(item, "category", ip);
            if (category is not null and not ("DIGITAL_GOODS" or "PHYSICAL_GOODS" or "DONATION"))
            {
                throw PayPalApiException.Invalid(ip + "/category", category);
            }
        }

        var breakdown = JsonRead.OptObject(amountNode, "breakdown", p + "/amount");
        if (itemsWithAmount && breakdown?["item_total"] is null)
        {
            throw PayPalApiException.Unprocessable("ITEM_TOTAL_REQUIRED", p + "/amount/breakdown/item_total");
        }

        if (itemsWithTax && breakdown?["tax_total"] is null)
        {
            throw PayPalApiException.Unprocessable("TAX_TOTAL_REQUIRED", p + "/amount/breakdown/tax_total");
        }

        if (breakdown is not null)
        {
            long total = 0;
            foreach (var name in BreakdownAdds.Concat(BreakdownSubtracts))
            {
                if (breakdown[name] is null)
                {
                    continue;
                }

                var part = SameCurrency(Money.Parse(breakdown[name], p + "/amount/breakdown/" + name), currency, p + "/amount/breakdown/" + name);
                breakdown[name]!["value"] = part.Value;
                total = BreakdownSubtracts.Contains(name) ? total - part.Minor : total + part.Minor;
                if (name == "item_total" && itemsWithAmount && part.Minor != itemSum)
                {
                    throw PayPalApiException.Unprocessable("ITEM_TOTAL_MISMATCH", p + "/amount/breakdown/item_total/value", part.Value);
                }

                if (name == "tax_total" && itemsWithTax && part.Minor != taxSum)
                {
                    throw PayPalApiException.Unprocessable("TAX_TOTAL_MISMATCH", p + "/amount/breakdown/tax_total/value", part.Value);
                }
            }

            if (total != amount.Minor)
            {
                throw PayPalApiException.Unprocessable("AMOUNT_MISMATCH", p + "/amount/value", amount.Value);
            }
        }

        ValidateShipping(data, p);
        data["payee"] ??= DefaultPayee(clientId);
        return new PurchaseUnit { Data = data, Amount = amount };
    }

    public static JsonObject DefaultPayee(string clientId) => new()
    {
        ["email_address"] = "sb-merchant@business.example.com",
        ["merchant_id"] = MerchantId(clientId),
    };

    public static string MerchantId(string clientId)
    {
        const string alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(clientId));
        return new string([.. hash.Take(13).Select(b => alphabet[b % alphabet.Length])]);
    }

    private static void ValidateShipping(JsonObject data, string p)
    {
        var shipping = JsonRead.OptObject(data, "shipping", p);
        if (shipping is null)
        {
            return;
        }

        var type = JsonRead.OptString(shipping, "type", p + "/shipping");
        if (type is not null and not ("SHIPPING" or "PICKUP_IN_PERSON" or "PICKUP_IN_STORE" or "PICKUP_FROM_PERSON"))
        {
            throw PayPalApiException.Invalid(p + "/shipping/type", type);
        }

        var address = JsonRead.OptObject(shipping, "address", p + "/shipping");
        if (address is not null)
        {
            var country = JsonRead.ReqString(address, "country_code", p + "/shipping/address");
            if (country.Length != 2 || !country.All(char.IsAsciiLetterUpper))
            {
                throw new PayPalApiException(400, "INVALID_COUNTRY_CODE", p + "/shipping/address/country_code", country, "body", "Country code is invalid. Please refer to https://developer.paypal.com/api/rest/reference/country-codes/ for a list of supported country codes.");
            }
        }
    }

    private static Money SameCurrency(Money money, string currency, string field) =>
        money.Currency == currency
            ? money
            : throw PayPalApiException.Unprocessable("CANNOT_MIX_CURRENCIES", field + "/currency_code", money.Currency);
}
