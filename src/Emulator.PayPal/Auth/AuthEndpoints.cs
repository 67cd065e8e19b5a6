using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Emulator.PayPal.Infrastructure;
using Microsoft.Extensions.Options;

namespace Emulator.PayPal.Auth;

internal static class AuthEndpoints
{
    public const string AppId = "APP-80W284485P519543T";
    private static readonly TimeSpan TokenLifetime = TimeSpan.FromSeconds(32400);

    private static readonly string[] Scopes =
    [
        "https://uri.paypal.com/services/invoicing",
        "https://uri.paypal.com/services/vault/payment-tokens/read",
        "https://uri.paypal.com/services/disputes/read-buyer",
        "https://uri.paypal.com/services/payments/realtimepayment",
        "https://uri.paypal.com/services/payments/payment/authcapture",
        "openid",
        "https://uri.paypal.com/services/payments/refund",
        "https://uri.paypal.com/services/vault/payment-tokens/readwrite",
        "https://uri.paypal.com/services/payments/orders/client_sdk_orders_api",
        "https://uri.paypal.com/services/identity/proxyclient",
        "https://uri.paypal.com/services/applications/webhooks",
    ];

    public static void MapAuthApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/oauth2/token", IssueToken);
    }

    public static void MapIdentityApi(this RouteGroupBuilder api)
    {
        api.MapPost("/v1/identity/generate-token", GenerateClientToken);
    }

    private static async Task<IResult> IssueToken(HttpContext http, EmulatorStore store, IOptionsMonitor<EmulatorOptions> options)
    {
        var client = Authenticate(http.Request.Headers.Authorization.ToString(), options.CurrentValue);
        if (client is null)
        {
            return OAuthError(401, "invalid_client", "Client Authentication failed");
        }

        var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(http.RequestAborted) : null;
        var grantType = form?["grant_type"].ToString();
        if (string.IsNullOrEmpty(grantType))
        {
            return OAuthError(400, "unsupported_grant_type", "Grant Type is NULL");
        }

        if (grantType != "client_credentials")
        {
            return OAuthError(400, "unsupported_grant_type", "Grant type not supported");
        }

        var now = store.Now;
        var token = new AccessToken(Ids.AccessToken(), client, now + TokenLifetime);
        lock (store.Gate)
        {
            store.Tokens[token.Token] = token;
        }

        var body = new JsonObject
        {
            ["scope"] = string.Join(' ', Scopes),
            ["access_token"] = token.Token,
            ["token_type"] = "Bearer",
            ["app_id"] = AppId,
            ["expires_in"] = (long)TokenLifetime.TotalSeconds,
            ["nonce"] = now.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) + Ids.DebugId(),
        };
        if (form?["response_type"].ToString() == "id_token")
        {
            var secret = options.CurrentValue.EffectiveClients().First(c => c.ClientId == client).ClientSecret;
            var customer = form["target_customer_id"].ToString();
            body["id_token"] = IdToken(ApiRequest.BaseUrlOf(http.Request), client, secret, string.IsNullOrEmpty(customer) ? null : customer, now);
        }

        return new ApiResponse(200, body);
    }

    private static ApiResponse GenerateClientToken(HttpContext http, EmulatorStore store)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(96));
        return new ApiResponse(200, new JsonObject { ["client_token"] = token, ["expires_in"] = 3600 });
    }

    /// <summary>Bearer check for every REST endpoint; the client id it yields scopes idempotency keys and webhooks.</summary>
    public static async ValueTask<object?> RequireBearer(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var store = http.RequestServices.GetRequiredService<EmulatorStore>();
        var header = http.Request.Headers.Authorization.ToString();
        AccessToken? token = null;
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            lock (store.Gate)
            {
                store.Tokens.TryGetValue(header["Bearer ".Length..].Trim(), out token);
            }
        }

        if (token is null || token.ExpiresAt <= store.Now)
        {
            return ErrorHandlingMiddleware.Envelope(new PayPalApiException(
                401, token is null ? "INVALID_TOKEN" : "TOKEN_EXPIRED", null, null, "header", "Authentication failed due to missing or invalid access token."), http);
        }

        http.Items[ApiRequest.ClientIdItem] = token.ClientId;
        return await next(context);
    }

    private static string? Authenticate(string header, EmulatorOptions options)
    {
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
        }
        catch (FormatException)
        {
            return null;
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return null;
        }

        var id = decoded[..colon];
        var secret = decoded[(colon + 1)..];
        var match = options.EffectiveClients().FirstOrDefault(c => c.ClientId == id);
        return match is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(match.ClientSecret), Encoding.UTF8.GetBytes(secret))
            ? id
            : null;
    }

    private static ApiResponse OAuthError(int status, string error, string description) =>
        new(status, new JsonObject { ["error"] = error, ["error_description"] = description });

    /// <summary>HS256 with the client secret: enough for the JS SDK to carry, and verifiable by a test that knows the secret.</summary>
    private static string IdToken(string issuer, string clientId, string secret, string? customerId, DateTimeOffset now)
    {
        var header = Base64Url("""{"alg":"HS256","typ":"JWT"}"""u8.ToArray());
        var claims = new JsonObject
        {
            ["iss"] = issuer,
            ["sub"] = customerId ?? clientId,
            ["aud"] = clientId,
            ["acr"] = new JsonArray("client"),
            ["target_customer_id"] = customerId,
            ["options"] = new JsonObject(),
            ["az"] = "emulator",
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = (now + TimeSpan.FromHours(9)).ToUnixTimeSeconds(),
            ["jti"] = Ids.DebugId(),
        };
        var payload = Base64Url(Encoding.UTF8.GetBytes(JsonOut.Serialize(claims)));
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.ASCII.GetBytes(header + "." + payload));
        return header + "." + payload + "." + Base64Url(signature);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
