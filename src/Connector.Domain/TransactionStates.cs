namespace Connector.Domain;

/// <summary>Maps PayPal statuses to commercetools transaction states and guards the forward-only rule.</summary>
public static class TransactionStates
{
    /// <summary>
    /// State for a PayPal capture status: COMPLETED, REFUNDED, PARTIALLY_REFUNDED → Success; DECLINED, FAILED → Failure;
    /// PENDING, unknown or missing → Pending.
    /// </summary>
    /// <param name="paypalStatus">PayPal capture <c>status</c>.</param>
    public static TransactionState FromCaptureStatus(string? paypalStatus) => Normalize(paypalStatus) switch
    {
        "COMPLETED" or "REFUNDED" or "PARTIALLY_REFUNDED" => TransactionState.Success,
        "DECLINED" or "FAILED" => TransactionState.Failure,
        _ => TransactionState.Pending,
    };

    /// <summary>
    /// State for a PayPal authorization status: CREATED, CAPTURED, PARTIALLY_CAPTURED, VOIDED → Success;
    /// DENIED, EXPIRED → Failure; PENDING, unknown or missing → Pending.
    /// </summary>
    /// <param name="paypalStatus">PayPal authorization <c>status</c>.</param>
    public static TransactionState FromAuthorizationStatus(string? paypalStatus) => Normalize(paypalStatus) switch
    {
        "CREATED" or "CAPTURED" or "PARTIALLY_CAPTURED" or "VOIDED" => TransactionState.Success,
        "DENIED" or "EXPIRED" => TransactionState.Failure,
        _ => TransactionState.Pending,
    };

    /// <summary>
    /// State for a PayPal refund status: COMPLETED → Success; CANCELLED, FAILED → Failure; PENDING, unknown or missing → Pending.
    /// </summary>
    /// <param name="paypalStatus">PayPal refund <c>status</c>.</param>
    public static TransactionState FromRefundStatus(string? paypalStatus) => Normalize(paypalStatus) switch
    {
        "COMPLETED" => TransactionState.Success,
        "CANCELLED" or "FAILED" => TransactionState.Failure,
        _ => TransactionState.Pending,
    };

    /// <summary>
    /// Whether a transaction may change from <paramref name="from"/> to <paramref name="to"/>: only forward
    /// (Initial → Pending, Success or Failure; Pending → Success or Failure). Staying put is a no-op (false);
    /// Success and Failure are final.
    /// </summary>
    /// <param name="from">Current state.</param>
    /// <param name="to">Proposed state.</param>
    public static bool CanMove(TransactionState from, TransactionState to) => (from, to) switch
    {
        (TransactionState.Initial, TransactionState.Pending or TransactionState.Success or TransactionState.Failure) => true,
        (TransactionState.Pending, TransactionState.Success or TransactionState.Failure) => true,
        _ => false,
    };

    // PayPal documents upper-case statuses; tolerate other casing rather than mapping a real status to Pending.
    private static string? Normalize(string? status) => status?.Trim().ToUpperInvariant();
}
