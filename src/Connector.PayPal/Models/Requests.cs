using System.Text.Json.Nodes;

namespace Connector.PayPal.Models;

// Request bodies the connector builds itself. What a client passes through unchanged (a payment source, tracker
// items, a JSON Patch, dispute evidence, a create-order body) stays JSON.

/// <summary>Body of <c>POST /v1/identity/generate-token</c>.</summary>
public sealed record ClientTokenRequest(string? CustomerId);

/// <summary>Body of <c>POST /v2/checkout/orders/{id}/track</c>; the items are the client's or built from a parcel.</summary>
public sealed record AddTrackerRequest(string CaptureId, string TrackingNumber, string Carrier)
{
    public string? CarrierNameOther { get; init; }

    public bool? NotifyPayer { get; init; }

    public JsonArray? Items { get; init; }
}

/// <summary>A vault customer reference (<c>{"id": ...}</c>).</summary>
public sealed record VaultCustomer(string Id);

/// <summary>Body of <c>POST /v3/vault/setup-tokens</c>: the client's payment source, bound to the customer's vault id when known.</summary>
public sealed record SetupTokenRequest(JsonObject PaymentSource, VaultCustomer? Customer);

/// <summary>A reference to an earlier token, e.g. <c>{"id": setupTokenId, "type": "SETUP_TOKEN"}</c>.</summary>
public sealed record TokenReference(string Id, string Type);

/// <summary>The payment source of <see cref="PaymentTokenRequest"/>.</summary>
public sealed record TokenPaymentSource(TokenReference Token);

/// <summary>Body of <c>POST /v3/vault/payment-tokens</c>: a payment token made from an approved setup token.</summary>
public sealed record PaymentTokenRequest(VaultCustomer Customer, TokenPaymentSource PaymentSource)
{
    public static PaymentTokenRequest FromSetupToken(string customerId, string setupTokenId) =>
        new(new VaultCustomer(customerId), new TokenPaymentSource(new TokenReference(setupTokenId, "SETUP_TOKEN")));
}

/// <summary>An event type a webhook subscribes to (<c>{"name": ...}</c>).</summary>
public sealed record WebhookEventType(string Name);

/// <summary>Body of <c>POST /v1/notifications/webhooks</c>.</summary>
public sealed record CreateWebhookRequest(string Url, IReadOnlyList<WebhookEventType> EventTypes);

/// <summary>Body of <c>POST /v1/notifications/verify-webhook-signature</c>: the delivery's headers and its event as received.</summary>
public sealed record VerifyWebhookSignatureRequest(
    string? AuthAlgo,
    string? CertUrl,
    string? TransmissionId,
    string? TransmissionSig,
    string? TransmissionTime,
    string WebhookId,
    JsonNode? WebhookEvent);

/// <summary>Answer of <c>POST /v1/notifications/verify-webhook-signature</c>.</summary>
public sealed record VerifyWebhookSignatureResponse(string? VerificationStatus);

/// <summary>Body of <c>POST /v1/customer/disputes/{id}/accept-claim</c>.</summary>
public sealed record AcceptClaimRequest(string? Note, string? AcceptClaimType, PayPalMoney? RefundAmount);
