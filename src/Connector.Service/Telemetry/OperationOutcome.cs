using Connector.Commercetools;
using Connector.Domain;
using Connector.PayPal;

namespace Connector.Service.Telemetry;

/// <summary>The outcome classes of an operation, as the dispatcher answers them.</summary>
internal static class OperationOutcome
{
    public const string Success = "success";

    /// <summary>PayPal refused (4xx): written to the response field as <c>{"success":false}</c>.</summary>
    public const string BusinessError = "business_error";

    /// <summary>The request was invalid: 400 InvalidInput.</summary>
    public const string InvalidInput = "invalid_input";

    /// <summary>The request was well-formed but not allowed for this payment or caller: 400 InvalidOperation, before any PayPal call.</summary>
    public const string Refused = "refused";

    /// <summary>PayPal or commercetools unavailable, slow or refusing our credentials: 400 InvalidOperation, retryable.</summary>
    public const string UpstreamError = "upstream_error";

    /// <summary>Anything else: a bug in the connector.</summary>
    public const string InternalError = "internal_error";

    /// <summary>Mirrors the dispatcher's catch clauses, so metrics count what callers saw.</summary>
    public static string Classify(Exception exception) => exception switch
    {
        DomainValidationException => InvalidInput,
        OperationRefusedException => Refused,
        PayPalApiException e when !e.IsTransient && e.StatusCode != System.Net.HttpStatusCode.Unauthorized => BusinessError,
        PayPalApiException or CommercetoolsApiException or OperationCanceledException => UpstreamError,
        _ => InternalError,
    };
}
