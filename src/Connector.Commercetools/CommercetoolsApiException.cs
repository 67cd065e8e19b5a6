using System.Net;

namespace Connector.Commercetools;

/// <summary>One error of the commercetools error envelope.</summary>
public sealed record CommercetoolsError(string Code, string Message);

/// <summary>
/// A commercetools API call failed. Carries the status, the parsed <c>errors[]</c> and the raw body
/// (which never contains secrets: commercetools does not echo credentials).
/// </summary>
public class CommercetoolsApiException : Exception
{
    public CommercetoolsApiException(HttpStatusCode statusCode, IReadOnlyList<CommercetoolsError> errors, string? rawBody, string message)
        : base(message)
    {
        StatusCode = statusCode;
        Errors = errors;
        RawBody = rawBody;
    }

    public CommercetoolsApiException(string message, Exception inner) : base(message, inner)
    {
        Errors = [];
    }

    /// <summary>HTTP status, or 0 when no response was received.</summary>
    public HttpStatusCode StatusCode { get; }

    public IReadOnlyList<CommercetoolsError> Errors { get; }

    public string? RawBody { get; }

    /// <summary>The first error code, e.g. <c>ResourceNotFound</c>.</summary>
    public string? Code => Errors.Count > 0 ? Errors[0].Code : null;

    /// <summary>True when retrying the same request later may succeed.</summary>
    public bool IsTransient => StatusCode == 0 || (int)StatusCode >= 500;
}

/// <summary>409 ConcurrentModification: re-read the resource and re-apply.</summary>
public sealed class ConcurrentModificationException(HttpStatusCode statusCode, IReadOnlyList<CommercetoolsError> errors, string? rawBody, string message, long? currentVersion)
    : CommercetoolsApiException(statusCode, errors, rawBody, message)
{
    public long? CurrentVersion { get; } = currentVersion;
}
