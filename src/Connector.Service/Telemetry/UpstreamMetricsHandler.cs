using System.Diagnostics;
using Connector.Commercetools;
using Connector.PayPal;
using Microsoft.Extensions.Http;

namespace Connector.Service.Telemetry;

/// <summary>Records the latency of every call to PayPal or commercetools, tagged with the API and the outcome.</summary>
internal sealed class UpstreamMetricsHandler(ConnectorTelemetry telemetry, TimeProvider timeProvider, string api) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        var outcome = "error";
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            outcome = (int)response.StatusCode switch
            {
                < 400 => "success",
                < 500 => "client_error",
                _ => "server_error",
            };
            return response;
        }
        finally
        {
            telemetry.UpstreamDuration.Record(timeProvider.GetElapsedTime(started).TotalSeconds, new TagList
            {
                { "api", api },
                { "http.request.method", request.Method.Method },
                { "outcome", outcome },
            });
        }
    }

    /// <summary>Which upstream a named client talks to; null for clients that are neither (no metrics).</summary>
    internal static string? ApiOf(string? clientName) => clientName switch
    {
        nameof(PayPalTransport) or PayPalTokenService.AuthClientName => "paypal",
        nameof(CommercetoolsClient) or CommercetoolsTokenCache.AuthClientName => "commercetools",
        _ => null,
    };
}

/// <summary>
/// Adds <see cref="UpstreamMetricsHandler"/> as the innermost handler of the upstream clients, so the time measured
/// is the call itself, not the token fetch that an outer auth handler may do first (that fetch is measured on its own).
/// </summary>
internal sealed class UpstreamMetricsFilter(ConnectorTelemetry telemetry, TimeProvider timeProvider) : IHttpMessageHandlerBuilderFilter
{
    public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next) => builder =>
    {
        next(builder);
        if (UpstreamMetricsHandler.ApiOf(builder.Name) is { } api)
        {
            builder.AdditionalHandlers.Add(new UpstreamMetricsHandler(telemetry, timeProvider, api));
        }
    };
}
