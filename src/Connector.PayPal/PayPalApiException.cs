using System.Net;

namespace Connector.PayPal;

/// <summary>One entry of PayPal's <c>details[]</c>.</summary>
public sealed record PayPalErrorDetail(string? Issue, string? Field, string? Description);

/// <summary>
/// A PayPal REST call failed: carries the status, PayPal's <c>name</c>, <c>message</c>, <c>debug_id</c>,
/// <c>details[]</c> and the raw body. <see cref="IsTransient"/> separates retryable failures (no answer, 5xx,
/// 429, deadline) from business errors (4xx).
/// </summary>
public sealed class PayPalApiException : Exception
{
    public PayPalApiException(HttpStatusCode statusCode, string? name, string message, string? debugId, IReadOnlyList<PayPalErrorDetail> details, string? rawBody)
        : base(message)
    {
        StatusCode = statusCode;
        Name = name;
        DebugId = debugId;
        Details = details;
        RawBody = rawBody;
    }

    public PayPalApiException(string message, Exception? inner) : base(message, inner)
    {
        Details = [];
    }

    /// <summary>HTTP status, 0 when no response arrived.</summary>
    public HttpStatusCode StatusCode { get; }

    public string? Name { get; }

    public string? DebugId { get; }

    public IReadOnlyList<PayPalErrorDetail> Details { get; }

    public string? RawBody { get; }

    /// <summary>The issue codes of <see cref="Details"/>.</summary>
    public IReadOnlyList<string> Issues => [.. Details.Select(d => d.Issue).OfType<string>()];

    public bool IsTransient => StatusCode == 0 || StatusCode == HttpStatusCode.TooManyRequests || (int)StatusCode >= 500;
}
