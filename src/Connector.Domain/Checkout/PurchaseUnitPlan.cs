using System.Text.Json.Nodes;

namespace Connector.Domain.Checkout;

/// <summary>
/// What the connector sends as PayPal <c>purchase_units[0]</c> when creating (or re-syncing) an order.
/// Built by <see cref="PurchaseUnitPlanner.Plan"/>; every amount is representable in PayPal's decimals.
/// </summary>
public sealed record PurchaseUnitPlan
{
    /// <summary><c>amount</c>: always the payment's <c>amountPlanned</c>.</summary>
    public required Money Amount { get; init; }

    /// <summary><c>amount.breakdown</c>, or null when no exact breakdown exists.</summary>
    public Breakdown? Breakdown { get; init; }

    /// <summary><c>items</c>; empty whenever <see cref="Breakdown"/> is null.</summary>
    public IReadOnlyList<PlannedItem> Items { get; init; } = [];

    /// <summary><c>shipping</c>, from the cart's shipping address.</summary>
    public PlannedShipping? Shipping { get; init; }

    /// <summary><c>invoice_id</c>.</summary>
    public string? InvoiceId { get; init; }

    /// <summary><c>custom_id</c>.</summary>
    public string? CustomId { get; init; }

    /// <summary><c>description</c>.</summary>
    public string? Description { get; init; }

    /// <summary>How the amount was itemised.</summary>
    public BreakdownStrategy Strategy { get; init; }

    /// <summary>Why there is no breakdown (for logs), or null when there is one.</summary>
    public string? BreakdownOmittedReason { get; init; }

    /// <summary>The PayPal <c>purchase_units[0]</c> object, snake_case, values formatted with PayPal's decimals.</summary>
    public JsonObject ToPayPalJson()
    {
        var amount = Amount.ToPayPalMoney("amountPlanned");
        if (Breakdown is { } breakdown)
        {
            var breakdownJson = new JsonObject { ["item_total"] = breakdown.ItemTotal.ToPayPalMoney("item_total") };
            AddMoney(breakdownJson, "tax_total", breakdown.TaxTotal);
            AddMoney(breakdownJson, "shipping", breakdown.Shipping);
            AddMoney(breakdownJson, "discount", breakdown.Discount);
            amount["breakdown"] = breakdownJson;
        }

        var unit = new JsonObject { ["amount"] = amount };
        if (Breakdown is not null && Items.Count > 0)
        {
            var items = new JsonArray();
            foreach (var item in Items)
            {
                var itemJson = new JsonObject
                {
                    ["name"] = item.Name,
                    ["quantity"] = item.Quantity,
                    ["unit_amount"] = item.UnitAmount.ToPayPalMoney("unit_amount"),
                };
                AddMoney(itemJson, "tax", item.Tax);
                AddString(itemJson, "sku", item.Sku);
                items.Add((JsonNode)itemJson); // the JsonNode overload: Add<T> is not trim-safe
            }

            unit["items"] = items;
        }

        if (Shipping is { } shipping && ToPayPalShipping(shipping) is { } shippingJson)
        {
            unit["shipping"] = shippingJson;
        }

        AddString(unit, "invoice_id", InvoiceId);
        AddString(unit, "custom_id", CustomId);
        AddString(unit, "description", Description);
        return unit;
    }

    private static JsonObject? ToPayPalShipping(PlannedShipping shipping)
    {
        var json = new JsonObject();
        if (!string.IsNullOrEmpty(shipping.FullName))
        {
            json["name"] = new JsonObject { ["full_name"] = shipping.FullName };
        }

        if (!string.IsNullOrEmpty(shipping.CountryCode))
        {
            var address = new JsonObject();
            AddString(address, "address_line_1", shipping.AddressLine1);
            AddString(address, "address_line_2", shipping.AddressLine2);
            AddString(address, "admin_area_2", shipping.AdminArea2);
            AddString(address, "admin_area_1", shipping.AdminArea1);
            AddString(address, "postal_code", shipping.PostalCode);
            address["country_code"] = shipping.CountryCode;
            json["address"] = address;
        }

        return json.Count == 0 ? null : json;
    }

    private static void AddMoney(JsonObject target, string name, Money? money)
    {
        if (money is { } value)
        {
            target[name] = value.ToPayPalMoney(name);
        }
    }

    private static void AddString(JsonObject target, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            target[name] = value;
        }
    }
}
