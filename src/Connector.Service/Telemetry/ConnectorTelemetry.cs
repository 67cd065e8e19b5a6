using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Connector.Service.Telemetry;

/// <summary>
/// The connector's own instruments: one span per operation and operation/upstream metrics. Tags carry ids and
/// classifications only (operation name, outcome, payment id, PayPal order id), never tokens or payloads.
/// </summary>
public sealed class ConnectorTelemetry : IDisposable
{
    /// <summary>Name of the <see cref="Meter"/> and the <see cref="ActivitySource"/>.</summary>
    public const string Name = "PayPalConnector";

    /// <summary>Counter of operations, tagged <c>operation</c> and <c>outcome</c>.</summary>
    public const string OperationsInstrument = "paypal_connector.operations";

    /// <summary>Histogram of operation durations (s), tagged <c>operation</c> and <c>outcome</c>.</summary>
    public const string OperationDurationInstrument = "paypal_connector.operation.duration";

    /// <summary>Histogram of upstream call durations (s), tagged <c>api</c> (paypal|commercetools), <c>http.request.method</c>, <c>outcome</c>.</summary>
    public const string UpstreamDurationInstrument = "paypal_connector.upstream.duration";

    private readonly Meter _meter;

    public ConnectorTelemetry(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(Name);
        Operations = _meter.CreateCounter<long>(OperationsInstrument, unit: "{operation}", description: "Extension operations by outcome.");
        OperationDuration = _meter.CreateHistogram<double>(OperationDurationInstrument, unit: "s", description: "Time an extension operation took, upstream calls included.");
        UpstreamDuration = _meter.CreateHistogram<double>(UpstreamDurationInstrument, unit: "s", description: "Latency of calls to PayPal and commercetools.");
    }

    /// <summary>Spans for operations (static: an <see cref="ActivitySource"/> is process-wide by design).</summary>
    public static ActivitySource ActivitySource { get; } = new(Name);

    internal Counter<long> Operations { get; }

    internal Histogram<double> OperationDuration { get; }

    internal Histogram<double> UpstreamDuration { get; }

    public void Dispose() => _meter.Dispose();
}
