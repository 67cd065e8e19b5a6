using System.Text.Json.Nodes;

namespace Emulator.PayPal.Infrastructure;

/// <summary>Turns <see cref="PayPalApiException"/> (and anything unexpected) into PayPal's error envelope.</summary>
internal sealed partial class ErrorHandlingMiddleware(RequestDelegate next, ILogger<ErrorHandlingMiddleware> logger)
{
    public const string DebugIdHeader = "Paypal-Debug-Id";

    private const string DebugIdItem = "Emulator.PayPal.DebugId";

    /// <summary>The request's debug id: sent as <c>Paypal-Debug-Id</c> on every answer and as <c>debug_id</c> in error bodies.</summary>
    public static string DebugIdOf(HttpContext context)
    {
        if (context.Items[DebugIdItem] is not string id)
        {
            id = Ids.DebugId();
            context.Items[DebugIdItem] = id;
        }

        return id;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(
            static state =>
            {
                var http = (HttpContext)state;
                http.Response.Headers[DebugIdHeader] = DebugIdOf(http);
                return Task.CompletedTask;
            },
            context);
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
        return Envelope(ex, context).ExecuteAsync(context);
    }

    public static ApiResponse Envelope(PayPalApiException ex, HttpContext context) => Envelope(ex, DebugIdOf(context), context.Request.Path);

    /// <summary>The error reference of the API a path belongs to, like PayPal's <c>information_link</c>.</summary>
    public static string InformationLink(PathString path, string issue)
    {
        static bool Under(PathString path, string prefix) => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase);
        return path switch
        {
            _ when Under(path, "/v2/checkout/orders") => "https://developer.paypal.com/api/rest/reference/orders/v2/errors/#" + issue,
            _ when Under(path, "/v2/payments") => "https://developer.paypal.com/docs/api/payments/v2/#error-" + issue,
            _ when Under(path, "/v3/vault") => "https://developer.paypal.com/docs/api/payment-tokens/v3/#error-" + issue,
            _ when Under(path, "/v1/notifications") => "https://developer.paypal.com/docs/api/webhooks/v1/#error-" + issue,
            _ when Under(path, "/v1/shipping") => "https://developer.paypal.com/docs/api/tracking/v1/#error-" + issue,
            _ when Under(path, "/v1/customer/disputes") => "https://developer.paypal.com/docs/api/customer-disputes/v1/#error-" + issue,
            _ when Under(path, "/v1/identity") || Under(path, "/v1/oauth2") => "https://developer.paypal.com/docs/api/identity/v1/#error-" + issue,
            _ => "https://developer.paypal.com/api/rest/responses/#link-" + issue,
        };
    }

    private static ApiResponse Envelope(PayPalApiException ex, string debugId, PathString path)
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
                ["href"] = InformationLink(path, ex.Issue),
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
            ["debug_id"] = debugId,
            ["details"] = new JsonArray { detail },
            ["links"] = links,
        };
        return new ApiResponse(ex.Status, body);
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "Unexpected error on {Path}")]
    private static partial void LogUnexpected(ILogger logger, Exception ex, string path);
}
