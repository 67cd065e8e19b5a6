using System.Text.Json.Nodes;
using Emulator.PayPal.Infrastructure;
using Emulator.PayPal.Payments;

namespace Emulator.PayPal.Disputes;

/// <summary>Customer Disputes v1 vocabulary (values as PayPal spells them).</summary>
internal static class DisputeValues
{
    public const string Open = "OPEN";
    public const string WaitingForBuyer = "WAITING_FOR_BUYER_RESPONSE";
    public const string WaitingForSeller = "WAITING_FOR_SELLER_RESPONSE";
    public const string UnderReview = "UNDER_REVIEW";
    public const string Resolved = "RESOLVED";

    public const string Inquiry = "INQUIRY";
    public const string Chargeback = "CHARGEBACK";

    public const string BuyerFavour = "RESOLVED_BUYER_FAVOUR";
    public const string SellerFavour = "RESOLVED_SELLER_FAVOUR";
    public const string WithPayout = "RESOLVED_WITH_PAYOUT";
    public const string CanceledByBuyer = "CANCELED_BY_BUYER";

    /// <summary>In order: a dispute only ever moves to a later stage.</summary>
    public static readonly IReadOnlyList<string> Stages = [Inquiry, Chargeback, "PRE_ARBITRATION", "ARBITRATION"];

    public static readonly IReadOnlySet<string> Reasons = new HashSet<string>(StringComparer.Ordinal)
    {
        "MERCHANDISE_OR_SERVICE_NOT_RECEIVED", "MERCHANDISE_OR_SERVICE_NOT_AS_DESCRIBED", "UNAUTHORISED", "CREDIT_NOT_PROCESSED",
        "DUPLICATE_TRANSACTION", "INCORRECT_AMOUNT", "PAYMENT_BY_OTHER_MEANS", "CANCELED_RECURRING_BILLING", "PROBLEM_WITH_REMITTANCE", "OTHER",
    };

    public static readonly IReadOnlySet<string> Channels = new HashSet<string>(StringComparer.Ordinal) { "INTERNAL", "EXTERNAL", "ALERT" };

    /// <summary>Outcomes the control API can resolve with; <c>accept-claim</c> always resolves in the buyer's favour.</summary>
    public static readonly IReadOnlySet<string> ControlOutcomes = new HashSet<string>(StringComparer.Ordinal) { BuyerFavour, SellerFavour, WithPayout, CanceledByBuyer };

