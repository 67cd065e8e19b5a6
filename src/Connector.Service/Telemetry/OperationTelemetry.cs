using System.Collections;
using System.Diagnostics;
using System.Text.Json;
using Connector.Commercetools.Models;
using Connector.Service.ApiExtension;

namespace Connector.Service.Telemetry;

/// <summary>
/// Opens, for each extension operation, a span, a log scope (operation, payment or customer id, PayPal order id,
/// commercetools correlation id) and records the operation metrics when it ends.
/// </summary>
internal sealed class OperationTelemetry(ConnectorTelemetry telemetry, IHttpContextAccessor httpContext, TimeProvider timeProvider, ILogger<OperationTelemetry> logger)
{
    /// <summary>The header commercetools sends with every extension call.</summary>
    public const string CorrelationHeader = "X-Correlation-ID";

    public OperationScope Begin(string operation, string resourceTypeId, string resourceId, CustomFields? custom)
    {
        string? orderId = null;
        if (custom?.Fields.TryGetValue("PayPalOrderId", out var raw) == true && raw.ValueKind == JsonValueKind.String)
        {
            orderId = raw.GetString();
        }

        var correlationId = SafeCorrelationId(httpContext.HttpContext?.Request.Headers[CorrelationHeader].ToString());
        return new OperationScope(telemetry, timeProvider, logger, operation, resourceTypeId, resourceId, orderId, correlationId);
    }

    /// <summary>
    /// The correlation id is caller-supplied text that ends up in logs: keep it only when it looks like an id
    /// (commercetools sends <c>projects/{key}/...</c>), so nobody can inject log lines or dump data through it.
    /// </summary>
    internal static string? SafeCorrelationId(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > 200)
        {
            return null;
        }

        foreach (var c in value)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':' or '/'))
            {
                return null;
            }
        }

        return value;
    }
}

/// <summary>One running operation: dispose it when the operation's answer is decided.</summary>
internal sealed class OperationScope : IDisposable
{
    private readonly ConnectorTelemetry _telemetry;
    private readonly TimeProvider _timeProvider;
    private readonly string _operation;
    private readonly long _started;
    private readonly Activity? _activity;
    private readonly IDisposable? _logScope;
    private readonly ScopeState _state;
    private string _outcome = OperationOutcome.Success;

    internal OperationScope(ConnectorTelemetry telemetry, TimeProvider timeProvider, ILogger logger, string operation, string resourceTypeId,
        string resourceId, string? payPalOrderId, string? correlationId)
    {
        _telemetry = telemetry;
        _timeProvider = timeProvider;
        _operation = operation;
        _started = timeProvider.GetTimestamp();
        _state = new ScopeState(operation, resourceTypeId == "customer" ? "CustomerId" : "PaymentId", resourceId, payPalOrderId, correlationId);
        _logScope = logger.BeginScope(_state);
        _activity = ConnectorTelemetry.ActivitySource.StartActivity(operation, ActivityKind.Internal);
        if (_activity is not null)
        {
            _activity.SetTag("connector.operation", operation);
            _activity.SetTag(resourceTypeId == "customer" ? "commercetools.customer.id" : "commercetools.payment.id", resourceId);
            _activity.SetTag("paypal.order.id", payPalOrderId);
            _activity.SetTag("commercetools.correlation.id", correlationId);
        }
    }

    /// <summary>Runs the operation, classifying any exception (which propagates unchanged) for the metrics and the span.</summary>
    public async Task<OperationResult> RunAsync(Func<CancellationToken, Task<OperationResult>> execute, CancellationToken cancellationToken)
    {
        try
        {
            var result = await execute(cancellationToken);
            if (_state.PayPalOrderId is null && _operation == "createPayPalOrder"
                && result.ResponseId is { } orderId)
            {
                // Later log lines of this operation and the span carry the order PayPal just created.
                _state.PayPalOrderId = orderId;
                _activity?.SetTag("paypal.order.id", orderId);
            }

            return result;
        }
        catch (Exception e)
        {
            _outcome = OperationOutcome.Classify(e);
            // A business error is still an answered operation; everything else failed.
            _activity?.SetStatus(_outcome == OperationOutcome.BusinessError ? ActivityStatusCode.Unset : ActivityStatusCode.Error, _outcome);
            throw;
        }
    }

    public void Dispose()
    {
        var tags = new TagList { { "operation", _operation }, { "outcome", _outcome } };
        _telemetry.Operations.Add(1, tags);
        _telemetry.OperationDuration.Record(_timeProvider.GetElapsedTime(_started).TotalSeconds, tags);
        _activity?.SetTag("connector.outcome", _outcome);
        _activity?.Dispose();
        _logScope?.Dispose();
    }

    /// <summary>
    /// The log scope's state. Logging providers enumerate it when they write a line, so an order id learned during
    /// the operation shows in the lines that follow.
    /// </summary>
    private sealed class ScopeState(string operation, string resourceKey, string resourceId, string? payPalOrderId, string? correlationId)
        : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public string? PayPalOrderId { get; set; } = payPalOrderId;

        public int Count => 4;

        public KeyValuePair<string, object?> this[int index] => index switch
        {
            0 => new("Operation", operation),
            1 => new(resourceKey, resourceId),
            2 => new("PayPalOrderId", PayPalOrderId),
            3 => new("CorrelationId", correlationId),
            _ => throw new ArgumentOutOfRangeException(nameof(index)),
        };

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
        {
            for (var i = 0; i < Count; i++)
            {
                yield return this[i];
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() =>
            $"{operation} {resourceKey}:{resourceId} PayPalOrderId:{PayPalOrderId} CorrelationId:{correlationId}";
    }
}
