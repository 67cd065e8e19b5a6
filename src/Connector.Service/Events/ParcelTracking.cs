using Connector.PayPal.Models;
using System.Globalization;
using System.Text.Json.Nodes;
using Connector.Commercetools;
using Connector.Commercetools.Models;
using Connector.Domain;
using Connector.Domain.Contract;
using Connector.PayPal;
using Connector.Service.ApiExtension;
using Connector.Service.Settings;

namespace Connector.Service.Events;

/// <summary>What the events endpoint answers.</summary>
internal enum EventOutcome
{
    /// <summary>The tracker is at PayPal: 204.</summary>
    Done,

    /// <summary>Nothing to do, or permanently impossible (logged): 202, so the message is not redelivered.</summary>
    Skipped,

    /// <summary>A transient failure: 503, so Pub/Sub redelivers.</summary>
    RetryLater,
}

/// <summary>
/// <c>ParcelAddedToDelivery</c> / <c>ParcelTrackingDataUpdated</c> on an order: when settings <c>sendTrackingToPayPal</c> is on,
/// adds the parcel's tracking number to the PayPal order of the order's PayPal payment
/// (<c>POST /v2/checkout/orders/{id}/track</c>). The PayPal-Request-Id is derived from the parcel, capture and tracking number,
/// so a redelivered message adds nothing twice. Calls: one order read, one payment query, one PayPal call.
/// </summary>
internal sealed partial class ParcelTracking(
    CommercetoolsClient commercetools,
    PayPalClient payPal,
    SettingsProvider settings,
    ILogger<ParcelTracking> logger)
{
    public static bool Handles(PubSubPush push) =>
        push.NotificationType == "Message" && push.ResourceTypeId == "order"
        && push.Type is "ParcelAddedToDelivery" or "ParcelTrackingDataUpdated";

    public async Task<EventOutcome> ProcessAsync(PubSubPush push, CancellationToken cancellationToken)
    {
        var orderId = push.ResourceId!;
        try
        {
            if (!(await settings.GetAsync(cancellationToken)).SendTrackingToPayPal)
            {
                Log.Skipped(logger, orderId, "settings sendTrackingToPayPal is off");
                return EventOutcome.Skipped;
            }

            var order = await commercetools.GetOrderAsync(orderId, cancellationToken);
            if (order is null)
            {
                return Skip(orderId, "the order does not exist");
            }

            var parcelId = push.Type == "ParcelAddedToDelivery"
                ? PubSubPush.Text(push.Notification["parcel"] as JsonObject, "id")
                : PubSubPush.Text(push.Notification, "parcelId");
            if (FindParcel(order, parcelId) is not { } found)
            {
                return Skip(orderId, "the parcel is not on the order");
            }

            var (delivery, parcel, country) = found;

            if (parcel.TrackingData?.TrackingId is not { Length: > 0 } trackingNumber)
            {
                return Skip(orderId, "the parcel has no tracking number");
            }

            var payments = await commercetools.GetPaymentsByIdsAsync([.. (order.PaymentInfo?.Payments ?? []).Select(p => p.Id).OfType<string>()], cancellationToken);
            // The payment's own order (its interfaceId), not the PayPalOrderId field a shopper can write.
            var payment = payments.FirstOrDefault(p => PaymentGuard.AnchoredOrderId(p) is not null
                && PaymentActions.LastSuccessful(p, TransactionType.Charge) is not null);
            if (payment is null)
            {
                return Skip(orderId, "the order has no PayPal payment with a successful Charge");
            }

            var payPalOrderId = PaymentGuard.AnchoredOrderId(payment)!;
            var captureId = PaymentActions.LastSuccessful(payment, TransactionType.Charge)!.InteractionId!;
            var body = TrackerBody(order, delivery, parcel, captureId, trackingNumber, country);
            var requestId = PayPalRequestIds.ForWebhookOrEvent(parcel.Id, captureId + "|" + trackingNumber);
            try
            {
                await payPal.Tracking.AddAsync(payPalOrderId, body, requestId, cancellationToken);
            }
            catch (PayPalApiException e) when (!e.IsTransient)
            {
                return Skip(orderId, $"PayPal refused the tracker ({(int)e.StatusCode} {e.Name} {string.Join(",", e.Issues)}, debug id {e.DebugId})");
            }

            Log.Tracked(logger, orderId, payment.Id, parcel.Id);
            return EventOutcome.Done;
        }
        catch (PayPalApiException e)
        {
            Log.Transient(logger, orderId, "PayPal", e.Message);
            return EventOutcome.RetryLater;
        }
        catch (CommercetoolsApiException e)
        {
            Log.Transient(logger, orderId, "commercetools", e.Message);
            return EventOutcome.RetryLater;
        }
    }

    /// <summary>The tracker: capture, tracking number, mapped carrier, and the parcel's items (name, quantity, sku, image).</summary>
    internal static AddTrackerRequest TrackerBody(Order order, Delivery delivery, Parcel parcel, string captureId, string trackingNumber, string? country)
    {
        var (carrier, carrierOther) = CarrierMapping.Map(parcel.TrackingData?.Carrier, country);

        var items = new JsonArray();
        foreach (var item in parcel.Items is { Count: > 0 } parcelItems ? parcelItems : delivery.Items)
        {
            if (order.LineItems.FirstOrDefault(l => l.Id == item.Id) is { } line)
            {
                items.Add((JsonNode)Item(Name(line.Name, order.Locale), item.Quantity, line.Variant?.Sku, line.Variant?.Images?.FirstOrDefault()?.Url));
            }
            else if (order.CustomLineItems.FirstOrDefault(l => l.Id == item.Id) is { } custom)
            {
                items.Add((JsonNode)Item(Name(custom.Name, order.Locale), item.Quantity, custom.Slug, null));
            }
        }

        return new AddTrackerRequest(captureId, trackingNumber, carrier)
        {
            CarrierNameOther = carrierOther,
            NotifyPayer = false,
            Items = items.Count > 0 ? items : null,
        };
    }

    private static JsonObject Item(string name, long quantity, string? sku, string? imageUrl)
    {
        var item = new JsonObject
        {
            ["name"] = name.Length > 127 ? name[..127] : name,
            ["quantity"] = quantity.ToString(CultureInfo.InvariantCulture),
        };
        if (sku is { Length: > 0 and <= 127 })
        {
            item["sku"] = sku;
        }

        if (imageUrl is { Length: > 0 and <= 2048 } && Uri.TryCreate(imageUrl, UriKind.Absolute, out _))
        {
            item["image_url"] = imageUrl;
        }

        return item;
    }

    private static string Name(Dictionary<string, string>? names, string? locale)
    {
        if (names is null || names.Count == 0)
        {
            return "Item";
        }

        var language = locale?.Split('-', '_')[0];
        return (locale is not null && names.TryGetValue(locale, out var exact) ? exact : null)
            ?? (language is not null && names.TryGetValue(language, out var lang) ? lang : null)
            ?? (names.TryGetValue("en", out var en) ? en : null)
            ?? names.Values.First();
    }

    /// <summary>The parcel with its delivery and the country it ships to, in single- or multi-shipping orders.</summary>
    private static (Delivery Delivery, Parcel Parcel, string? Country)? FindParcel(Order order, string? parcelId)
    {
        if (parcelId is null)
        {
            return null;
        }

        var candidates = (order.ShippingInfo?.Deliveries ?? []).Select(d => (d, order.ShippingAddress))
            .Concat((order.Shipping ?? []).SelectMany(s => (s.ShippingInfo?.Deliveries ?? []).Select(d => (d, s.ShippingAddress ?? order.ShippingAddress))));
        foreach (var (delivery, address) in candidates)
        {
            if (delivery.Parcels.FirstOrDefault(p => p.Id == parcelId) is { } parcel)
            {
                return (delivery, parcel, delivery.Address?.Country ?? address?.Country);
            }
        }

        return null;
    }

    private EventOutcome Skip(string orderId, string reason)
    {
        Log.Skipped(logger, orderId, reason);
        return EventOutcome.Skipped;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3201, Level = LogLevel.Information, Message = "Order {OrderId}: tracker for parcel {ParcelId} added to the PayPal order of payment {PaymentId}")]
        public static partial void Tracked(ILogger logger, string orderId, string paymentId, string parcelId);

        [LoggerMessage(EventId = 3202, Level = LogLevel.Warning, Message = "Order {OrderId}: no tracker sent to PayPal: {Reason}")]
        public static partial void Skipped(ILogger logger, string orderId, string reason);

        [LoggerMessage(EventId = 3203, Level = LogLevel.Warning, Message = "Order {OrderId}: {Upstream} failed ({Reason}); answering 503 so the message is redelivered")]
        public static partial void Transient(ILogger logger, string orderId, string upstream, string reason);
    }
}
