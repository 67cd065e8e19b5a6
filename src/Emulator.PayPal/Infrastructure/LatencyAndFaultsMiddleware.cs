using Emulator.PayPal.Control;
using Microsoft.AspNetCore.WebUtilities;

namespace Emulator.PayPal.Infrastructure;

/// <summary>
/// For the REST API (not the approval page, not the control API): reads the whole request first, then detaches it from
/// the connection (PayPal completes a request it has received whatever happens to the caller), adds artificial latency
/// and applies faults: a 5xx instead of the operation, or the operation followed by a lost answer.
/// </summary>
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

        // Received means received in full: a caller that goes away while still sending has sent nothing (the read
        // fails); once the body is here the work no longer depends on the connection.
        context.Request.EnableBuffering();
        try
        {
            await context.Request.Body.DrainAsync(CancellationToken.None);
        }
        catch (IOException)
        {
            return;
        }

        context.Request.Body.Position = 0;
        context.RequestAborted = CancellationToken.None;

        var latency = runtime.LatencyMs;
        if (latency > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(latency), time);
        }

        var fault = runtime.TakeFault(context.Request.Method, path.Value ?? string.Empty);
        switch (fault?.Mode)
        {
            case null:
                await next(context);
                return;
            case FaultMode.Before:
                await ErrorHandlingMiddleware.Write(context, fault.ToException());
                return;
            default:
                await ExecuteAndLoseAnswer(context, fault);
                return;
        }
    }

    /// <summary>Runs the operation with its answer held back, then drops, replaces or delays that answer.</summary>
    private async Task ExecuteAndLoseAnswer(HttpContext context, Fault fault)
    {
        var realBody = context.Response.Body;
        using var held = new MemoryStream();
        context.Response.Body = held;
        try
        {
            await next(context);
        }
        catch (PayPalApiException ex)
        {
            // A refused call loses its answer too (into the held buffer).
            await ErrorHandlingMiddleware.Write(context, ex);
        }
        finally
        {
            context.Response.Body = realBody;
        }

        if (fault.Mode == FaultMode.Timeout)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(fault.DelayMs), time);
        }

        switch (fault.Mode)
        {
            case FaultMode.Close:
            case FaultMode.Timeout when !fault.AnswerAfterDelay:
                context.Abort();
                return;
            case FaultMode.ServerError:
                await ErrorHandlingMiddleware.Write(context, fault.ToException());
                return;
            default:
                held.Position = 0;
                await held.CopyToAsync(realBody);
                return;
        }
    }
}
