using System.Text.Json.Nodes;
using Emulator.Commercetools.Carts;
using Emulator.Commercetools.Infrastructure;
using Emulator.Commercetools.Store;

namespace Emulator.Commercetools.Orders;

/// <summary>Orders: created from a cart; deliveries and parcels emit the messages the PayPal tracking flow listens to.</summary>
internal sealed class OrderBehavior : ResourceBehavior
{
    public const string CartProperty = "__cart";

    private static readonly string[] OrderStates = ["Open", "Confirmed", "Complete", "Cancelled"];
    private static readonly string[] PaymentStates = ["BalanceDue", "Failed", "Pending", "CreditOwed", "Paid"];
    private static readonly string[] ShipmentStates = ["Shipped", "Delivered", "Ready", "Pending", "Delayed", "Partial", "Backorder"];

    private static readonly string[] CopiedCartFields =
    [
        "customerId", "customerEmail", "anonymousId", "lineItems", "customLineItems", "totalPrice", "taxedPrice", "shippingAddress",
        "billingAddress", "shippingInfo", "shippingMode", "shipping", "itemShippingAddresses", "taxMode", "taxRoundingMode",
        "taxCalculationMode", "inventoryMode", "country", "locale", "origin", "paymentInfo", "custom", "discountCodes", "directDiscounts",
        "refusedGifts",
    ];

    private static readonly FieldActions Fields = new(CheckoutFields.Actions)
    {
        { "setOrderNumber", "orderNumber", "orderNumber" },
    };

    public override string TypeId => "order";

    public override string? ExtensionTypeId => "order";

    /// <summary>The draft is the OrderFromCartDraft plus the cart snapshot under <see cref="CartProperty"/>.</summary>
    public override JsonObject CreateFromDraft(JsonObject draft, ResourceContext context)
    {
        var cart = (JsonObject)draft[CartProperty]!;
        var order = new JsonObject { ["orderNumber"] = JsonUtil.OptString(draft, "orderNumber") };
        foreach (var field in CopiedCartFields)
        {
            JsonUtil.Set(order, field, cart[field]?.DeepClone());
        }

        order["orderState"] = OneOf(JsonUtil.OptString(draft, "orderState") ?? "Open", "orderState", OrderStates);
        JsonUtil.Set(order, "paymentState", JsonUtil.OptString(draft, "paymentState") is { } ps ? OneOf(ps, "paymentState", PaymentStates) : null);
        JsonUtil.Set(order, "shipmentState", JsonUtil.OptString(draft, "shipmentState") is { } ss ? OneOf(ss, "shipmentState", ShipmentStates) : null);
        order["cart"] = JsonUtil.Reference("cart", (string)cart["id"]!);
        order["returnInfo"] = new JsonArray();
        order["syncInfo"] = new JsonArray();
        if (JsonUtil.OptObject(draft, "custom") is { } custom)
        {
            order["custom"] = context.CustomFields.FromDraft(custom, "order");
        }

        return order;
    }

    public override void OnCreated(JsonObject resource, ResourceContext context)
    {
        context.AddMessage("OrderCreated", new JsonObject { ["order"] = resource.DeepClone() });
    }

    public static readonly string[] OrderNumberPath = ["orderNumber"];

    public override void ValidateCommit(JsonObject resource, ResourceCollection collection)
    {
        var orderNumber = (string?)resource["orderNumber"];
        if (orderNumber is not null && collection.WithValue(OrderNumberPath, orderNumber).Any(o => o.Id != (string?)resource["id"] && o.Body.TryGetProperty("orderNumber", out var n) && n.GetString() == orderNumber))
        {
            throw Errors.DuplicateField("orderNumber", orderNumber);
        }
    }

    public override bool Apply(JsonObject order, string action, JsonObject payload, ResourceContext context)
    {
        if (Fields.TryApply(order, action, payload, out var changed))
        {
            return changed;
        }

        switch (action)
        {
            case "addDelivery":
                return AddDelivery(order, payload, context);
            case "addParcelToDelivery":
                return AddParcel(order, payload, context);
            case "setParcelTrackingData":
                return SetTrackingData(order, payload, context);
            case "removeDelivery":
                var deliveries = Deliveries(order);
                var delivery = FindDelivery(deliveries, payload);
                deliveries.Remove(delivery);
                context.AddMessage("DeliveryRemoved", new JsonObject { ["delivery"] = delivery.DeepClone() });
                return true;
            case "changeOrderState":
                return ChangeState(order, "orderState", OneOf(JsonUtil.ReqString(payload, "orderState"), "orderState", OrderStates), "OrderStateChanged", context);
            case "changePaymentState":
                return ChangeState(order, "paymentState", OneOf(JsonUtil.ReqString(payload, "paymentState"), "paymentState", PaymentStates), "OrderPaymentStateChanged", context);
            case "changeShipmentState":
                return ChangeState(order, "shipmentState", OneOf(JsonUtil.ReqString(payload, "shipmentState"), "shipmentState", ShipmentStates), "OrderShipmentStateChanged", context);
            case "addPayment":
                return PaymentInfo.Add(order, payload, context, "OrderPaymentAdded");
            case "removePayment":
                return PaymentInfo.Remove(order, payload, context);
            case "setCustomType":
                return context.CustomFields.SetCustomType(order, payload, "order");
            case "setCustomField":
                return context.CustomFields.SetCustomField(order, payload);
            default:
                throw UnknownAction(action);
        }
    }

    private static bool ChangeState(JsonObject order, string property, string value, string messageType, ResourceContext context)
    {
        var old = (string?)order[property];
        if (!JsonUtil.SetIfChanged(order, property, value))
        {
            return false;
        }

        var oldProperty = "old" + char.ToUpperInvariant(property[0]) + property[1..];
        context.AddMessage(messageType, new JsonObject { [property] = value, [oldProperty] = old });
        return true;
    }

