using System.Text.Json.Nodes;
using Emulator.Commercetools.Infrastructure;
using Emulator.Commercetools.Store;

namespace Emulator.Commercetools.Carts;

/// <summary><c>paymentInfo.payments</c> shared by carts and orders.</summary>
internal static class PaymentInfo
{
    public static bool Add(JsonObject resource, JsonObject payload, ResourceContext context, string? messageType = null)
    {
        var payment = References.Resolve(context.Store, JsonUtil.ReqObject(payload, "payment"), "payment", "payment");
        var info = resource["paymentInfo"] as JsonObject ?? new JsonObject { ["payments"] = new JsonArray() };
        resource["paymentInfo"] = info;
        var payments = (JsonArray)info["payments"]!;
        if (payments.Any(p => (string?)p!["id"] == (string?)payment["id"]))
        {
            return false;
        }

        payments.Add(payment);
        if (messageType is not null)
        {
            context.AddMessage(messageType, new JsonObject { ["payment"] = payment.DeepClone() });
        }

        return true;
    }

    public static bool Remove(JsonObject resource, JsonObject payload, ResourceContext context)
    {
        var identifier = JsonUtil.ReqObject(payload, "payment");
        var id = JsonUtil.OptString(identifier, "id") ?? (string?)References.Resolve(context.Store, identifier, "payment", "payment")["id"];
        if (resource["paymentInfo"]?["payments"] is not JsonArray list || list.FirstOrDefault(p => (string?)p!["id"] == id) is not { } existing)
        {
            return false;
        }

        list.Remove(existing);
        if (list.Count == 0)
        {
            resource.Remove("paymentInfo");
        }

        return true;
    }
}
