using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Connector.Commercetools;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Connector.Service.Admin;

/// <summary>
/// The merchant settings page (<c>/admin/settings</c>, HTML form) and its JSON API (<c>/admin/api/settings</c>,
/// ProblemDetails errors). Behind the admin credential; absent (404) when none is configured.
/// </summary>
internal static partial class AdminEndpoints
{
    private const string SettingsPath = "/admin/settings";
    private const string LoginPath = "/admin/login";

    public static IEndpointRouteBuilder MapAdmin(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/admin").ExcludeFromDescription();
        group.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (!http.RequestServices.GetRequiredService<IOptions<AdminOptions>>().Value.IsEnabled)
            {
                return TypedResults.NotFound();
            }

            // Nothing of the admin area may be cached or framed; the page needs no script at all.
            var headers = http.Response.Headers;
            headers.CacheControl = "no-store";
            headers.XFrameOptions = "DENY";
            headers.XContentTypeOptions = "nosniff";
            // same-origin, not no-referrer: with no-referrer Chromium sends "Origin: null" on the page's own form posts.
            headers["Referrer-Policy"] = "same-origin";
            headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
            return await next(context);
        });

        group.MapGet("/", () => TypedResults.Redirect(SettingsPath));
        group.MapGet("/login", ShowLoginAsync);
        group.MapPost("/login", LoginAsync).DisableAntiforgery();
        group.MapPost("/logout", LogoutAsync).DisableAntiforgery();
        group.MapGet("/settings", ShowSettingsAsync);
        group.MapPost("/settings", SaveSettingsAsync).DisableAntiforgery();
        group.MapGet("/api/settings", GetSettingsApiAsync);
        group.MapPut("/api/settings", PutSettingsApiAsync);
        return app;
    }

    private static async Task<IResult> ShowLoginAsync(HttpContext http, AdminAuthenticator auth, AdminSessionRevocations sessions, CancellationToken cancellationToken)
    {
        var (session, denied) = await AuthenticateAsync(http, auth, sessions, api: false, cancellationToken);
        return denied ?? (session is not null
            ? TypedResults.Redirect(SettingsPath)
            : Page(SettingsPage.RenderLogin(auth.Options.HasUserPassword, auth.Options.HasToken, null), StatusCodes.Status200OK));
    }

    private static async Task<IResult> LoginAsync(HttpContext http, AdminAuthenticator auth, ILogger<AdminAuthenticator> logger, CancellationToken cancellationToken)
    {
        var request = http.Request;
        if (!AdminAuthenticator.IsSameOrigin(request))
        {
            return Page("<!doctype html><title>Forbidden</title><p>Cross-site request refused.</p>", StatusCodes.Status403Forbidden);
        }

        var form = request.HasFormContentType ? await request.ReadFormAsync(cancellationToken) : FormCollection.Empty;
        var check = auth.CheckLogin(http.Connection.RemoteIpAddress, form["user"], form["password"], form["token"]);
        if (check.Outcome == CredentialOutcome.Blocked)
        {
            return TooManyAttempts(http, check.RetryAfter, api: false);
        }

        if (check.Outcome != CredentialOutcome.Accepted)
        {
            Log.LoginFailed(logger, http.Connection.RemoteIpAddress?.ToString());
            return Page(SettingsPage.RenderLogin(auth.Options.HasUserPassword, auth.Options.HasToken, "Wrong credentials."), StatusCodes.Status401Unauthorized);
        }

        var (value, expires) = auth.IssueCookie();
        http.Response.Cookies.Append(AdminAuthenticator.CookieName, value, new CookieOptions
        {
            HttpOnly = true,
            SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Strict,
            Secure = request.IsHttps,
            Path = "/admin",
            Expires = expires,
            IsEssential = true,
        });
        return TypedResults.Redirect(SettingsPath);
    }

    /// <summary>A state change like any other: POST with the page's CSRF token from our origin. Ends the login cookie on every instance.</summary>
    private static async Task<IResult> LogoutAsync(HttpContext http, AdminAuthenticator auth, AdminSessionRevocations sessions, CancellationToken cancellationToken)
    {
        var (session, denied) = await AuthenticateAsync(http, auth, sessions, api: false, cancellationToken);
        if (denied is not null)
        {
            return denied;
        }

        var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(cancellationToken) : FormCollection.Empty;
        if (session is null || !AdminAuthenticator.IsSameOrigin(http.Request) || !auth.CheckCsrf(session, form["_csrf"]))
        {
            return Page("<!doctype html><title>Forbidden</title><p>Not logged in, or the form is stale.</p>", StatusCodes.Status403Forbidden);
        }

        http.Response.Cookies.Delete(AdminAuthenticator.CookieName, new CookieOptions { Path = "/admin" });
        if (!session.FromHeader)
        {
            try
            {
                await sessions.RevokeAsync(session, cancellationToken);
            }
            catch (CommercetoolsApiException e)
            {
                return Page("<!doctype html><title>Logged out here only</title><p>You are logged out on this instance, but commercetools could not "
                    + $"record the logout ({Status(e)}), so other instances accept the old login until it expires. Log in and out again.</p>",
                    StatusCodes.Status502BadGateway);
            }
        }

        return TypedResults.Redirect(LoginPath);
    }

    private static async Task<IResult> ShowSettingsAsync(HttpContext http, AdminAuthenticator auth, AdminSessionRevocations sessions, SettingsStore store,
        CancellationToken cancellationToken)
    {
        var request = http.Request;
        var check = await RequireSessionAsync(http, auth, sessions, api: false, cancellationToken);
        if (check.IsRefused)
        {
            return check.Refused;
        }

        var session = check.Session;

        StoredSettings current;
        try
        {
            current = await store.ReadAsync(cancellationToken);
        }
        catch (CommercetoolsApiException e)
        {
            return UpstreamPage(e);
        }

        var notice = request.Query.ContainsKey("saved") ? "Saved." : null;
        return Page(SettingsPage.Render(current, SettingsStore.Masked(current.Merged), auth.CsrfToken(session), notice, [], conflict: false), StatusCodes.Status200OK);
    }

    private static async Task<IResult> SaveSettingsAsync(HttpContext http, AdminAuthenticator auth, AdminSessionRevocations sessions, SettingsStore store,
        CancellationToken cancellationToken)
    {
        var request = http.Request;
        var check = await RequireSessionAsync(http, auth, sessions, api: false, cancellationToken);
        if (check.IsRefused)
        {
            return check.Refused;
        }

        var session = check.Session;

        var form = request.HasFormContentType ? await request.ReadFormAsync(cancellationToken) : FormCollection.Empty;
        if (!AdminAuthenticator.IsSameOrigin(request) || !auth.CheckCsrf(session, form["_csrf"]))
        {
            return Page("<!doctype html><title>Forbidden</title><p>Cross-site request or stale form refused; reload the settings page.</p>", StatusCodes.Status403Forbidden);
        }

        StoredSettings current;
        try
        {
            current = await store.ReadAsync(cancellationToken);
        }
        catch (CommercetoolsApiException e)
        {
            return UpstreamPage(e);
        }

        var errors = new List<string>();
        if (!long.TryParse(form["_version"], NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            errors.Add("The form has no valid version; reload the page.");
        }

        var candidate = SettingsPage.Apply(current, form, errors);
        errors.AddRange(SettingsSchema.Validate(candidate, current.Stored));
        var csrf = auth.CsrfToken(session);
        // The re-shown form keeps the version it was loaded with, so saving it again cannot overwrite a change made meanwhile.
        var asPosted = current with { Version = version };
        if (errors.Count > 0)
        {
            return Page(SettingsPage.Render(asPosted, SettingsStore.Masked(candidate), csrf, null, errors, conflict: false), StatusCodes.Status400BadRequest);
        }

        try
        {
            await store.WriteAsync(candidate, version, cancellationToken);
        }
        catch (ConcurrentModificationException)
        {
            return Page(SettingsPage.Render(asPosted, SettingsStore.Masked(candidate), csrf, null, [], conflict: true), StatusCodes.Status409Conflict);
        }
        catch (CommercetoolsApiException e)
        {
            return UpstreamPage(e);
        }

        return TypedResults.Redirect(SettingsPath + "?saved=1");
    }

    private static async Task<IResult> GetSettingsApiAsync(HttpContext http, AdminAuthenticator auth, AdminSessionRevocations sessions, SettingsStore store,
        CancellationToken cancellationToken)
    {
        var check = await RequireSessionAsync(http, auth, sessions, api: true, cancellationToken);
        if (check.IsRefused)
        {
            return check.Refused;
        }

        try
        {
            var current = await store.ReadAsync(cancellationToken);
            http.Response.Headers.ETag = ETag(current.Version);
            return TypedResults.Json(SettingsStore.Masked(current.Merged), AdminJsonContext.Default.JsonObject);
        }
        catch (CommercetoolsApiException e)
        {
            return UpstreamProblem(e);
        }
    }

    /// <summary>
    /// Replaces the settings object with the body (keys left out fall back to the defaults when read). Send
    /// <c>If-Match</c> with the ETag of a GET to make sure you do not overwrite a change you have not seen.
    /// </summary>
    private static async Task<IResult> PutSettingsApiAsync(HttpContext http, AdminAuthenticator auth, AdminSessionRevocations sessions, SettingsStore store,
        CancellationToken cancellationToken)
    {
        var request = http.Request;
        var check = await RequireSessionAsync(http, auth, sessions, api: true, cancellationToken);
        if (check.IsRefused)
        {
            return check.Refused;
        }

        if (!request.HasJsonContentType())
        {
            return TypedResults.Problem("Send the settings object as application/json.", statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type");
        }

        JsonObject? candidate;
        try
        {
            candidate = await JsonSerializer.DeserializeAsync(request.Body, AdminJsonContext.Default.JsonNode, cancellationToken) as JsonObject;
        }
        catch (JsonException e)
        {
            return TypedResults.Problem($"The body is not valid JSON: {e.Message}", statusCode: StatusCodes.Status400BadRequest, title: "Invalid JSON");
        }

        if (candidate is null)
        {
            return TypedResults.Problem("The body must be a JSON object (the settings).", statusCode: StatusCodes.Status400BadRequest, title: "Invalid settings");
        }

        long? expected = null;
        var ifMatch = request.Headers.IfMatch.ToString();
        if (ifMatch.Length > 0)
        {
            if (!EntityTagHeaderValue.TryParse(ifMatch, out var tag) || tag.IsWeak
                || !long.TryParse(tag.Tag.AsSpan().Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var v))
            {
                return TypedResults.Problem("If-Match must be the ETag of a GET, e.g. \"3\".", statusCode: StatusCodes.Status400BadRequest, title: "Invalid If-Match");
            }

            expected = v;
        }

        try
        {
            var current = await store.ReadAsync(cancellationToken);
            SettingsStore.Unmask(candidate, current.Stored);
            var errors = SettingsSchema.Validate(candidate, current.Stored);
            if (errors.Count > 0)
            {
                var byKey = errors.GroupBy(e => e[..e.IndexOf(':', StringComparison.Ordinal)], StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
                return TypedResults.ValidationProblem(byKey, title: "The settings are not valid; nothing was saved.");
            }

            var saved = await store.WriteAsync(candidate, expected ?? current.Version, cancellationToken);
            http.Response.Headers.ETag = ETag(saved.Version);
            return TypedResults.Json(SettingsStore.Masked(saved.Merged), AdminJsonContext.Default.JsonObject);
        }
        catch (ConcurrentModificationException)
        {
            return TypedResults.Problem("The settings were changed meanwhile; GET them again, apply your change and retry.",
                statusCode: StatusCodes.Status409Conflict, title: "Changed meanwhile");
        }
        catch (CommercetoolsApiException e)
        {
            return UpstreamProblem(e);
        }
    }

    /// <summary>
    /// The request's session, with a logged-out cookie counting as none; or the answer to give instead: 429 when the client
    /// address presented too many wrong credentials, 502 when commercetools cannot say whether the cookie was logged out.
    /// </summary>
    /// <summary>
    /// The logged-in session of a settings page or API call, or its answer for a caller who is not logged in: what
    /// <see cref="AuthenticateAsync"/> denied, else a redirect to the login page (pages) or a 401 (API).
    /// </summary>
    private static async Task<SessionCheck> RequireSessionAsync(HttpContext http, AdminAuthenticator auth, AdminSessionRevocations sessions, bool api,
        CancellationToken cancellationToken)
    {
        var (session, denied) = await AuthenticateAsync(http, auth, sessions, api, cancellationToken);
        return denied is not null ? new(null, denied)
            : session is null ? new(null, api ? Unauthorized(http, auth) : TypedResults.Redirect(LoginPath))
            : new(session, null);
    }

    private sealed record SessionCheck(AdminSession? Session, IResult? Refused)
    {
        [MemberNotNullWhen(false, nameof(Session))]
        [MemberNotNullWhen(true, nameof(Refused))]
        public bool IsRefused => Refused is not null;
    }

    private static async Task<(AdminSession? Session, IResult? Denied)> AuthenticateAsync(HttpContext http, AdminAuthenticator auth,
        AdminSessionRevocations sessions, bool api, CancellationToken cancellationToken)
    {
        var result = auth.Authenticate(http.Request);
        if (result.RetryAfter is { } retryAfter)
        {
            return (null, TooManyAttempts(http, retryAfter, api));
        }

        if (result.Session is not { FromHeader: false } cookieSession)
        {
            return (result.Session, null);
        }

        try
        {
            return await sessions.IsRevokedAsync(cookieSession, cancellationToken) ? (null, null) : (cookieSession, null);
        }
        catch (CommercetoolsApiException e)
        {
            return (null, api ? UpstreamProblem(e) : UpstreamPage(e));
        }
    }

    private static IResult TooManyAttempts(HttpContext http, TimeSpan retryAfter, bool api)
    {
        var seconds = ((long)retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        http.Response.Headers.RetryAfter = seconds;
        var detail = $"Too many wrong admin credentials from your address; try again in {seconds} seconds.";
        return api
            ? TypedResults.Problem(detail, statusCode: StatusCodes.Status429TooManyRequests, title: "Too many attempts")
            : Page($"<!doctype html><title>Too many attempts</title><p>{detail}</p>", StatusCodes.Status429TooManyRequests);
    }

    private static IResult Unauthorized(HttpContext http, AdminAuthenticator auth)
    {
        var schemes = new List<string>();
        if (auth.Options.HasToken)
        {
            schemes.Add("Bearer realm=\"connector-admin\"");
        }

        if (auth.Options.HasUserPassword)
        {
            schemes.Add("Basic realm=\"connector-admin\"");
        }

        http.Response.Headers.WWWAuthenticate = schemes.ToArray();
        return TypedResults.Problem("Send the admin token (Authorization: Bearer) or user and password (Basic).",
            statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized");
    }

    private static IResult UpstreamProblem(CommercetoolsApiException e) =>
        TypedResults.Problem($"commercetools could not be read or written ({Status(e)}); try again.", statusCode: StatusCodes.Status502BadGateway, title: "commercetools unavailable");

    private static IResult UpstreamPage(CommercetoolsApiException e) =>
        Page($"<!doctype html><title>commercetools unavailable</title><p>commercetools could not be read or written ({Status(e)}); try again.</p>", StatusCodes.Status502BadGateway);

    private static string Status(CommercetoolsApiException e) => e.StatusCode == 0 ? "no answer" : $"HTTP {(int)e.StatusCode}";

    private static string ETag(long version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    private static ContentHttpResult Page(string html, int status) => TypedResults.Content(html, "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);

    private static partial class Log
    {
        [LoggerMessage(EventId = 7002, Level = LogLevel.Warning, Message = "Failed admin login from {RemoteAddress}")]
        public static partial void LoginFailed(ILogger logger, string? remoteAddress);
    }
}
