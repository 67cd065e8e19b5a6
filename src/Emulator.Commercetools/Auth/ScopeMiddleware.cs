namespace Emulator.Commercetools.Auth;

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
