using System.Text.Json.Nodes;
using Emulator.PayPal.Infrastructure;

namespace Emulator.PayPal.Payments;

internal static class PaymentJson
{
    public static JsonObject Authorization(Authorization a, string baseUrl)
    {
        var self = "/v2/payments/authorizations/" + a.Id;
        var links = new JsonArray { Links.Make(baseUrl, self, "self", "GET") };
        if (a.Status is "CREATED" or "PARTIALLY_CAPTURED" or "PENDING")
        {
            links.Add(Links.Make(baseUrl, self + "/capture", "capture", "POST"));
            links.Add(Links.Make(baseUrl, self + "/void", "void", "POST"));
            links.Add(Links.Make(baseUrl, self + "/reauthorize", "reauthorize", "POST"));
        }

        links.Add(Links.Make(baseUrl, "/v2/checkout/orders/" + a.Order.Id, "up", "GET"));
        return new JsonObject
        {
            ["id"] = a.Id,
            ["status"] = a.Status,
            ["status_details"] = a.StatusReason is null ? null : new JsonObject { ["reason"] = a.StatusReason },
            ["amount"] = a.Amount.ToJson(),
            ["invoice_id"] = a.InvoiceId,
            ["custom_id"] = a.CustomId,
            ["seller_protection"] = SellerProtection(a.Order),
            ["processor_response"] = a.ProcessorResponse?.DeepClone(),
            ["expiration_time"] = Time.Format(a.ExpirationTime),
            ["links"] = links,
            ["supplementary_data"] = new JsonObject { ["related_ids"] = new JsonObject { ["order_id"] = a.Order.Id } },
            ["create_time"] = Time.Format(a.CreateTime),
            ["update_time"] = Time.Format(a.UpdateTime),
        };
    }

    public static JsonObject Capture(Capture c, string baseUrl)
    {
        var self = "/v2/payments/captures/" + c.Id;
        var links = new JsonArray { Links.Make(baseUrl, self, "self", "GET") };
        if (c.Status is "COMPLETED" or "PARTIALLY_REFUNDED")
        {
            links.Add(Links.Make(baseUrl, self + "/refund", "refund", "POST"));
        }

        links.Add(c.Authorization is null
            ? Links.Make(baseUrl, "/v2/checkout/orders/" + c.Order.Id, "up", "GET")
            : Links.Make(baseUrl, "/v2/payments/authorizations/" + c.Authorization.Id, "up", "GET"));
        var declined = c.Status is "DECLINED" or "FAILED";
        return new JsonObject
        {
            ["id"] = c.Id,
            ["status"] = c.Status,
            ["status_details"] = c.StatusReason is null ? null : new JsonObject { ["reason"] = c.StatusReason },
            ["amount"] = c.Amount.ToJson(),
            ["final_capture"] = c.FinalCapture,
            ["invoice_id"] = c.InvoiceId,
            ["custom_id"] = c.CustomId,
            ["note_to_payer"] = c.NoteToPayer,
            ["seller_protection"] = SellerProtection(c.Order),
            ["seller_receivable_breakdown"] = declined ? null : new JsonObject
            {
                ["gross_amount"] = c.Amount.ToJson(),
                ["paypal_fee"] = c.Amount.With(c.FeeMinor).ToJson(),
                ["net_amount"] = c.Amount.With(c.Amount.Minor - c.FeeMinor).ToJson(),
                ["receivable_amount"] = null,
            },
            ["processor_response"] = c.ProcessorResponse?.DeepClone(),
            ["links"] = links,
            ["supplementary_data"] = new JsonObject
            {
                ["related_ids"] = new JsonObject { ["order_id"] = c.Order.Id, ["authorization_id"] = c.Authorization?.Id },
            },
            ["create_time"] = Time.Format(c.CreateTime),
            ["update_time"] = Time.Format(c.UpdateTime),
        };
    }

    public static JsonObject Refund(Refund r, string baseUrl) => new()
    {
        ["id"] = r.Id,
        ["status"] = r.Status,
        ["status_details"] = r.StatusReason is null ? null : new JsonObject { ["reason"] = r.StatusReason },
        ["amount"] = r.Amount.ToJson(),
        ["invoice_id"] = r.InvoiceId,
        ["custom_id"] = r.CustomId,
        ["note_to_payer"] = r.NoteToPayer,
        ["seller_payable_breakdown"] = new JsonObject
        {
            ["gross_amount"] = r.Amount.ToJson(),
            ["paypal_fee"] = r.Amount.With(r.FeeMinor).ToJson(),
            ["net_amount"] = r.Amount.With(r.Amount.Minor - r.FeeMinor).ToJson(),
            ["total_refunded_amount"] = r.Amount.With(r.Capture.RefundedMinor).ToJson(),
        },
        ["links"] = new JsonArray
        {
            Links.Make(baseUrl, "/v2/payments/refunds/" + r.Id, "self", "GET"),
            Links.Make(baseUrl, "/v2/payments/captures/" + r.Capture.Id, "up", "GET"),
        },
        ["supplementary_data"] = new JsonObject { ["related_ids"] = new JsonObject { ["order_id"] = r.Capture.Order.Id, ["capture_id"] = r.Capture.Id } },
        ["create_time"] = Time.Format(r.CreateTime),
        ["update_time"] = Time.Format(r.UpdateTime),
    };

    private static JsonObject? SellerProtection(Orders.Order order) =>
        order.Source?.Kind is "paypal" or "venmo"
            ? new JsonObject { ["status"] = "ELIGIBLE", ["dispute_categories"] = new JsonArray("ITEM_NOT_RECEIVED", "UNAUTHORIZED_TRANSACTION") }
            : new JsonObject { ["status"] = "NOT_ELIGIBLE" };
}
