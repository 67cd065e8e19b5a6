using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Connector.PayPal.Models;

namespace Connector.PayPal;

/// <summary>Source-generated JSON for the PayPal wire models (snake_case, nulls omitted).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PayPalOrder))]
[JsonSerializable(typeof(PayPalCapture))]
[JsonSerializable(typeof(PayPalAuthorization))]
[JsonSerializable(typeof(PayPalRefund))]
[JsonSerializable(typeof(CaptureAuthorizationRequest))]
[JsonSerializable(typeof(RefundCaptureRequest))]
[JsonSerializable(typeof(ClientTokenRequest))]
[JsonSerializable(typeof(AddTrackerRequest))]
[JsonSerializable(typeof(SetupTokenRequest))]
[JsonSerializable(typeof(PaymentTokenRequest))]
[JsonSerializable(typeof(CreateWebhookRequest))]
[JsonSerializable(typeof(VerifyWebhookSignatureRequest))]
[JsonSerializable(typeof(VerifyWebhookSignatureResponse))]
[JsonSerializable(typeof(AcceptClaimRequest))]
[JsonSerializable(typeof(PayPalTokenResponse))]
[JsonSerializable(typeof(ClientTokenResponse))]
[JsonSerializable(typeof(PayPalErrorResponse))]
[JsonSerializable(typeof(PayPalDispute))]
[JsonSerializable(typeof(PayPalDisputeList))]
[JsonSerializable(typeof(JsonObject))]
[JsonSerializable(typeof(JsonArray))]
[JsonSerializable(typeof(JsonNode))]
public sealed partial class PayPalJsonContext : JsonSerializerContext;
