using System.Text.Json.Nodes;

namespace Emulator.Commercetools.Infrastructure;

/// <summary>Turns <see cref="CtException"/> into the commercetools error envelope; anything unexpected becomes a 500 General error without a stack trace.</summary>
internal sealed partial class ErrorHandlingMiddleware(RequestDelegate next, ILogger<ErrorHandlingMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (CtException ex) when (!context.Response.HasStarted)
        {
            context.Response.Clear();
            await new JsonHttpResult(ex.ToBody(), ex.StatusCode).ExecuteAsync(context);
        }
        catch (BadHttpRequestException ex) when (!context.Response.HasStarted)
        {
            var error = new CtException(400, Errors.Error("InvalidInput", ex.Message));
            context.Response.Clear();
            await new JsonHttpResult(error.ToBody(), 400).ExecuteAsync(context);
        }
        catch (InvalidOperationException ex) when (!context.Response.HasStarted && ex.Source == "System.Text.Json")
        {
            // A draft value of the wrong JSON kind reached a typed read (e.g. a number where a string belongs).
            context.Response.Clear();
            await new JsonHttpResult(Errors.InvalidJsonInput(ex.Message).ToBody(), 400).ExecuteAsync(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The caller went away; nothing to answer.
        }
        catch (Exception ex) when (!context.Response.HasStarted)
        {
            Log.Unhandled(logger, ex, context.Request.Path);
            var error = new CtException(500, Errors.Error("General", "Write operations are temporarily unavailable or an internal error occurred."));
            context.Response.Clear();
            await new JsonHttpResult(error.ToBody(), 500).ExecuteAsync(context);
        }
    }

    public static Task WriteNotFoundAsync(HttpContext context)
    {
        var error = new CtException(404, Errors.Error("ResourceNotFound", $"The endpoint '{context.Request.Method} {context.Request.Path}' was not found."));
        return new JsonHttpResult(error.ToBody(), 404).ExecuteAsync(context);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1000, Level = LogLevel.Error, Message = "Unhandled error on {Path}")]
        public static partial void Unhandled(ILogger logger, Exception exception, string path);
    }
}
