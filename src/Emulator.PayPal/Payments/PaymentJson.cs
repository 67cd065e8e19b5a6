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
        var specific = new JsonObject
        {
            ["invoice_id"] = a.InvoiceId,
            ["custom_id"] = a.CustomId,
            ["seller_protection"] = SellerProtection(a.Order),
            ["processor_response"] = a.ProcessorResponse?.DeepClone(),
            ["expiration_time"] = Time.Format(a.ExpirationTime),
        };
        return Transaction(a, specific, links, new JsonObject { ["order_id"] = a.Order.Id });
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
        var receivable = declined ? null : Breakdown(c.Amount, c.FeeMinor);
        receivable?.Add("receivable_amount", null);
        var specific = new JsonObject
        {
            ["final_capture"] = c.FinalCapture,
            ["invoice_id"] = c.InvoiceId,
            ["custom_id"] = c.CustomId,
            ["note_to_payer"] = c.NoteToPayer,
            ["seller_protection"] = SellerProtection(c.Order),
            ["seller_receivable_breakdown"] = receivable,
            ["processor_response"] = c.ProcessorResponse?.DeepClone(),
        };
        return Transaction(c, specific, links, new JsonObject { ["order_id"] = c.Order.Id, ["authorization_id"] = c.Authorization?.Id });
    }

    public static JsonObject Refund(Refund r, string baseUrl)
    {
        var payable = Breakdown(r.Amount, r.FeeMinor);
        payable["total_refunded_amount"] = r.Amount.With(r.Capture.RefundedMinor).ToJson();
        var specific = new JsonObject
        {
            ["invoice_id"] = r.InvoiceId,
            ["custom_id"] = r.CustomId,
            ["note_to_payer"] = r.NoteToPayer,
            ["seller_payable_breakdown"] = payable,
        };
        var links = new JsonArray
        {
            Links.Make(baseUrl, "/v2/payments/refunds/" + r.Id, "self", "GET"),
            Links.Make(baseUrl, "/v2/payments/captures/" + r.Capture.Id, "up", "GET"),
        };
        return Transaction(r, specific, links, new JsonObject { ["order_id"] = r.Capture.Order.Id, ["capture_id"] = r.Capture.Id });
    }

    /// <summary>
    /// The representation every payment transaction shares, in PayPal's field order: id, status and amount first, then
    /// the fields of its kind (<paramref name="specific"/>, moved in), then links, related ids and the timestamps.
    /// </summary>
    private static JsonObject Transaction(PaymentTransaction t, JsonObject specific, JsonArray links, JsonObject relatedIds)
    {
        var json = new JsonObject
        {
            ["id"] = t.Id,
            ["status"] = t.Status,
            ["status_details"] = t.StatusReason is null ? null : new JsonObject { ["reason"] = t.StatusReason },
            ["amount"] = t.Amount.ToJson(),
        };
        foreach (var (name, value) in specific.ToList())
        {
            specific.Remove(name);
            json[name] = value;
        }

        json["links"] = links;
        json["supplementary_data"] = new JsonObject { ["related_ids"] = relatedIds };
        json["create_time"] = Time.Format(t.CreateTime);
        json["update_time"] = Time.Format(t.UpdateTime);
        return json;
    }

    /// <summary>Gross, PayPal's fee and net of a capture or refund.</summary>
    private static JsonObject Breakdown(Money gross, long feeMinor) => new()
    {
        ["gross_amount"] = gross.ToJson(),
        ["paypal_fee"] = gross.With(feeMinor).ToJson(),
        ["net_amount"] = gross.With(gross.Minor - feeMinor).ToJson(),
    };

    private static JsonObject? SellerProtection(Orders.Order order) =>
        order.Source?.Kind is "paypal" or "venmo"
            ? new JsonObject { ["status"] = "ELIGIBLE", ["dispute_categories"] = new JsonArray("ITEM_NOT_RECEIVED", "UNAUTHORIZED_TRANSACTION") }
            : new JsonObject { ["status"] = "NOT_ELIGIBLE" };
}
