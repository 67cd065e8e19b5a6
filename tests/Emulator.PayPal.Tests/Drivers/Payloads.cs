using System.Text.Json.Nodes;

namespace Emulator.PayPal.Tests.Drivers;

public static class Payloads
{
    public const string ReturnUrl = "https://shop.example.com/return";
    public const string CancelUrl = "https://shop.example.com/cancel";

    public static JsonObject Order(string intent = "CAPTURE", string currency = "EUR", string value = "100.00") => new()
    {
        ["intent"] = intent,
        ["purchase_units"] = new JsonArray
        {
            new JsonObject
            {
                ["amount"] = new JsonObject { ["currency_code"] = currency, ["value"] = value },
                ["invoice_id"] = "inv-" + Guid.NewGuid().ToString("N"),
            },
        },
        ["application_context"] = new JsonObject { ["return_url"] = ReturnUrl, ["cancel_url"] = CancelUrl },
    };

    /// <summary>2 × 40.00 + tax 2 × 4.00 + shipping 5.00 − discount 3.00 = 90.00.</summary>
    public static JsonObject OrderWithItems(string? total = "90.00", string itemTotal = "80.00", string taxTotal = "8.00") => new()
    {
        ["intent"] = "CAPTURE",
        ["purchase_units"] = new JsonArray
        {
            new JsonObject
            {
                ["reference_id"] = "default",
                ["description"] = "Sneakers",
                ["amount"] = new JsonObject
                {
                    ["currency_code"] = "EUR",
                    ["value"] = total,
                    ["breakdown"] = new JsonObject
                    {
                        ["item_total"] = Money(itemTotal),
                        ["tax_total"] = Money(taxTotal),
                        ["shipping"] = Money("5.00"),
                        ["discount"] = Money("3.00"),
                    },
                },
                ["items"] = new JsonArray
                {
                    new JsonObject { ["name"] = "Sneaker", ["quantity"] = "2", ["unit_amount"] = Money("40.00"), ["tax"] = Money("4.00"), ["sku"] = "SNK-1" },
                },
            },
        },
    };

    public static JsonObject PayPalOrder(string intent = "CAPTURE", JsonObject? attributes = null)
    {
        var order = Order(intent);
        order.Remove("application_context");
        order["payment_source"] = new JsonObject
        {
            ["paypal"] = new JsonObject
            {
                ["experience_context"] = new JsonObject { ["return_url"] = ReturnUrl, ["cancel_url"] = CancelUrl, ["user_action"] = "PAY_NOW" },
                ["attributes"] = attributes,
            },
        };
        return order;
    }

    public static JsonObject CardOrder(string intent = "CAPTURE", string name = "John Doe", string number = "4111111111111111")
    {
        var order = Order(intent);
        order["payment_source"] = new JsonObject { ["card"] = Card(name, number) };
        return order;
    }

    public static JsonObject Card(string name = "John Doe", string number = "4111111111111111") => new()
    {
        ["number"] = number,
        ["expiry"] = "2030-12",
        ["security_code"] = "123",
        ["name"] = name,
        ["billing_address"] = new JsonObject { ["address_line_1"] = "Main St 1", ["postal_code"] = "10115", ["country_code"] = "DE" },
    };

    public static JsonObject Money(string value, string currency = "EUR") => new() { ["currency_code"] = currency, ["value"] = value };

    /// <summary>A Pay Upon Invoice source with what PayPal requires (send it with a PayPal-Client-Metadata-Id header).</summary>
    public static JsonObject PayUponInvoice(string? birthDate = "1990-01-01") => new()
    {
        ["name"] = new JsonObject { ["given_name"] = "Max", ["surname"] = "Mustermann" },
        ["email"] = "max@example.com",
        ["birth_date"] = birthDate,
    };
}
