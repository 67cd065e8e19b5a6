using System.Text.Json.Nodes;

namespace Emulator.PayPal.Infrastructure;

/// <summary>Turns <see cref="PayPalApiException"/> (and anything unexpected) into PayPal's error envelope.</summary>
internal sealed partial class ErrorHandlingMiddleware(RequestDelegate next, ILogger<ErrorHandlingMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (PayPalApiException ex) when (!context.Response.HasStarted)
        {
            await Write(context, ex);
        }
        catch (Exception ex) when (!context.Response.HasStarted && ex is not OperationCanceledException)
        {
            LogUnexpected(logger, ex, context.Request.Path);
            await Write(context, new PayPalApiException(500, "INTERNAL_SERVER_ERROR", description: "An internal server error occurred."));
        }
    }

    public static Task Write(HttpContext context, PayPalApiException ex)
    {
        context.Response.Clear();
        return Envelope(ex).ExecuteAsync(context);
    }

    public static ApiResponse Envelope(PayPalApiException ex)
    {
        var detail = new JsonObject
        {
            ["field"] = ex.Field,
            ["value"] = ex.Value,
            ["location"] = ex.Field is null ? null : ex.Location,
            ["issue"] = ex.Issue,
            ["description"] = ex.Description,
        };
        var links = new JsonArray
        {
            new JsonObject
            {
                ["href"] = "https://developer.paypal.com/api/rest/reference/orders/v2/errors/#" + ex.Issue,
                ["rel"] = "information_link",
                ["method"] = "GET",
            },
        };
        foreach (var link in ex.ExtraLinks ?? [])
        {
            links.Add(link?.DeepClone());
        }

        var body = new JsonObject
        {
            ["name"] = PayPalApiException.NameFor(ex.Status),
            ["message"] = PayPalApiException.MessageFor(ex.Status),
            ["debug_id"] = Ids.DebugId(),
            ["details"] = new JsonArray { detail },
            ["links"] = links,
        };
        return new ApiResponse(ex.Status, body);
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "Unexpected error on {Path}")]
    private static partial void LogUnexpected(ILogger logger, Exception ex, string path);
}
