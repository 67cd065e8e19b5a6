using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Connector.Service.Events;

/// <summary>
/// <c>POST /paypal-commercetools-events</c>: commercetools Messages pushed by a subscription (Google Pub/Sub push envelope),
/// authenticated by a shared secret. 2xx acknowledges (done, or nothing to do); 5xx asks for redelivery.
/// </summary>
internal static partial class EventEndpoints
{
    public const string Path = "/paypal-commercetools-events";

    private const int MaxBodyBytes = 256 * 1024;

    public static IEndpointRouteBuilder MapEvents(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, HandleEventAsync);
        return app;
    }

    private static async Task<Results<NoContent, Accepted, UnauthorizedHttpResult, BadRequest, StatusCodeHttpResult>> HandleEventAsync(
        HttpRequest request, IOptionsMonitor<EventsOptions> options, ParcelTracking tracking, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (!IsAuthorized(request, options.CurrentValue.EventsSecret))
        {
            return TypedResults.Unauthorized();
        }

        // Bounded while reading too: a chunked body announces no length.
        if (await BoundedBody.ReadAsync(request, MaxBodyBytes, cancellationToken) is not { } body)
        {
            return TypedResults.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        if (PubSubPush.Parse(body) is not { } push)
        {
            return TypedResults.BadRequest();
        }

        if (!ParcelTracking.Handles(push))
        {
            Log.Ignored(loggers.CreateLogger(typeof(EventEndpoints).FullName!), push.MessageId, push.NotificationType, push.Type);
            return TypedResults.Accepted((string?)null);
        }

        return await tracking.ProcessAsync(push, cancellationToken) switch
        {
            EventOutcome.Done => TypedResults.NoContent(),
            EventOutcome.Skipped => TypedResults.Accepted((string?)null),
            _ => TypedResults.StatusCode(StatusCodes.Status503ServiceUnavailable),
        };
    }

    /// <summary><c>Authorization: Bearer &lt;secret&gt;</c> or <c>?token=&lt;secret&gt;</c>, compared in constant time (hashed, so length leaks nothing).</summary>
    internal static bool IsAuthorized(HttpRequest request, string? secret)
    {
        if (string.IsNullOrEmpty(secret))
        {
            return false;
        }

        var header = request.Headers.Authorization.ToString();
        var presented = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim()
            : request.Query.TryGetValue("token", out var token) && token.Count == 1 ? token[0] : null;
        return !string.IsNullOrEmpty(presented) && CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)),
            SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3210, Level = LogLevel.Debug, Message = "Event {MessageId} ({NotificationType} {Type}) is not handled; acknowledged")]
        public static partial void Ignored(ILogger logger, string? messageId, string? notificationType, string? type);
    }
}
