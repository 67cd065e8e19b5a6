using Emulator.PayPal.Control;

namespace Emulator.PayPal.Infrastructure;

/// <summary>Artificial latency and injected 5xx answers for the REST API (not the approval page, not the control API).</summary>
internal sealed class LatencyAndFaultsMiddleware(RequestDelegate next, RuntimeSettings runtime, TimeProvider time)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        if (!(path.StartsWithSegments("/v1") || path.StartsWithSegments("/v2") || path.StartsWithSegments("/v3"))
            || path.StartsWithSegments("/v1/notifications/certs"))
        {
            await next(context);
            return;
        }

        var latency = runtime.LatencyMs;
        if (latency > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(latency), time, context.RequestAborted);
        }

        if (runtime.TakeFault(context.Request.Method, path.Value ?? string.Empty) is { } fault)
        {
            await ErrorHandlingMiddleware.Write(context, fault.ToException());
            return;
        }

        await next(context);
    }
}
