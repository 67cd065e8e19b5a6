using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Connector.Commercetools;
using Connector.Commercetools.Models;
using Connector.Service.Configuration;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Connector.Service.ApiExtension.Operations;

namespace Connector.Service.ApiExtension;

/// <summary><c>POST /paypal-commercetools-extension</c>: the commercetools API extension for payments and customers.</summary>
internal static class ExtensionEndpoints
{
    public const string Path = "/paypal-commercetools-extension";

    public static IEndpointRouteBuilder MapApiExtension(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, HandleExtensionAsync);
        return app;
    }

    // The answer goes to commercetools' API, never into a web page: quotes are escaped as \" rather than \u0022, which keeps
    // the response fields' embedded JSON a third of the size.
    private static readonly CommercetoolsJsonContext AnswerJson = new(new JsonSerializerOptions(CommercetoolsJsonContext.Default.Options)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    private static async Task<Results<JsonHttpResult<ExtensionUpdateResponse>, JsonHttpResult<ExtensionErrorResponse>, UnauthorizedHttpResult>> HandleExtensionAsync(
        HttpRequest request, ExtensionDispatcher dispatcher, IOptions<ConnectorOptions> options, ILogger<ExtensionDispatcher> logger, CancellationToken cancellationToken)
    {
        if (!IsAuthorized(request.Headers.Authorization.ToString(), options.Value.ExtensionAuthorization))
        {
            return TypedResults.Unauthorized();
        }

        ExtensionInput? input;
        try
        {
            input = await JsonSerializer.DeserializeAsync(request.Body, CommercetoolsJsonContext.Default.ExtensionInput, cancellationToken);
        }
        catch (JsonException)
        {
            input = null;
        }

        ExtensionOutcome outcome;
        try
        {
            outcome = input is null
                ? ExtensionOutcome.InvalidInput("The extension request body is not valid JSON.")
                : await dispatcher.DispatchAsync(input, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A defect must not become a 500 (commercetools would report ExtensionBadResponse with our body):
            // reject the update cleanly so nothing is applied, and keep the details in our log only.
            var reference = Guid.NewGuid().ToString("N")[..12];
            logger.LogError(e, "Extension call failed unexpectedly (reference {Reference})", reference);
            outcome = new ExtensionOutcome(null, [new ExtensionError("General", $"The PayPal connector failed unexpectedly (reference {reference}); nothing was changed and the update may be retried.")]);
        }
        // Serialized straight into the response body: no intermediate string.
        return outcome.Errors is { } errors
            ? TypedResults.Json(new ExtensionErrorResponse(errors), AnswerJson.ExtensionErrorResponse, statusCode: StatusCodes.Status400BadRequest)
            : TypedResults.Json(new ExtensionUpdateResponse(outcome.Actions!), AnswerJson.ExtensionUpdateResponse, statusCode: StatusCodes.Status200OK);
    }

    // The hash of the configured secret, kept for the options value it was computed from (options can be reloaded).
    // One object, swapped whole, so concurrent requests never see a secret with another secret's hash.
    private static ExpectedSecret? s_expected;

    private sealed record ExpectedSecret(string Secret, byte[] Hash);

    /// <summary>Constant-time comparison of the whole header value (hashes first so length is not leaked either).</summary>
    internal static bool IsAuthorized(string presented, string expected)
    {
        if (string.IsNullOrEmpty(expected) || string.IsNullOrEmpty(presented))
        {
            return false;
        }

        var cached = s_expected;
        if (cached is null || !ReferenceEquals(cached.Secret, expected))
        {
            cached = new ExpectedSecret(expected, SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
            s_expected = cached;
        }

        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), cached.Hash);
    }
}
