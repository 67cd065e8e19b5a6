using Connector.Commercetools;
using Connector.PayPal;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Connector.Service.Health;

/// <summary><c>/health</c> (process is up) and <c>/ready</c> (both upstream APIs answer with our credentials).</summary>
internal static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", () => TypedResults.Json(new HealthStatus("ok", null), ServiceJsonContext.Default.HealthStatus));
        app.MapGet("/ready", ReadyAsync);
        return app;
    }

    private static async Task<JsonHttpResult<HealthStatus>> ReadyAsync(
        PayPalClient payPal, CommercetoolsClient commercetools, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var problems = await new ReadinessProbe(payPal, commercetools, timeProvider).CheckAsync(cancellationToken);
        return problems.Count == 0
            ? TypedResults.Json(new HealthStatus("ready", null), ServiceJsonContext.Default.HealthStatus)
            : TypedResults.Json(new HealthStatus("not ready", problems), ServiceJsonContext.Default.HealthStatus, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}

internal sealed record HealthStatus(string Status, IReadOnlyList<string>? Problems);