    public static readonly IReadOnlySet<string> AcceptClaimTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        "REFUND", "REFUND_WITH_RETURN", "PARTIAL_REFUND", "REFUND_WITH_RETURN_SHIPMENT_LABEL",
    };

    /// <summary>The accept-claim types the emulator offers in <c>allowed_response_options</c> (no return shipping is modelled).</summary>
    public static readonly IReadOnlyList<string> OfferedAcceptClaimTypes = ["REFUND", "PARTIAL_REFUND"];

    public static readonly IReadOnlySet<string> EvidenceTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        "PROOF_OF_FULFILLMENT", "PROOF_OF_REFUND", "PROOF_OF_DELIVERY_SIGNATURE", "PROOF_OF_RECEIPT_COPY", "RETURN_POLICY", "BILLING_AGREEMENT",
        "PROOF_OF_RESHIPMENT", "ITEM_DESCRIPTION", "POLICE_REPORT", "AFFIDAVIT", "PAID_WITH_OTHER_METHOD", "COPY_OF_CONTRACT", "TERMINAL_ATM_RECEIPT",
        "PRICE_DIFFERENCE_REASON", "SOURCE_CONVERSION_RATE", "BANK_STATEMENT", "CREDIT_DUE_REASON", "REQUEST_CREDIT_RECEIPT", "PROOF_OF_RETURN",
        "CREATE", "CHANGE_REASON", "PROOF_OF_REFUND_OUTSIDE_PAYPAL", "RECEIPT_OF_MERCHANDISE", "CUSTOMS_DOCUMENT", "CUSTOMS_FEE_RECEIPT",
        "INFORMATION_ON_RESOLUTION", "ADDITIONAL_INFORMATION_OF_ITEM", "DETAILS_OF_PURCHASE", "PROOF_OF_SIGNIFICANT_DIFFERENCE",
        "PROOF_OF_SOFTWARE_OR_SERVICE_NOT_AS_DESCRIBED", "PROOF_OF_CONFISCATION", "PROOF_OF_DAMAGE", "COPY_OF_LAW_ENFORCEMENT_AGENCY_REPORT",
        "ADDITIONAL_PROOF_OF_SHIPMENT", "PROOF_OF_DENIAL_BY_CARRIER", "THIRDPARTY_PROOF_FOR_DAMAGE_OR_SIGNIFICANT_DIFFERENCE", "VALID_SUPPORTING_DOCUMENT",
        "LEGIBLE_SUPPORTING_DOCUMENT", "RETURN_TRACKING_INFORMATION", "DELIVERY_RECEIPT", "PROOF_OF_INSTORE_RECEIPT", "ADDITIONAL_TRACKING_INFORMATION",
        "PROOF_OF_SHIPMENT_POSTAGE", "ONLINE_TRACKING_INFORMATION", "PROOF_OF_INSTORE_REFUND", "PROOF_FOR_SOFTWARE_OR_SERVICE_DELIVERED",
        "RETURN_ADDRESS_FOR_SHIPPING", "COPY_OF_THE_EPARCEL_MANIFEST", "COPY_OF_SHIPPING_MANIFEST", "APPEAL_AFFIDAVIT", "RECEIPT_OF_REPLACEMENT",
        "COPY_OF_DRIVERS_LICENSE", "ACCOUNT_CHANGE_INFORMATION", "DELIVERY_ADDRESS", "CONFIRMATION_OF_RESOLUTION", "MERCHANT_RESPONSE",
        "PERMISSION_DESCRIPTION", "STATUS_OF_MERCHANDISE", "LOST_CARD_DETAILS", "LAST_VALID_TRANSACTION_DETAILS", "ADDITIONAL_PROOF_OF_RETURN",
        "DECLARATION", "PROOF_OF_MISSING_ITEMS", "PROOF_OF_EMPTY_PACKAGE_OR_DIFFERENT_ITEM", "PROOF_OF_ITEM_NOT_RECEIVED", "ORDER_DETAILS",
        "LISTING_URL", "SHIPPING_INSURANCE", "BUYER_RESPONSE", "PHOTOS_OF_SHIPPED_ITEM", "OTHER",
    };

    public static int StageIndex(string stage) => Stages.ToList().IndexOf(stage);
}

internal sealed class Dispute : OwnedResource
{
    /// <summary>Creation order, so listings sort newest first even when the clock stands still.</summary>
    public required long Sequence { get; init; }

    public required Capture Capture { get; init; }

    public required string Reason { get; init; }

    public required Money Amount { get; init; }

    public required string Channel { get; init; }

    public required string Status { get; set; }

    public required string Stage { get; set; }

    public required DateTimeOffset CreateTime { get; init; }

    public DateTimeOffset UpdateTime { get; set; }

    public DateTimeOffset? SellerResponseDueDate { get; set; }

    public DateTimeOffset? BuyerResponseDueDate { get; set; }

    public string? OutcomeCode { get; set; }

    public Money? AmountRefunded { get; set; }

    /// <summary>The refund (or reversal) made on the capture when the dispute resolved against the merchant.</summary>
    public Refund? Refund { get; set; }

    public List<JsonObject> Evidences { get; } = [];

    public bool IsResolved => Status == DisputeValues.Resolved;

    /// <summary>From the chargeback stage on PayPal holds the disputed money until the dispute resolves.</summary>
    public bool HoldsFunds => !IsResolved && Stage != DisputeValues.Inquiry;

    /// <summary>The user-specific <c>dispute_state</c>, as the merchant sees it.</summary>
    public string State => Status switch
    {
        DisputeValues.Resolved => "RESOLVED",
        DisputeValues.WaitingForSeller => "REQUIRED_ACTION",
        DisputeValues.WaitingForBuyer => "REQUIRED_OTHER_PARTY_ACTION",
        DisputeValues.UnderReview => "UNDER_PAYPAL_REVIEW",
        _ => Stage == DisputeValues.Inquiry ? "OPEN_INQUIRIES" : "REQUIRED_ACTION",
    };
}
