using System.Text;
using Connector.Service.Admin;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Connector.Service.Tests.Admin;

public sealed class AdminAuthenticatorTests
{
    private const string Token = "admin-token-0123456789abcdef";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    private AdminAuthenticator Create(AdminOptions? options = null)
    {
        var o = Options.Create(options ?? new AdminOptions { AdminToken = Token, AdminUser = "merchant", AdminPassword = "correct horse battery" });
        return new(o, _time, new AdminLoginThrottle(o, _time, NullLogger<AdminLoginThrottle>.Instance));
    }

    [Fact]
    public void Bearer_token_and_Basic_user_password_authenticate_and_anything_else_does_not()
    {
        var auth = Create();
        auth.Authenticate(Request("Bearer " + Token)).Session.ShouldNotBeNull();
        auth.Authenticate(Request("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("merchant:correct horse battery")))).Session.ShouldNotBeNull();
        auth.Authenticate(Request("Bearer " + Token + "x")).Session.ShouldBeNull();
        auth.Authenticate(Request("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("merchant:wrong")))).Session.ShouldBeNull();
        auth.Authenticate(Request("Basic not-base64!")).Session.ShouldBeNull();
        auth.Authenticate(Request(null)).Session.ShouldBeNull();
    }

    [Fact]
    public void Wrong_header_credentials_use_up_the_address_s_budget_and_then_even_the_right_one_is_refused_unchecked()
    {
        var auth = Create(new AdminOptions { AdminToken = Token, AdminLoginFailureLimit = 3 });
        for (var i = 0; i < 3; i++)
        {
            var refused = auth.Authenticate(Request("Bearer wrong-token-0123456789abcdef"));
            refused.Session.ShouldBeNull();
            refused.RetryAfter.ShouldBeNull();
        }

        var blocked = auth.Authenticate(Request("Bearer " + Token));
        blocked.Session.ShouldBeNull();
        blocked.RetryAfter.ShouldBe(TimeSpan.FromSeconds(60));
        auth.CheckLogin(System.Net.IPAddress.Parse("192.0.2.1"), null, null, Token).Outcome.ShouldBe(CredentialOutcome.Blocked);
        auth.Authenticate(Request("Bearer " + Token, remote: "192.0.2.50")).Session.ShouldNotBeNull();

        _time.Advance(TimeSpan.FromSeconds(60));
        auth.Authenticate(Request("Bearer " + Token)).Session.ShouldNotBeNull();
        auth.CheckLogin(System.Net.IPAddress.Parse("192.0.2.1"), null, null, Token).Outcome.ShouldBe(CredentialOutcome.Accepted);
    }

    [Fact]
    public void A_login_cookie_is_valid_until_it_expires_and_a_tampered_one_never()
    {
        var auth = Create(new AdminOptions { AdminToken = Token, AdminSessionMinutes = 60 });
        var (cookie, _) = auth.IssueCookie();

        auth.Authenticate(Request(null, cookie)).Session.ShouldNotBeNull();
        auth.Authenticate(Request(null, cookie[..^2] + "AA")).Session.ShouldBeNull();
        var parts = cookie.Split('.');
        auth.Authenticate(Request(null, $"{long.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture) + 3600}.{parts[1]}.{parts[2]}")).Session.ShouldBeNull();

        _time.Advance(TimeSpan.FromMinutes(61));
        auth.Authenticate(Request(null, cookie)).Session.ShouldBeNull();
    }

    [Fact]
    public void Changing_the_credentials_ends_every_login_and_the_CSRF_token_is_bound_to_the_login()
    {
        var auth = Create();
        var (cookie, _) = auth.IssueCookie();
        var session = auth.Authenticate(Request(null, cookie)).Session.ShouldNotBeNull();
        var (otherCookie, _) = auth.IssueCookie();
        var other = auth.Authenticate(Request(null, otherCookie)).Session.ShouldNotBeNull();

        auth.CheckCsrf(session, auth.CsrfToken(session)).ShouldBeTrue();
        auth.CheckCsrf(session, auth.CsrfToken(other)).ShouldBeFalse();
        auth.CheckCsrf(session, null).ShouldBeFalse();

        Create(new AdminOptions { AdminToken = Token + "-rotated" }).Authenticate(Request(null, cookie)).Session.ShouldBeNull();
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080", null, true)]
    [InlineData(null, null, true)]
    [InlineData("https://evil.example", null, false)]
    [InlineData("http://127.0.0.1:9999", null, false)]
    [InlineData("null", null, false)]
    [InlineData("null", "same-origin", true)]
    [InlineData(null, "same-site", false)]
    [InlineData(null, "cross-site", false)]
    [InlineData("http://127.0.0.1:8080", "same-origin", true)]
    public void Form_posts_from_another_origin_are_refused(string? origin, string? fetchSite, bool allowed)
    {
        var context = new DefaultHttpContext();
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("127.0.0.1:8080");
        if (origin is not null)
        {
            context.Request.Headers.Origin = origin;
        }

        if (fetchSite is not null)
        {
            context.Request.Headers["Sec-Fetch-Site"] = fetchSite;
        }

        AdminAuthenticator.IsSameOrigin(context.Request).ShouldBe(allowed);
    }

    [Theory]
    [InlineData(null, null, null, true)]
    [InlineData("short", null, null, false)]
    [InlineData(null, "merchant", null, false)]
    [InlineData(null, "merchant", "short", false)]
    [InlineData(null, "merchant", "long enough password", true)]
    public void Half_configured_or_weak_credentials_are_refused_at_start_up(string? token, string? user, string? password, bool valid) =>
        new AdminOptions { AdminToken = token, AdminUser = user, AdminPassword = password }.Validate().Any().ShouldBe(!valid);

    private static HttpRequest Request(string? authorization, string? cookie = null, string remote = "192.0.2.1")
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = System.Net.IPAddress.Parse(remote);
        if (authorization is not null)
        {
            context.Request.Headers.Authorization = authorization;
        }

        if (cookie is not null)
        {
            context.Request.Headers.Cookie = $"{AdminAuthenticator.CookieName}={cookie}";
        }

        return context.Request;
    }
}
