using System.Net;
using System.Text.Json.Nodes;
using Emulator.PayPal.Tests.Drivers;

namespace Emulator.PayPal.Tests.Disputes;

/// <summary>A captured order to dispute, and shortcuts for the dispute control routes.</summary>
public static class DisputeDriver
{
    public sealed record Captured(string OrderId, string CaptureId, string InvoiceId);

    public static async Task<Captured> CaptureAsync(EmulatorHost host, string value = "100.00", string currency = "EUR")
    {
        var body = Payloads.CardOrder();
        body["purchase_units"]![0]!["amount"] = Payloads.Money(value, currency);
        var order = await host.CreateOrderAsync(body);
        var (status, captured) = await host.CallAsync(HttpMethod.Post, $"/v2/checkout/orders/{order["id"]}/capture", null, EmulatorHost.Representation(Guid.NewGuid().ToString()));
        status.ShouldBe(HttpStatusCode.Created, captured?.ToJsonString());
        return new Captured(
            order["id"]!.GetValue<string>(),
            captured!["purchase_units"]![0]!["payments"]!["captures"]![0]!["id"]!.GetValue<string>(),
            body["purchase_units"]![0]!["invoice_id"]!.GetValue<string>());
    }

    public static async Task<JsonNode> OpenAsync(EmulatorHost host, string captureId, JsonObject? body = null)
    {
        var (status, dispute) = await host.CallAsync(HttpMethod.Post, $"/emulator/captures/{captureId}/disputes", body ?? new JsonObject());
        status.ShouldBe(HttpStatusCode.Created, dispute?.ToJsonString());
        return dispute!;
    }

    public static Task<(HttpStatusCode Status, JsonNode? Body)> StepAsync(EmulatorHost host, string disputeId, string step, JsonObject? body = null) =>
        host.CallAsync(HttpMethod.Post, $"/emulator/disputes/{disputeId}/{step}", body ?? new JsonObject());

    public static async Task<JsonNode> ShowAsync(EmulatorHost host, string disputeId)
    {
        var (status, dispute) = await host.CallAsync(HttpMethod.Get, $"/v1/customer/disputes/{disputeId}");
        status.ShouldBe(HttpStatusCode.OK, dispute?.ToJsonString());
        return dispute!;
    }

    public static async Task<JsonNode> CaptureOfAsync(EmulatorHost host, string captureId) =>
        (await host.CallAsync(HttpMethod.Get, $"/v2/payments/captures/{captureId}")).Body!;

    public static string Id(JsonNode dispute) => dispute["dispute_id"]!.GetValue<string>();

    public static string Str(JsonNode? node) => node!.GetValue<string>();

    public static string Issue(JsonNode? error) => error!["details"]![0]!["issue"]!.GetValue<string>();

    public static JsonObject Tracking(string number = "1Z999AA10123456784") => new()
    {
        ["evidences"] = new JsonArray
        {
            new JsonObject
            {
                ["evidence_type"] = "PROOF_OF_FULFILLMENT",
                ["evidence_info"] = new JsonObject
                {
                    ["tracking_info"] = new JsonArray(new JsonObject { ["carrier_name"] = "UPS", ["tracking_number"] = number }),
                },
                ["notes"] = "Delivered to the front door.",
            },
        },
    };
}
