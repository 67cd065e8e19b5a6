namespace Connector.Service.Telemetry;

/// <summary>Where traces and metrics go (section <c>Connector:Telemetry</c>).</summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "Connector:Telemetry";

    /// <summary>
    /// <c>none</c> (default: the meter and activity source still exist for in-process listeners, nothing is exported),
    /// <c>console</c> (stdout, for local debugging) or <c>otlp</c> (endpoint from the standard
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> / <c>OTEL_EXPORTER_OTLP_PROTOCOL</c> variables).
    /// </summary>
    public string Exporter { get; set; } = "none";

    /// <summary>The <c>service.name</c> resource attribute.</summary>
    public string ServiceName { get; set; } = "paypal-commercetools-connector";
}
