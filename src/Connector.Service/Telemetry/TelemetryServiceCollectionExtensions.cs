using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Connector.Service.Telemetry;

/// <summary>Registers the connector's telemetry and, when configured, the OpenTelemetry exporter.</summary>
internal static class TelemetryServiceCollectionExtensions
{
    private static readonly string[] Exporters = ["none", "console", "otlp"];

    public static WebApplicationBuilder AddConnectorTelemetry(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddMetrics();
        services.AddHttpContextAccessor();
        services.AddSingleton<ConnectorTelemetry>();
        services.AddSingleton<OperationTelemetry>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHttpMessageHandlerBuilderFilter, UpstreamMetricsFilter>());
        services.AddSingleton<UpstreamHttpLogger>();
        services.ConfigureHttpClientDefaults(http => http.RemoveAllLoggers().AddLogger<UpstreamHttpLogger>());

        var options = builder.Configuration.GetSection(TelemetryOptions.SectionName).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var exporter = options.Exporter.Trim().ToLowerInvariant();
        if (!Exporters.Contains(exporter))
        {
            throw new InvalidOperationException(
                $"{TelemetryOptions.SectionName}:Exporter is '{options.Exporter}'; expected one of: {string.Join(", ", Exporters)}.");
        }

        if (exporter == "none")
        {
            // No SDK at all: the instruments still exist for in-process listeners (tests), at no cost otherwise.
            return builder;
        }

        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(options.ServiceName))
            .WithTracing(tracing =>
            {
                tracing.AddSource(ConnectorTelemetry.Name)
                    .AddAspNetCoreInstrumentation()
                    // Only the URL's scheme, host and path are recorded by default; query strings are redacted.
                    .AddHttpClientInstrumentation();
                if (exporter == "console")
                {
                    tracing.AddConsoleExporter();
                }
                else
                {
                    tracing.AddOtlpExporter();
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(ConnectorTelemetry.Name)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation();
                if (exporter == "console")
                {
                    metrics.AddConsoleExporter();
                }
                else
                {
                    metrics.AddOtlpExporter();
                }
            });
        return builder;
    }
}
