namespace Connector.Domain;

/// <summary>commercetools <c>TransactionState</c>; the names are the wire values.</summary>
public enum TransactionState
{
    /// <summary>The PSP has not accepted the transaction yet.</summary>
    Initial,

    /// <summary>Accepted by the PSP, not complete.</summary>
    Pending,

    /// <summary>Completed successfully.</summary>
    Success,

    /// <summary>Failed unrecoverably.</summary>
    Failure,
}
