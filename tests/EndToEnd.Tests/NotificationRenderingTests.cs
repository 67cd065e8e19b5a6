using Connector.PayPal;
using Connector.PayPal.Models;
using System.Text.Json.Nodes;
using Connector.Commercetools.Models;
using Connector.Service.Events;
using Connector.Service.Webhooks;

namespace EndToEnd.Tests;

/// <summary>Pure pieces of the events and webhook handlers: the PayPal tracker body and the Pay Upon Invoice mail text.</summary>
public sealed class NotificationRenderingTests
{
    private static readonly Order Order = new()
    {
        Id = "order-1",
        Locale = "de-DE",
        LineItems =
        [
            new LineItem
            {
                Id = "line-1",
                Name = new() { ["en"] = "Shirt", ["de"] = "Hemd" },
                Quantity = 3,
                TotalPrice = new TypedMoney { CurrencyCode = "EUR", CentAmount = 30_00 },
                Variant = new ProductVariant { Sku = "SKU-1", Images = [new Image { Url = "https://img.example/shirt.png" }] },
            },
        ],
        CustomLineItems = [new CustomLineItem { Id = "custom-1", Name = new() { ["en"] = "Gift wrap" }, Slug = "gift-wrap", Quantity = 1, TotalPrice = new TypedMoney { CurrencyCode = "EUR", CentAmount = 2_00 } }],
    };

    [Fact]
    public void The_tracker_carries_capture_number_mapped_carrier_and_the_parcel_items_in_the_order_language()
    {
        var delivery = new Delivery { Id = "d-1", Items = [new DeliveryItem { Id = "line-1", Quantity = 3 }] };
        var parcel = new Parcel { Id = "p-1", TrackingData = new TrackingData { TrackingId = "T-1", Carrier = "dhl" }, Items = [new DeliveryItem { Id = "line-1", Quantity = 2 }, new DeliveryItem { Id = "custom-1", Quantity = 1 }, new DeliveryItem { Id = "gone", Quantity = 1 }] };

        var body = Wire(ParcelTracking.TrackerBody(Order, delivery, parcel, "CAP-1", "T-1", "DE"));

        body["capture_id"]!.GetValue<string>().ShouldBe("CAP-1");
        body["tracking_number"]!.GetValue<string>().ShouldBe("T-1");
        body["carrier"]!.GetValue<string>().ShouldBe("DHL_API");
        body.ContainsKey("carrier_name_other").ShouldBeFalse();
        var items = body["items"]!.AsArray();
        items.Count.ShouldBe(2);
        items[0]!.ToJsonString().ShouldBe("""{"name":"Hemd","quantity":"2","sku":"SKU-1","image_url":"https://img.example/shirt.png"}""");
        items[1]!.ToJsonString().ShouldBe("""{"name":"Gift wrap","quantity":"1","sku":"gift-wrap"}""");
    }

    [Fact]
    public void An_unknown_carrier_goes_as_OTHER_with_its_name_and_a_parcel_without_items_uses_the_delivery_s()
    {
        var delivery = new Delivery { Id = "d-1", Items = [new DeliveryItem { Id = "line-1", Quantity = 3 }] };
        var parcel = new Parcel { Id = "p-1", TrackingData = new TrackingData { TrackingId = "T-2", Carrier = "Kurier Müller" } };

        var body = Wire(ParcelTracking.TrackerBody(Order, delivery, parcel, "CAP-1", "T-2", "AT"));

        body["carrier"]!.GetValue<string>().ShouldBe("OTHER");
        body["carrier_name_other"]!.GetValue<string>().ShouldBe("Kurier Müller");
        body["items"]!.AsArray().ShouldHaveSingleItem()!["quantity"]!.GetValue<string>().ShouldBe("3");
    }

    [Fact]
    public void The_invoice_mail_fills_every_placeholder()
    {
        var order = JsonNode.Parse("""{"purchase_units":[{"amount":{"currency_code":"EUR","value":"99.95"}}]}""")!.AsObject();
        var invoice = JsonNode.Parse("""
            {"payment_reference":"REF-1","deposit_bank_details":{"bic":"BIC-1","bank_name":"Bank","iban":"DE00","account_holder_name":"Ratepay"},
             "experience_context":{"customer_service_instructions":["Line 1","Line 2"]}}
            """)!.AsObject();

        var text = PayUponInvoiceMailer.Render(PayUponInvoiceMailer.FallbackText, order, invoice, "from settings");

        text.ShouldNotContain("##");
        text.ShouldContain("99.95 EUR");
        text.ShouldContain("Verwendungszweck: REF-1");
        text.ShouldContain("BIC: BIC-1");
        text.ShouldContain("IBAN: DE00");
        text.ShouldContain("Kontoinhaber: Ratepay");
        text.ShouldContain("Instructions: Line 1\nLine 2");
        PayUponInvoiceMailer.Render("##customer_service_instructions##", order, new JsonObject(), "from settings").ShouldBe("from settings");
    }

    /// <summary>The tracker as it goes on the wire (PayPal's snake_case names, nulls left out).</summary>
    private static JsonObject Wire(AddTrackerRequest tracker) =>
        System.Text.Json.JsonSerializer.SerializeToNode(tracker, PayPalJsonContext.Default.AddTrackerRequest)!.AsObject();
}