    private static JsonArray Deliveries(JsonObject order)
    {
        if (order["shippingInfo"] is not JsonObject shippingInfo)
        {
            throw Errors.InvalidOperation("The order has no shippingInfo: set a shipping method on the cart before adding deliveries.");
        }

        if (shippingInfo["deliveries"] is not JsonArray deliveries)
        {
            deliveries = [];
            shippingInfo["deliveries"] = deliveries;
        }

        return deliveries;
    }

    private static JsonObject FindDelivery(JsonArray deliveries, JsonObject payload) =>
        EntryRef.From(payload, "delivery").Find(deliveries, delivery => Errors.InvalidOperation($"The delivery '{delivery.Name}' does not exist on this order."));

    private static JsonArray Items(JsonObject order, JsonArray? items)
    {
        var result = new JsonArray();
        var known = ((JsonArray?)order["lineItems"] ?? []).Concat((JsonArray?)order["customLineItems"] ?? []).Select(l => (string?)l!["id"]).ToHashSet();
        foreach (var item in JsonUtil.Objects(items, "items"))
        {
            var id = JsonUtil.ReqString(item, "id", "items.id");
            if (!known.Contains(id))
            {
                throw Errors.InvalidOperation($"The order has no line item with id '{id}'.");
            }

            result.Add(new JsonObject { ["id"] = id, ["quantity"] = JsonUtil.ReqLong(item, "quantity", "items.quantity") });
        }

        return result;
    }

    private static JsonObject Parcel(JsonObject order, JsonObject draft, ResourceContext context)
    {
        var parcel = new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(),
            ["key"] = JsonUtil.OptString(draft, "parcelKey") ?? JsonUtil.OptString(draft, "key"),
            ["createdAt"] = context.NowText,
            ["measurements"] = JsonUtil.OptObject(draft, "measurements")?.DeepClone(),
            ["trackingData"] = TrackingData(JsonUtil.OptObject(draft, "trackingData")),
            ["items"] = Items(order, JsonUtil.OptArray(draft, "items")),
            ["custom"] = context.CustomFields.FromDraft(JsonUtil.OptObject(draft, "custom"), "order-parcel"),
        };
        JsonUtil.StripNulls(parcel);
        return parcel;
    }

    private static JsonObject? TrackingData(JsonObject? draft)
    {
        if (draft is null)
        {
            return null;
        }

        var tracking = new JsonObject();
        foreach (var field in new[] { "trackingId", "carrier", "provider", "providerTransaction" })
        {
            JsonUtil.Set(tracking, field, JsonUtil.OptString(draft, field, "trackingData." + field));
        }

        JsonUtil.Set(tracking, "isReturn", JsonUtil.OptBool(draft, "isReturn", "trackingData.isReturn") ?? false);
        return tracking;
    }

    private static bool AddDelivery(JsonObject order, JsonObject payload, ResourceContext context)
    {
        var deliveries = Deliveries(order);
        var key = JsonUtil.OptString(payload, "deliveryKey");
        if (key is not null && deliveries.Any(d => (string?)d!["key"] == key))
        {
            throw Errors.DuplicateField("deliveryKey", key);
        }

        var delivery = new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(),
            ["key"] = key,
            ["createdAt"] = context.NowText,
            ["items"] = Items(order, JsonUtil.OptArray(payload, "items")),
            ["parcels"] = JsonUtil.ReadObjects(payload, "parcels", p => Parcel(order, p, context)),
            ["address"] = Addresses.OptFromDraft(payload, "address"),
            ["custom"] = context.CustomFields.FromDraft(JsonUtil.OptObject(payload, "custom"), "order-delivery"),
        };
        JsonUtil.StripNulls(delivery);
        deliveries.Add(delivery);
        context.AddMessage("DeliveryAdded", new JsonObject { ["delivery"] = delivery.DeepClone(), ["shippingKey"] = JsonUtil.OptString(payload, "shippingKey") });
        return true;
    }

    private static bool AddParcel(JsonObject order, JsonObject payload, ResourceContext context)
    {
        var delivery = FindDelivery(Deliveries(order), payload);
        var parcel = Parcel(order, payload, context);
        ((JsonArray)(delivery["parcels"] ??= new JsonArray())).Add(parcel);
        context.AddMessage("ParcelAddedToDelivery", new JsonObject
        {
            ["delivery"] = delivery.DeepClone(),
            ["parcel"] = parcel.DeepClone(),
            ["shippingKey"] = JsonUtil.OptString(payload, "shippingKey"),
        });
        return true;
    }

    private static bool SetTrackingData(JsonObject order, JsonObject payload, ResourceContext context)
    {
        var parcelRef = EntryRef.From(payload, "parcel");
        foreach (var delivery in Deliveries(order).OfType<JsonObject>())
        {
            foreach (var parcel in ((JsonArray?)delivery["parcels"] ?? []).OfType<JsonObject>())
            {
                if (parcelRef.Matches(parcel))
                {
                    var tracking = TrackingData(JsonUtil.OptObject(payload, "trackingData"));
                    if (!JsonUtil.SetIfChanged(parcel, "trackingData", tracking))
                    {
                        return false;
                    }

                    context.AddMessage("ParcelTrackingDataUpdated", new JsonObject
                    {
                        ["deliveryId"] = delivery["id"]!.DeepClone(),
                        ["parcelId"] = parcel["id"]!.DeepClone(),
                        ["trackingData"] = tracking?.DeepClone(),
                    });
                    return true;
                }
            }
        }

        throw Errors.InvalidOperation($"The parcel '{parcelRef.Name}' does not exist on this order.");
    }
}
