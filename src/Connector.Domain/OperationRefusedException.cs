namespace Connector.Domain;

/// <summary>
/// A well-formed request the connector will not carry out for this payment or caller: an order that is not the
/// payment's own, an operation a shopper's token may not request, an amount that is not what the cart owes. The
/// service answers it with a commercetools 400 <c>InvalidOperation</c> carrying <see cref="Exception.Message"/>, before
/// any PayPal call.
/// </summary>
public sealed class OperationRefusedException : Exception
{
    /// <summary>Creates the exception with a generic message.</summary>
    public OperationRefusedException()
        : base("The operation is not allowed.")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">Precise, caller-facing message; never contains another customer's data.</param>
    public OperationRefusedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the exception that caused it.</summary>
    /// <param name="message">Precise, caller-facing message.</param>
    /// <param name="innerException">The underlying cause.</param>
    public OperationRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
