using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Emulator.Commercetools.Customers;
using Emulator.Commercetools.Infrastructure;
using Emulator.Commercetools.Store;

namespace Emulator.Commercetools.Auth;

/// <summary>The auth service: client credentials, refresh, password and anonymous flows, introspection.</summary>
internal static partial class OAuthEndpoints
{
    public static void MapOAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var oauth = app.MapGroup("/oauth");
        oauth.MapPost("/token", Handlers.Of(http => Token(http, http.Service<EmulatorOptions>(), http.Service<TokenService>())));
        oauth.MapPost("/introspect", Handlers.Of(http => Introspect(http, http.Service<EmulatorOptions>(), http.Service<TokenService>())));
        oauth.MapPost("/{projectKey}/customers/token", Handlers.Of(http =>
            CustomerToken(http.Route("projectKey"), http, http.Service<EmulatorOptions>(), http.Service<TokenService>(), http.Service<ResourceStore>())));
        oauth.MapPost("/{projectKey}/in-store/key={storeKey}/customers/token", Handlers.Of(http =>
            CustomerToken(http.Route("projectKey"), http, http.Service<EmulatorOptions>(), http.Service<TokenService>(), http.Service<ResourceStore>())));
        oauth.MapPost("/{projectKey}/anonymous/token", Handlers.Of(http =>
            AnonymousToken(http.Route("projectKey"), http, http.Service<EmulatorOptions>(), http.Service<TokenService>())));
    }

    private static async Task<IResult> Token(HttpContext http, EmulatorOptions options, TokenService tokens)
    {
        var client = Authenticate(http, options);
        var form = await ReadParametersAsync(http);
        var grantType = form.GetValueOrDefault("grant_type");
        switch (grantType)
        {
            case null or "":
                throw AuthError(400, "invalid_request", "Missing required parameter: grant_type.");
            case "client_credentials":
                var scopes = ResolveScopes(form.GetValueOrDefault("scope"), client, options.ProjectKey);
                return TokenResponse(tokens.Issue(client.ClientId, scopes, null, null, withRefreshToken: false));
            case "refresh_token":
                var refresh = form.GetValueOrDefault("refresh_token");
                if (string.IsNullOrEmpty(refresh) || tokens.Refresh(refresh, client.ClientId) is not { } refreshed)
                {
                    throw AuthError(400, "invalid_grant", "The refresh token was not found. It may have expired.");
                }

                return TokenResponse(refreshed);
            default:
                throw AuthError(400, "unsupported_grant_type", $"Unsupported grant type: {grantType}.");
        }
    }

    private static async Task<IResult> CustomerToken(string projectKey, HttpContext http, EmulatorOptions options, TokenService tokens, ResourceStore store)
    {
        var client = Authenticate(http, options);
        RequireProject(projectKey, options);
        var form = await ReadParametersAsync(http);
        if (form.GetValueOrDefault("grant_type") != "password")
        {
            throw AuthError(400, "unsupported_grant_type", "Only grant_type=password is supported on this endpoint.");
        }

        var username = form.GetValueOrDefault("username");
        var password = form.GetValueOrDefault("password");
        if (string.IsNullOrEmpty(username) || password is null)
        {
            throw AuthError(400, "invalid_request", "Missing required parameters: username and password.");
        }

        var found = CustomerBehavior.FindByEmail(store, username);
        var hash = found is { } c && c.TryGetProperty("password", out var p) ? p.GetString() : null;
        if (found is not { } customer || hash is null || !PasswordHasher.Verify(password, hash))
        {
            throw AuthError(400, "invalid_customer_account_credentials", "Customer account with the given credentials not found.");
        }

        var customerId = customer.GetProperty("id").GetString()!;
        var scopes = ResolveScopes(form.GetValueOrDefault("scope"), client, options.ProjectKey).Append($"customer_id:{customerId}").ToList();
        return TokenResponse(tokens.Issue(client.ClientId, scopes, customerId, null, withRefreshToken: true));
    }

    private static async Task<IResult> AnonymousToken(string projectKey, HttpContext http, EmulatorOptions options, TokenService tokens)
    {
        var client = Authenticate(http, options);
        RequireProject(projectKey, options);
        if (!ScopeRules.Grants(client.Scopes, "create_anonymous_token", options.ProjectKey))
        {
            throw AuthError(400, "invalid_scope", $"The client needs the scope create_anonymous_token:{options.ProjectKey}.");
        }

        var form = await ReadParametersAsync(http);
        if (form.GetValueOrDefault("grant_type") != "client_credentials")
        {
            throw AuthError(400, "unsupported_grant_type", "Only grant_type=client_credentials is supported on this endpoint.");
        }

        var anonymousId = form.GetValueOrDefault("anonymous_id");
        if (string.IsNullOrEmpty(anonymousId))
        {
            anonymousId = Guid.NewGuid().ToString();
        }

        var scopes = ResolveScopes(form.GetValueOrDefault("scope"), client, options.ProjectKey).Append($"anonymous_id:{anonymousId}").ToList();
        return TokenResponse(tokens.Issue(client.ClientId, scopes, null, anonymousId, withRefreshToken: true));
    }

    private static async Task<IResult> Introspect(HttpContext http, EmulatorOptions options, TokenService tokens)
    {
        var client = Authenticate(http, options);
        var form = await ReadParametersAsync(http);
        var value = form.GetValueOrDefault("token");
        if (string.IsNullOrEmpty(value))
        {
            throw AuthError(400, "invalid_request", "Missing required parameter: token.");
        }

        var token = tokens.Validate(value);
        if (token is not null && token.ClientId != client.ClientId
            && !ScopeRules.Grants(client.Scopes, "introspect_oauth_tokens", options.ProjectKey))
        {
            throw ApiAuthMiddleware.InsufficientScope(["introspect_oauth_tokens"], options.ProjectKey);
        }

        if (token is null)
        {
            return JsonHttpResult.Ok(new JsonObject { ["active"] = false });
        }

        return JsonHttpResult.Ok(new JsonObject
        {
            ["active"] = true,
            ["scope"] = token.ScopeString,
            ["exp"] = token.ExpiresAt.ToUnixTimeMilliseconds(),
            ["client_id"] = token.ClientId,
        });
    }

    private static JsonHttpResult TokenResponse(AccessToken token)
    {
        var body = new JsonObject
        {
            ["access_token"] = token.Token,
            ["token_type"] = "Bearer",
            ["expires_in"] = (long)TokenService.Lifetime.TotalSeconds,
            ["scope"] = token.ScopeString,
        };
        if (token.RefreshToken is not null)
        {
            body["refresh_token"] = token.RefreshToken;
        }

        return JsonHttpResult.Ok(body);
    }

    private static ApiClient Authenticate(HttpContext http, EmulatorOptions options)
    {
        var header = http.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
                var colon = decoded.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0)
                {
                    var id = Uri.UnescapeDataString(decoded[..colon]);
                    var secret = Uri.UnescapeDataString(decoded[(colon + 1)..]);
                    var client = options.Clients.FirstOrDefault(c => c.ClientId == id);
                    if (client is not null && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
                            Encoding.UTF8.GetBytes(client.ClientSecret), Encoding.UTF8.GetBytes(secret)))
                    {
                        return client;
                    }
                }
            }
            catch (FormatException)
            {
                // Falls through to invalid_client.
            }
        }

        throw AuthError(401, "invalid_client", "Please provide valid client credentials using HTTP Basic Authentication.");
    }

    private static void RequireProject(string projectKey, EmulatorOptions options)
    {
        if (projectKey != options.ProjectKey)
        {
            throw AuthError(400, "invalid_request", $"Unknown project '{projectKey}'.");
        }
    }

    /// <summary>Validates a requested scope string against the client's scopes; no scope means all of the client's scopes.</summary>
    private static List<string> ResolveScopes(string? requested, ApiClient client, string projectKey)
    {
        if (string.IsNullOrWhiteSpace(requested))
        {
            return [.. client.Scopes];
        }

        var scopes = requested.Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToList();
        foreach (var scope in scopes)
        {
            var match = ScopePattern().Match(scope);
            if (!match.Success || match.Groups["project"].Value != projectKey)
            {
                throw AuthError(400, "invalid_scope", "Malformed parameter: scope: Invalid scope.");
            }

            var name = match.Groups["name"].Value;
            if (!client.Scopes.Contains(scope) && !ScopeRules.Grants(client.Scopes, name, projectKey))
            {
                throw AuthError(400, "invalid_scope", $"Malformed parameter: scope: Invalid scope. The client is not allowed to request '{scope}'.");
            }
        }

        return scopes;
    }

    private static async Task<Dictionary<string, string>> ReadParametersAsync(HttpContext http)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in http.Request.Query)
        {
            values[name] = value.ToString();
        }

        if (http.Request.HasFormContentType)
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            foreach (var (name, value) in form)
            {
                values[name] = value.ToString();
            }
        }

        return values;
    }

    public static CtException AuthError(int status, string code, string message) =>
        new(status, Errors.Error(code, message), new JsonObject { ["error"] = code, ["error_description"] = message });

    [GeneratedRegex("^(?<name>[a-z_]+):(?<project>[A-Za-z0-9_-]+)(:[A-Za-z0-9_-]+)?$")]
    private static partial Regex ScopePattern();
}
