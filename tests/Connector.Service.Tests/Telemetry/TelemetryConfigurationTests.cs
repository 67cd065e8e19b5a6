using Connector.Service.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Connector.Service.Tests.Telemetry;

public sealed class TelemetryConfigurationTests
{
    [Theory]
    [InlineData(null, false)]
    [InlineData("none", false)]
    [InlineData("console", true)]
    [InlineData("OTLP", true)]
    public void The_exporter_setting_decides_whether_the_OpenTelemetry_SDK_runs(string? exporter, bool sdk)
    {
        using var app = Build(exporter);

        (app.Services.GetService<TracerProvider>() is not null).ShouldBe(sdk);
        (app.Services.GetService<MeterProvider>() is not null).ShouldBe(sdk);
        app.Services.GetRequiredService<ConnectorTelemetry>().ShouldNotBeNull();
    }

    [Fact]
    public void An_unknown_exporter_stops_the_start_up_naming_the_key_and_the_choices()
    {
        var error = Should.Throw<InvalidOperationException>(() => Build("jaeger"));

        error.Message.ShouldBe("Connector:Telemetry:Exporter is 'jaeger'; expected one of: none, console, otlp.");
    }

    [Theory]
    [InlineData("http://127.0.0.1:1/v3/vault/payment-tokens/8kk8451t?customer_id=c1", "http://127.0.0.1:1/v3/vault/payment-tokens/{id}")]
    [InlineData("https://api-m.paypal.com/v3/vault/setup-tokens/5C991763VB2771612/x", "https://api-m.paypal.com/v3/vault/setup-tokens/{id}/x")]
    [InlineData("https://api-m.paypal.com/v2/checkout/orders/5O190127TN364715T", "https://api-m.paypal.com/v2/checkout/orders/5O190127TN364715T")]
    public void Upstream_request_logs_keep_no_query_and_no_vault_token_id(string uri, string logged) =>
        UpstreamHttpLogger.SafePath(new Uri(uri)).ShouldBe(logged);

    /// <summary>The exporter is chosen while services are registered, so it comes from the command line like any real source.</summary>
    private static WebApplication Build(string? exporter) =>
        Infrastructure.OfflineConnector.Build(args: exporter is null ? [] : [$"--Connector:Telemetry:Exporter={exporter}"]);
}
