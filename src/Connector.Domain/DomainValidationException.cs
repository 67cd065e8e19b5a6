namespace Connector.Domain;

/// <summary>
/// Input that the connector refuses: an amount that cannot be represented, a malformed field, a missing value.
/// The service answers it with a commercetools 400 <c>InvalidInput</c> carrying <see cref="Exception.Message"/>
/// verbatim, so messages name the field and say what was wrong.
/// </summary>
public sealed class DomainValidationException : Exception
{
    /// <summary>Creates the exception with a generic message.</summary>
    public DomainValidationException()
        : base("The input is not valid.")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">Precise, caller-facing message; names the field when there is one.</param>
    public DomainValidationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the exception that caused it.</summary>
    /// <param name="message">Precise, caller-facing message; names the field when there is one.</param>
    /// <param name="innerException">The underlying cause.</param>
    public DomainValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
