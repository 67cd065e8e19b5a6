using System.Text.Json.Nodes;
using Emulator.PayPal.Infrastructure;
using Emulator.PayPal.Orders;

namespace Emulator.PayPal.Payments;

/// <summary>What authorizations, captures and refunds all have, and PayPal shows the same way on each.</summary>
internal abstract class PaymentTransaction : OwnedResource
{
    public required string Status { get; set; }

    public string? StatusReason { get; set; }

    public required Money Amount { get; init; }

    public string? InvoiceId { get; init; }

    public string? CustomId { get; init; }

    public required DateTimeOffset CreateTime { get; init; }

    public DateTimeOffset UpdateTime { get; set; }
}

internal sealed class Authorization : PaymentTransaction
{
    public required Order Order { get; init; }

    public required PurchaseUnit Unit { get; init; }

    public required DateTimeOffset ExpirationTime { get; init; }

    public JsonObject? ProcessorResponse { get; init; }

    public bool Reauthorized { get; set; }

    public List<Capture> Captures { get; } = [];

    public long CapturedMinor => Captures.Where(c => c.Status is not ("DECLINED" or "FAILED")).Sum(c => c.Amount.Minor);
}

internal sealed class Capture : PaymentTransaction
{
    public required bool FinalCapture { get; init; }

    public required Order Order { get; init; }

    public required PurchaseUnit Unit { get; init; }

    public Authorization? Authorization { get; init; }

    public string? NoteToPayer { get; init; }

    public string? SoftDescriptor { get; init; }

    public JsonObject? ProcessorResponse { get; init; }

    public required long FeeMinor { get; init; }

    public List<Refund> Refunds { get; } = [];

    public long RefundedMinor => Refunds.Where(r => r.Status is "COMPLETED" or "PENDING").Sum(r => r.Amount.Minor);

    /// <summary>PayPal's transaction fee; fixed part per currency, then 3.49 %.</summary>
    public static long Fee(Money gross)
    {
        var fixedPart = gross.Currency switch { "JPY" => 40L, "HUF" => 90L, "TWD" => 10L, _ => 49L };
        var fee = ((gross.Minor * 349) + 5000) / 10000 + fixedPart;
        return Math.Min(fee, gross.Minor);
    }
}

internal sealed class Refund : PaymentTransaction
{
    public required Capture Capture { get; init; }

    public string? NoteToPayer { get; init; }

    public required long FeeMinor { get; init; }
}
