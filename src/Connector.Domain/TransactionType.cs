namespace Connector.Domain;

/// <summary>commercetools <c>TransactionType</c>; the names are the wire values.</summary>
public enum TransactionType
{
    /// <summary>Money reserved on the payer's account.</summary>
    Authorization,

    /// <summary>A reservation released (PayPal void).</summary>
    CancelAuthorization,

    /// <summary>Money taken (PayPal capture).</summary>
    Charge,

    /// <summary>Money given back (PayPal refund).</summary>
    Refund,

    /// <summary>Money taken back by the payer's bank or PayPal (capture reversed).</summary>
    Chargeback,
}
