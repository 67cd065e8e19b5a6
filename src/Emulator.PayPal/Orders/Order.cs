using System.Text.Json.Nodes;
using Emulator.PayPal.Infrastructure;
using Emulator.PayPal.Payments;

namespace Emulator.PayPal.Orders;

internal static class OrderStatus
{
    public const string Created = "CREATED";
    public const string Approved = "APPROVED";
    public const string PayerActionRequired = "PAYER_ACTION_REQUIRED";
    public const string Completed = "COMPLETED";
    public const string Voided = "VOIDED";

    // Outside the OpenAPI enum, but what PayPal answers for Pay Upon Invoice.
    public const string PendingApproval = "PENDING_APPROVAL";
}

internal sealed class Order : OwnedResource
{
    public required string Intent { get; set; }

    public required string Status { get; set; }

    public required DateTimeOffset CreateTime { get; init; }

    public DateTimeOffset UpdateTime { get; set; }

    public required List<PurchaseUnit> Units { get; set; }

    /// <summary>Where timer-driven work (Pay Upon Invoice) builds its links.</summary>
    public required string BaseUrl { get; init; }

    public PaymentSourceState? Source { get; set; }

    public JsonObject? Payer { get; set; }

    public string? ReturnUrl { get; set; }

    public string? CancelUrl { get; set; }

    public string? ProcessingInstruction { get; set; }

    public JsonObject? ApplicationContext { get; set; }

    public ITimer? PendingTimer { get; set; }

    public bool IsCaptured => Units.Any(u => u.Captures.Count > 0);

    public bool IsAuthorized => Units.Any(u => u.Authorizations.Count > 0);
}

internal sealed class PurchaseUnit
{
    // Kept as UTF-8 JSON rather than a node tree: a stored order is then a few arrays for the garbage collector to walk,
    // not hundreds of small objects, so an emulator holding many thousands of orders does not stall its callers in long
    // collections.
    private byte[] _data = [];

    /// <summary>
    /// The unit as the merchant sent it (nulls dropped, money normalised); payments are added when rendering. Every read
    /// returns a new tree the caller may change freely; the stored unit changes only by assigning a new one.
    /// </summary>
    public required JsonObject Data
    {
        get => JsonNode.Parse(_data)!.AsObject();
        set
        {
            _data = System.Text.Encoding.UTF8.GetBytes(value.ToJsonString());
            ReferenceId = value["reference_id"]?.GetValue<string>() ?? "default";
            InvoiceId = value["invoice_id"]?.GetValue<string>();
            CustomId = value["custom_id"]?.GetValue<string>();
        }
    }

    public required Money Amount { get; set; }

    public string ReferenceId { get; private set; } = "default";

    public string? InvoiceId { get; private set; }

    public string? CustomId { get; private set; }

    public List<Capture> Captures { get; } = [];

    public List<Authorization> Authorizations { get; } = [];

    public List<Tracker> Trackers { get; } = [];
}

/// <summary>The payment source chosen for an order and what the emulator needs to know about it.</summary>
internal sealed class PaymentSourceState
{
    /// <summary>paypal, venmo, card, token, apple_pay, google_pay, pay_upon_invoice, ideal, ...</summary>
    public required string Kind { get; init; }

    /// <summary>The rendered <c>payment_source.&lt;kind&gt;</c> object (no card number, no CVV).</summary>
    public required JsonObject View { get; set; }

    public string? CardName { get; init; }

    public bool StoreInVault { get; init; }

    public string? VaultCustomerId { get; init; }

    public string? VaultUsageType { get; init; }

    public string? VaultCustomerType { get; init; }

    /// <summary>The vaulted token this order pays with, if any.</summary>
    public string? VaultId { get; init; }

    public bool RequiresPayerAction { get; init; }
}

internal sealed class Tracker
{
    public required string Id { get; init; }

    public required string CaptureId { get; init; }

    public required string Status { get; set; }

    public string? TrackingNumber { get; init; }

    public string? Carrier { get; init; }

    public string? CarrierNameOther { get; init; }

    public bool NotifyPayer { get; set; }

    public JsonArray? Items { get; set; }

    public required DateTimeOffset CreateTime { get; init; }

    public DateTimeOffset UpdateTime { get; set; }
}
