using System.Text.Json.Nodes;
using Emulator.PayPal.Infrastructure;

namespace Emulator.PayPal.Vault;

internal sealed class SetupToken : OwnedResource
{
    public required string CustomerId { get; init; }

    public required string Status { get; set; }

    /// <summary>card, paypal or venmo.</summary>
    public required string Kind { get; init; }

    /// <summary>The rendered <c>payment_source.&lt;kind&gt;</c> object.</summary>
    public required JsonObject View { get; set; }

    public string? ReturnUrl { get; init; }

    public string? CancelUrl { get; init; }

    public string? PaymentTokenId { get; set; }

    public required DateTimeOffset CreateTime { get; init; }
}

internal sealed class PaymentToken : OwnedResource
{
    public required string CustomerId { get; init; }

    public required string Kind { get; init; }

    public required JsonObject View { get; init; }

    public required DateTimeOffset CreateTime { get; init; }

    /// <summary>Insertion order, so listing a customer's tokens is stable.</summary>
    public required long Sequence { get; init; }
}
