using Microsoft.AspNetCore.Http.HttpResults;

namespace Connector.Service.Webhooks;

/// <summary><c>POST /paypal-webhooks</c>: PayPal webhook deliveries, verified before anything else is read.</summary>
internal static class WebhookEndpoints
{
    public const string Path = "/paypal-webhooks";

    // PayPal events are a few KB; a bound keeps an unauthenticated caller from making us buffer much before the signature check.
    private const int MaxBodyBytes = 512 * 1024;

    public static IEndpointRouteBuilder MapWebhooks(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, HandleWebhookAsync);
        return app;
    }

    private static async Task<Results<Ok, UnauthorizedHttpResult, NotFound, BadRequest, StatusCodeHttpResult>> HandleWebhookAsync(
        HttpRequest request, WebhookAuthenticator authenticator, WebhookProcessor processor, CancellationToken cancellationToken)
    {
        var body = await BoundedBody.ReadAsync(request, MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return TypedResults.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        switch (await authenticator.CheckAsync(WebhookHeaders.From(request.Headers), body, cancellationToken))
        {
            case WebhookAuthenticity.Forged:
                return TypedResults.Unauthorized();
            case WebhookAuthenticity.Unknown:
                return TypedResults.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        // Signed by PayPal yet not an event: redelivery cannot fix it.
        if (PayPalWebhookEvent.Parse(body) is not { } evt)
        {
            return TypedResults.BadRequest();
        }

        return await processor.ProcessAsync(evt, cancellationToken) switch
        {
            WebhookOutcome.Done => TypedResults.Ok(),
            WebhookOutcome.PaymentNotFoundYet => TypedResults.NotFound(),
            _ => TypedResults.StatusCode(StatusCodes.Status503ServiceUnavailable),
        };
    }
}
