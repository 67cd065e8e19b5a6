using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Connector.Service.Admin;

/// <summary>
/// Who may use the settings page: HTTP <c>Authorization</c> (Bearer token or Basic user/password) or a login cookie.
/// The cookie is signed (expiry and session id, with a key derived from the configured credentials), so it works across
/// instances and dies when the credentials change; a logout is recorded by <see cref="AdminSessionRevocations"/>. Every
/// comparison is constant-time, and every check of a presented secret goes through <see cref="AdminLoginThrottle"/>.
/// </summary>
internal sealed class AdminAuthenticator(IOptions<AdminOptions> options, TimeProvider timeProvider, AdminLoginThrottle throttle)
{
    public const string CookieName = "connector-admin";
    private const string HeaderSession = "header";

    public AdminOptions Options => options.Value;

    /// <summary>
    /// The session of this request (its CSRF token is bound to it; a cookie session may still have been logged out, see
    /// <see cref="AdminSessionRevocations"/>), none, or a block when the client address presented too many wrong credentials.
    /// </summary>
    public AdminAuthentication Authenticate(HttpRequest request)
    {
        var o = options.Value;
        if (!o.IsEnabled)
        {
            return AdminAuthentication.None;
        }

        if (AuthenticationHeaderValue.TryParse(request.Headers.Authorization.ToString(), out var header) && header.Parameter is { } parameter)
        {
            Func<bool>? verify = null;
            if (string.Equals(header.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase))
            {
                verify = () => o.HasToken && SecretEquals(parameter, o.AdminToken!);
            }
            else if (string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase))
            {
                verify = () => CheckBasic(parameter);
            }

            return verify is null ? AdminAuthentication.None : Result(throttle.Check(request.HttpContext.Connection.RemoteIpAddress, verify),
                new AdminSession(HeaderSession, FromHeader: true, DateTimeOffset.MaxValue));
        }

        return request.Cookies.TryGetValue(CookieName, out var cookie) && cookie is not null && VerifyCookie(cookie) is { } session
            ? new AdminAuthentication(session, null)
            : AdminAuthentication.None;
    }

    /// <summary>Checks a login form from <paramref name="remoteAddress"/>: accepted when the token or the user and password match.</summary>
    public CredentialCheck CheckLogin(IPAddress? remoteAddress, string? user, string? password, string? token)
    {
        var o = options.Value;
        return throttle.Check(remoteAddress, () =>
        {
            var tokenOk = o.HasToken && !string.IsNullOrEmpty(token) && SecretEquals(token, o.AdminToken!);
            var userOk = o.HasUserPassword && !string.IsNullOrEmpty(user) && !string.IsNullOrEmpty(password)
                && SecretEquals(user, o.AdminUser!) & SecretEquals(password, o.AdminPassword!);
            return tokenOk || userOk;
        });
    }

    /// <summary>A new login cookie value and its expiry.</summary>
    public (string Value, DateTimeOffset Expires) IssueCookie()
    {
        var expires = timeProvider.GetUtcNow().AddMinutes(options.Value.AdminSessionMinutes);
        var nonce = Base64Url(RandomNumberGenerator.GetBytes(16));
        var payload = $"{expires.ToUnixTimeSeconds()}.{nonce}";
        return ($"{payload}.{Sign("session." + payload)}", expires);
    }

    /// <summary>The CSRF token forms of this session must carry.</summary>
    public string CsrfToken(AdminSession session) => Sign("csrf." + session.Id);

    public bool CheckCsrf(AdminSession session, string? presented) =>
        !string.IsNullOrEmpty(presented) && SecretEquals(presented, CsrfToken(session));

    /// <summary>
    /// Rejects cross-site form posts before the CSRF token is looked at. Browsers send <c>Sec-Fetch-Site</c> (it must be
    /// <c>same-origin</c>) and <c>Origin</c> (it must be ours; "null", which privacy settings can produce, counts only
    /// with <c>Sec-Fetch-Site: same-origin</c>). Clients sending neither (not browsers) rely on the CSRF token alone.
    /// </summary>
    public static bool IsSameOrigin(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0 && site != "same-origin")
        {
            return false;
        }

        var origin = request.Headers.Origin.ToString();
        if (string.IsNullOrEmpty(origin))
        {
            return true;
        }

        if (origin == "null")
        {
            return site == "same-origin";
        }

        return Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            && string.Equals(uri.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }

    private AdminSession? VerifyCookie(string value)
    {
        var parts = value.Split('.');
        if (parts.Length != 3 || !long.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var expiry))
        {
            return null;
        }

        var payload = $"{parts[0]}.{parts[1]}";
        if (!SecretEquals(parts[2], Sign("session." + payload)) || timeProvider.GetUtcNow().ToUnixTimeSeconds() >= expiry)
        {
            return null;
        }

        return new AdminSession(parts[1], FromHeader: false, DateTimeOffset.FromUnixTimeSeconds(expiry));
    }

    private static AdminAuthentication Result(CredentialCheck check, AdminSession session) => check.Outcome switch
    {
        CredentialOutcome.Accepted => new AdminAuthentication(session, null),
        CredentialOutcome.Blocked => new AdminAuthentication(null, check.RetryAfter),
        _ => AdminAuthentication.None,
    };

    private bool CheckBasic(string parameter)
    {
        var o = options.Value;
        if (!o.HasUserPassword)
        {
            return false;
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(parameter));
        }
        catch (FormatException)
        {
            return false;
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && SecretEquals(decoded[..colon], o.AdminUser!) & SecretEquals(decoded[(colon + 1)..], o.AdminPassword!);
    }

    private string Sign(string payload)
    {
        var o = options.Value;
        // The key changes with the credentials, so changing them logs everybody out.
        var key = SHA256.HashData(Encoding.UTF8.GetBytes($"connector-admin\n{o.AdminUser}\n{o.AdminPassword}\n{o.AdminToken}"));
        return Base64Url(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(payload)));
    }

    /// <summary>Hashes first, so neither content nor length leaks through timing.</summary>
    private static bool SecretEquals(string presented, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>An authenticated admin request; <see cref="Id"/> binds the CSRF token; a login cookie ends at <see cref="Expires"/>.</summary>
internal sealed record AdminSession(string Id, bool FromHeader, DateTimeOffset Expires);

/// <summary>Who sent a request: <see cref="Session"/>, or nobody; <see cref="RetryAfter"/> is set when the address is blocked.</summary>
internal sealed record AdminAuthentication(AdminSession? Session, TimeSpan? RetryAfter)
{
    public static AdminAuthentication None { get; } = new(null, null);
}
