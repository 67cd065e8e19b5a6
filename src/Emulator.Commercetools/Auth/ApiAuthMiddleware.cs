using System.Text.Json.Nodes;
using Emulator.Commercetools.Infrastructure;

namespace Emulator.Commercetools.Auth;

/// <summary>Requires a valid bearer token on every API call under <c>/{projectKey}</c>.</summary>
internal sealed class ApiAuthMiddleware(RequestDelegate next, TokenService tokens, EmulatorOptions options)
{
    private const string ItemKey = "ct-access-token";

    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        if (!path.StartsWithSegments("/" + options.ProjectKey, StringComparison.Ordinal))
        {
            await next(context);
            return;
        }

        var header = context.Request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(header))
        {
            throw InvalidToken("This endpoint requires an access token. You can get one from the authorization service.");
        }

        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || tokens.Validate(header[7..].Trim()) is not { } token)
        {
            throw InvalidToken("invalid_token");
        }

        context.Items[ItemKey] = token;
        await next(context);
    }

    public static AccessToken GetToken(HttpContext context) =>
        context.Items.TryGetValue(ItemKey, out var value) && value is AccessToken token
            ? token
            : throw InvalidToken("invalid_token");

    public static CtException InvalidToken(string message) =>
        new(401, Errors.Error("invalid_token", message), new JsonObject { ["error"] = "invalid_token" });

    public static CtException InsufficientScope(IEnumerable<string> missing, string projectKey)
    {
        var list = string.Join(", ", missing.Select(s => $"{s}:{projectKey}"));
        var message = $"Insufficient scope. One of the following scopes is missing: {list}";
        return new(403, Errors.Error("insufficient_scope", message), new JsonObject { ["error"] = "insufficient_scope", ["error_description"] = message });
    }
}
