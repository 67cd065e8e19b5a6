using System.Text.Json.Nodes;
using Emulator.PayPal.Infrastructure;
using Emulator.PayPal.Payments;

namespace Emulator.PayPal.Orders;

internal enum OrderView
{
    /// <summary><c>Prefer: return=representation</c> and GET.</summary>
    Full,

    /// <summary><c>Prefer: return=minimal</c>: id, status, links.</summary>
    Minimal,

    /// <summary>
    /// Minimal answer of capture/authorize: PayPal still returns the payments there, because a caller cannot act on a
    /// capture without its id.
    /// </summary>
    MinimalWithPayments,
}

internal static class OrderJson
{
    public static JsonObject Render(Order order, string baseUrl, OrderView view = OrderView.Full)
    {
        var links = Links(order, baseUrl);
        if (view == OrderView.Minimal)
        {
            return new JsonObject { ["id"] = order.Id, ["status"] = order.Status, ["links"] = links };
        }

        if (view == OrderView.MinimalWithPayments)
        {
            return new JsonObject
            {
                ["id"] = order.Id,
                ["status"] = order.Status,
                ["payment_source"] = Source(order),
                ["purchase_units"] = new JsonArray([.. order.Units.Select(u => (JsonNode)new JsonObject
                {
                    ["reference_id"] = u.ReferenceId,
                    ["shipping"] = u.Data["shipping"]?.DeepClone(), // a fresh tree, but the node still has its parent
                    ["payments"] = Payments(u, baseUrl),
                })]),
                ["payer"] = order.Payer?.DeepClone(),
                ["links"] = links,
            };
        }

        return new JsonObject
        {
            ["id"] = order.Id,
            ["intent"] = order.Intent,
            ["status"] = order.Status,
            ["processing_instruction"] = order.ProcessingInstruction,
            ["payment_source"] = Source(order),
            ["purchase_units"] = new JsonArray([.. order.Units.Select(u => (JsonNode)Unit(u, order.Id, baseUrl))]),
            ["payer"] = order.Payer?.DeepClone(),
            ["create_time"] = Time.Format(order.CreateTime),
            ["update_time"] = Time.Format(order.UpdateTime),
            ["links"] = links,
        };
    }

    private static JsonObject? Source(Order order) =>
        order.Source is null ? null : new JsonObject { [order.Source.Kind] = order.Source.View.DeepClone() };

    private static JsonObject Unit(PurchaseUnit unit, string orderId, string baseUrl)
    {
        var data = unit.Data;
        if (unit.Trackers.Count > 0)
        {
            var shipping = data["shipping"] as JsonObject ?? [];
            data["shipping"] = shipping;
            shipping["trackers"] = new JsonArray([.. unit.Trackers.Select(t => (JsonNode)TrackerJson(t, orderId, baseUrl))]);
        }

        data["payments"] = Payments(unit, baseUrl);
        return data;
    }

    public static JsonObject TrackerJson(Tracker tracker, string orderId, string baseUrl) => new()
    {
        ["id"] = tracker.Id,
        ["status"] = tracker.Status,
        ["tracking_number"] = tracker.TrackingNumber,
        ["carrier"] = tracker.Carrier,
        ["carrier_name_other"] = tracker.CarrierNameOther,
        ["notify_payer"] = tracker.NotifyPayer,
        ["items"] = tracker.Items?.DeepClone(),
        ["links"] = new JsonArray
        {
            Infrastructure.Links.Make(baseUrl, $"/v2/checkout/orders/{orderId}/trackers/{Uri.EscapeDataString(tracker.Id)}", "self", "GET"),
        },
        ["create_time"] = Time.Format(tracker.CreateTime),
        ["update_time"] = Time.Format(tracker.UpdateTime),
    };

    private static JsonObject? Payments(PurchaseUnit unit, string baseUrl)
    {
        if (unit.Captures.Count == 0 && unit.Authorizations.Count == 0)
        {
            return null;
        }

        var refunds = unit.Captures.SelectMany(c => c.Refunds).ToList();
        return new JsonObject
        {
            ["authorizations"] = unit.Authorizations.Count == 0 ? null : new JsonArray([.. unit.Authorizations.Select(a => (JsonNode)PaymentJson.Authorization(a, baseUrl))]),
            ["captures"] = unit.Captures.Count == 0 ? null : new JsonArray([.. unit.Captures.Select(c => (JsonNode)PaymentJson.Capture(c, baseUrl))]),
            ["refunds"] = refunds.Count == 0 ? null : new JsonArray([.. refunds.Select(r => (JsonNode)PaymentJson.Refund(r, baseUrl))]),
        };
    }

    private static JsonArray Links(Order order, string baseUrl)
    {
        var self = "/v2/checkout/orders/" + order.Id;
        var links = new JsonArray { Infrastructure.Links.Make(baseUrl, self, "self", "GET") };
        var action = order.Intent == "AUTHORIZE" ? "authorize" : "capture";
        switch (order.Status)
        {
            case OrderStatus.Created:
                links.Add(Infrastructure.Links.Make(baseUrl, "/checkoutnow?token=" + order.Id, "approve", "GET"));
                links.Add(Infrastructure.Links.Make(baseUrl, self, "update", "PATCH"));
                links.Add(Infrastructure.Links.Make(baseUrl, self + "/" + action, action, "POST"));
                break;
            case OrderStatus.PayerActionRequired:
                links.Add(Infrastructure.Links.Make(baseUrl, "/checkoutnow?token=" + order.Id, "payer-action", "GET"));
                break;
            case OrderStatus.Approved:
                links.Add(Infrastructure.Links.Make(baseUrl, self, "update", "PATCH"));
                links.Add(Infrastructure.Links.Make(baseUrl, self + "/" + action, action, "POST"));
                break;
        }

        return links;
    }
}
