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

internal static class ScopeEndpointExtensions
{
    /// <summary>Marks endpoints with the area whose scopes <see cref="ScopeMiddleware"/> enforces.</summary>
    public static TBuilder RequireScopes<TBuilder>(this TBuilder builder, ScopeArea area)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(area);
}

/// <summary>Enforces the endpoint's <see cref="ScopeArea"/>: GET/HEAD need a view or manage scope, anything else a manage scope.</summary>
internal sealed class ScopeMiddleware(RequestDelegate next, EmulatorOptions options)
{
    public Task InvokeAsync(HttpContext http)
    {
        if (http.GetEndpoint()?.Metadata.GetMetadata<ScopeArea>() is { } area)
        {
            var token = ApiAuthMiddleware.GetToken(http);
            var write = !(HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method));
            var required = area.Required(write).ToList();
            if (!required.Any(s => ScopeRules.Grants(token.Scopes, s, options.ProjectKey)))
            {
                throw ApiAuthMiddleware.InsufficientScope(required.Count > 0 ? required : ["manage_project"], options.ProjectKey);
            }
        }

        return next(http);
    }
}
