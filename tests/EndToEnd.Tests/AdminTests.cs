using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Connector.Service;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EndToEnd.Tests;

/// <summary>A sandbox of the admin tests' own: they change the settings, which the other tests must not see.</summary>
public sealed class AdminSandbox : IAsyncLifetime
{
    private PrivateSandbox? _sandbox;

    public SandboxFixture Fixture => _sandbox?.Fixture ?? throw new InvalidOperationException("not started");

    public async ValueTask InitializeAsync() => _sandbox = await PrivateSandbox.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_sandbox is not null)
        {
            await _sandbox.DisposeAsync();
        }
    }
}

/// <summary>The merchant settings page and its JSON API, through the real sandbox (commercetools emulator behind it).</summary>
public sealed partial class AdminTests(AdminSandbox admin) : IClassFixture<AdminSandbox>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private SandboxFixture Sandbox => admin.Fixture;

    private string Connector => Sandbox.Info.Connector.Url;

    private string Token => Sandbox.Host.AdminToken;

    [Fact]
    public async Task Without_the_admin_token_the_page_sends_to_the_login_and_the_API_answers_401_problem_details()
    {
        using (var page = await Sandbox.Http.GetAsync(new Uri($"{Connector}/admin/settings"), Ct))
        {
            page.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            page.Headers.Location!.ToString().ShouldBe("/admin/login");
        }

        foreach (var token in new[] { null, "not-the-admin-token-0123456789" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"{Connector}/admin/api/settings");
            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            using var response = await Sandbox.Http.SendAsync(request, Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            response.Headers.WwwAuthenticate.ShouldContain(h => h.Scheme == "Bearer");
        }
    }

    [Fact]
    public async Task The_API_shows_the_settings_merged_over_the_defaults_with_the_custom_object_version_as_ETag()
    {
        var stored = await GetCustomObjectAsync();

        var (status, etag, body) = await ApiAsync(HttpMethod.Get, null, null);

        status.ShouldBe(HttpStatusCode.OK);
        etag.ShouldBe($"\"{stored["version"]}\"");
        body!["payPalIntent"]!.GetValue<string>().ShouldBe(stored["value"]!["payPalIntent"]!.GetValue<string>());
        body["threeDSAction"]!["threeDSAction_14"].ShouldNotBeNull();
        body["paypalButtonConfig"]!["buttonLabel"].ShouldNotBeNull();
    }

    [Fact]
    public async Task A_PUT_with_wrong_values_answers_a_validation_problem_naming_each_key_and_saves_nothing()
    {
        var before = await GetCustomObjectAsync();
        var (_, _, settings) = await ApiAsync(HttpMethod.Get, null, null);
        settings!["payPalIntent"] = "Sale";
        settings["acceptVenmo"] = "yes";
        settings["storefrontTheme"] = "dark";

        var (status, _, problem) = await ApiAsync(HttpMethod.Put, settings, null);

        status.ShouldBe(HttpStatusCode.BadRequest);
        var errors = problem!["errors"]!.AsObject();
        errors.Select(e => e.Key).ShouldBe(["payPalIntent", "acceptVenmo", "storefrontTheme"], ignoreOrder: true);
        errors["payPalIntent"]![0]!.GetValue<string>().ShouldBe("payPalIntent: must be one of \"Capture\", \"Authorize\".");
        (await GetCustomObjectAsync())["version"]!.GetValue<long>().ShouldBe(before["version"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_PUT_is_stored_in_the_custom_object_and_the_next_order_uses_it_at_once()
    {
        var (_, etag, settings) = await ApiAsync(HttpMethod.Get, null, null);
        settings!["payPalIntent"] = "Authorize";
        try
        {
            var (status, newEtag, saved) = await ApiAsync(HttpMethod.Put, settings, etag);
            status.ShouldBe(HttpStatusCode.OK, saved?.ToJsonString());
            newEtag.ShouldNotBe(etag);
            var stored = await GetCustomObjectAsync();
            stored["value"]!["payPalIntent"]!.GetValue<string>().ShouldBe("Authorize");
            newEtag.ShouldBe($"\"{stored["version"]}\"");

            // The connector dropped its settings cache: the very next order is an authorization.
            var ct = await CommercetoolsDriver.CreateAsync(Sandbox, Ct);
            var payment = await ct.CreatePayPalPaymentAsync("EUR", 15_00, Ct);
            payment = await ct.SetCustomFieldOkAsync(payment, "createPayPalOrderRequest", "{}", Ct);
            payment.FieldJson("createPayPalOrderResponse")["intent"]!.GetValue<string>().ShouldBe("AUTHORIZE");
        }
        finally
        {
            var (_, currentEtag, current) = await ApiAsync(HttpMethod.Get, null, null);
            current!["payPalIntent"] = "Capture";
            (await ApiAsync(HttpMethod.Put, current, currentEtag)).Status.ShouldBe(HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task A_change_made_meanwhile_answers_409_in_the_API_and_changed_meanwhile_on_the_page()
    {
        var (page, _) = await GetPageAsync();
        var (_, staleEtag, settings) = await ApiAsync(HttpMethod.Get, null, null);
        settings!["merchantId"] = "MERCHANT-FIRST";
        (await ApiAsync(HttpMethod.Put, settings, staleEtag)).Status.ShouldBe(HttpStatusCode.OK);

        settings["merchantId"] = "MERCHANT-SECOND";
        var (status, _, problem) = await ApiAsync(HttpMethod.Put, settings, staleEtag);
        status.ShouldBe(HttpStatusCode.Conflict);
        problem!["title"]!.GetValue<string>().ShouldBe("Changed meanwhile");

        var form = FormOf(page);
        form["f.merchantId"] = "MERCHANT-FROM-STALE-PAGE";
        var (formStatus, html) = await PostFormAsync(form, origin: Connector);
        formStatus.ShouldBe(HttpStatusCode.Conflict);
        html.ShouldContain("changed meanwhile");
        // Saving the re-shown form again is refused too: it still carries the version it was loaded with.
        (await PostFormAsync(FormOf(html), origin: Connector)).Status.ShouldBe(HttpStatusCode.Conflict);
        (await GetCustomObjectAsync())["value"]!["merchantId"]!.GetValue<string>().ShouldBe("MERCHANT-FIRST");
    }

    [Fact]
    public async Task A_form_post_without_the_page_s_CSRF_token_or_from_another_origin_is_refused()
    {
        var (page, _) = await GetPageAsync();
        var before = (await GetCustomObjectAsync())["version"]!.GetValue<long>();

        var forged = FormOf(page);
        forged["f.merchantId"] = "FORGED";
        forged.Remove("_csrf");
        (await PostFormAsync(forged, origin: Connector)).Status.ShouldBe(HttpStatusCode.Forbidden);

        var crossSite = FormOf(page);
        crossSite["f.merchantId"] = "FORGED";
        (await PostFormAsync(crossSite, origin: "https://evil.example")).Status.ShouldBe(HttpStatusCode.Forbidden);

        (await GetCustomObjectAsync())["version"]!.GetValue<long>().ShouldBe(before);
    }

    [Fact]
    public async Task A_form_post_with_an_invalid_value_shows_the_error_and_saves_nothing()
    {
        var (page, _) = await GetPageAsync();
        var before = (await GetCustomObjectAsync())["version"]!.GetValue<long>();
        var form = FormOf(page);
        form["f.buttonShape"] = "<script>alert(1)</script>";

        var (status, html) = await PostFormAsync(form, origin: Connector);

        status.ShouldBe(HttpStatusCode.BadRequest);
        html.ShouldContain("buttonShape: must be one of");
        html.ShouldNotContain("<script>alert(1)</script>");
        (await GetCustomObjectAsync())["version"]!.GetValue<long>().ShouldBe(before);
    }

    [Fact]
    public async Task A_secret_looking_stored_key_is_never_shown_by_the_page_or_the_API_and_survives_saving_from_both()
    {
        const string secret = "smtp-secret-never-shown-5d1c";
        var ct = await CommercetoolsDriver.CreateAsync(Sandbox, Ct);
        var current = await GetCustomObjectAsync();
        var value = current["value"]!.DeepClone().AsObject();
        value["smtpPassword"] = secret;
        var (written, writeBody) = await ct.SendAsync(HttpMethod.Post, "/custom-objects", new JsonObject
        {
            ["container"] = "paypal-commercetools-connector",
            ["key"] = "settings",
            ["version"] = current["version"]!.GetValue<long>(),
            ["value"] = value,
        }, Ct);
        written.ShouldBe(HttpStatusCode.OK, writeBody?.ToJsonString());

        var (_, etag, shown) = await ApiAsync(HttpMethod.Get, null, null);
        shown!["smtpPassword"]!.GetValue<string>().ShouldBe("********");
        var (page, _) = await GetPageAsync();
        page.ShouldNotContain(secret);
        page.ShouldContain("name=\"secret.smtpPassword\" value=\"\"");

        shown["merchantId"] = "MERCHANT-AFTER-API";
        (await ApiAsync(HttpMethod.Put, shown, etag)).Status.ShouldBe(HttpStatusCode.OK);
        (await GetCustomObjectAsync())["value"]!["smtpPassword"]!.GetValue<string>().ShouldBe(secret);

        (page, _) = await GetPageAsync();
        var form = FormOf(page);
        form["f.merchantId"] = "MERCHANT-AFTER-PAGE";
        (await PostFormAsync(form, origin: Connector)).Status.ShouldBe(HttpStatusCode.Redirect);
        var stored = (await GetCustomObjectAsync())["value"]!;
        stored["smtpPassword"]!.GetValue<string>().ShouldBe(secret);
        stored["merchantId"]!.GetValue<string>().ShouldBe("MERCHANT-AFTER-PAGE");
    }

    [Fact]
    public async Task In_Chromium_the_merchant_logs_in_edits_the_settings_saves_and_commercetools_holds_the_new_values()
    {
        var description = "Thank you from the settings page " + Guid.NewGuid().ToString("N")[..8];
        var screenshots = Path.Combine(NodeScript.RepositoryRoot, "artifacts", "screenshots");

        var (exitCode, output) = await NodeScript.RunAsync("tests/js/settings-page.mjs", [Connector, Token, description, screenshots], TimeSpan.FromSeconds(90), Ct);

        exitCode.ShouldBe(0, output);
        var result = JsonNode.Parse(output.Split('\n').Single(l => l.StartsWith("RESULT ", StringComparison.Ordinal))["RESULT ".Length..])!;
        result["after"]!["buttonShape"]!.GetValue<string>().ShouldBe("pill");
        result["after"]!["acceptVenmo"]!.GetValue<bool>().ShouldBeFalse();
        result["after"]!["description"]!.GetValue<string>().ShouldBe(description);

        var stored = (await GetCustomObjectAsync())["value"]!;
        stored["buttonShape"]!.GetValue<string>().ShouldBe("pill");
        stored["acceptVenmo"]!.GetValue<bool>().ShouldBeFalse();
        stored["paymentDescription"]!["en"]!.GetValue<string>().ShouldBe(description);
        stored["paypalButtonConfig"]!["buttonColor"]!.GetValue<string>().ShouldBe("blue");
        // Untouched values keep their type (the form posts strings; booleans stay booleans).
        stored["acceptPayPal"]!.GetValueKind().ShouldBe(System.Text.Json.JsonValueKind.True);
    }

    [Fact]
    public async Task The_wrong_credential_after_the_limit_is_answered_429_with_Retry_After_while_the_merchant_elsewhere_still_gets_in()
    {
        // The connector sees the connection's address: this client connects from 127.0.0.11, the merchant from 127.0.0.1.
        using var attacker = ClientFrom("127.0.0.11");
        for (var i = 0; i < 10; i++)
        {
            using var refused = await ApiWithAsync(attacker, new AuthenticationHeaderValue("Bearer", $"wrong-admin-token-{i}-0123456789"));
            refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        using (var blocked = await ApiWithAsync(attacker, new AuthenticationHeaderValue("Bearer", Token)))
        {
            blocked.StatusCode.ShouldBe((HttpStatusCode)429);
            blocked.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            var wait = blocked.Headers.RetryAfter!.Delta!.Value;
            wait.ShouldBeInRange(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
            var problem = JsonNode.Parse(await blocked.Content.ReadAsStringAsync(Ct))!;
            problem["status"]!.GetValue<int>().ShouldBe(429);
            problem["detail"]!.GetValue<string>().ShouldContain($"{(int)wait.TotalSeconds} seconds");
        }

        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes("merchant:some-password-guess"));
        using (var blocked = await ApiWithAsync(attacker, new AuthenticationHeaderValue("Basic", basic)))
        {
            blocked.StatusCode.ShouldBe((HttpStatusCode)429);
        }

        using (var form = await attacker.PostAsync(new Uri($"{Connector}/admin/login"), new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = Token }), Ct))
        {
            form.StatusCode.ShouldBe((HttpStatusCode)429);
            form.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
            form.Headers.RetryAfter!.Delta.ShouldNotBeNull();
            (await form.Content.ReadAsStringAsync(Ct)).ShouldContain("Too many wrong admin credentials");
            form.Headers.Contains("Set-Cookie").ShouldBeFalse();
        }

        // The merchant, connecting from elsewhere, is not affected: the token and the login form work.
        (await ApiAsync(HttpMethod.Get, null, null)).Status.ShouldBe(HttpStatusCode.OK);
        using var merchant = ClientFrom("127.0.0.12");
        (await LoginAsync(merchant, Connector)).ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task After_logout_the_old_login_cookie_no_longer_works_on_this_or_another_instance()
    {
        using var browser = ClientFrom("127.0.0.13");
        await using var other = await OtherInstance.StartAsync(Sandbox, Token);
        var cookie = await LoginAsync(browser, Connector);
        var page = await PageWithCookieAsync(browser, Connector, cookie);
        page.Status.ShouldBe(HttpStatusCode.OK);
        (await PageWithCookieAsync(browser, other.Url, cookie)).Status.ShouldBe(HttpStatusCode.OK);
        var csrf = FormOf(page.Html)["_csrf"];

        // Logging out is a state change like saving: no GET, no POST without the page's token or from another origin.
        using (var get = await SendWithCookieAsync(browser, HttpMethod.Get, $"{Connector}/admin/logout", cookie))
        {
            get.StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
        }

        (await LogoutAsync(browser, Connector, cookie, csrf: null, origin: Connector)).ShouldBe(HttpStatusCode.Forbidden);
        (await LogoutAsync(browser, Connector, cookie, csrf, origin: "https://evil.example")).ShouldBe(HttpStatusCode.Forbidden);
        (await PageWithCookieAsync(browser, Connector, cookie)).Status.ShouldBe(HttpStatusCode.OK);

        (await LogoutAsync(browser, Connector, cookie, csrf, origin: Connector)).ShouldBe(HttpStatusCode.Redirect);

        foreach (var instance in new[] { Connector, other.Url })
        {
            var after = await PageWithCookieAsync(browser, instance, cookie);
            after.Status.ShouldBe(HttpStatusCode.Redirect, instance);
            after.Location.ShouldBe("/admin/login");
            using var api = await SendWithCookieAsync(browser, HttpMethod.Get, $"{instance}/admin/api/settings", cookie);
            api.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, instance);
            (await LogoutAsync(browser, instance, cookie, csrf, origin: instance)).ShouldBe(HttpStatusCode.Forbidden);
        }

        // A new login works again, on the other instance too.
        var again = await LoginAsync(browser, Connector);
        again.ShouldNotBe(cookie);
        (await PageWithCookieAsync(browser, other.Url, again)).Status.ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>A client whose connections come from <paramref name="source"/> (any 127.0.0.0/8 address is this machine).</summary>
    private static HttpClient ClientFrom(string source) => new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(IPAddress.Parse(source), 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    }) { Timeout = TimeSpan.FromSeconds(30) };

    private async Task<HttpResponseMessage> ApiWithAsync(HttpClient client, AuthenticationHeaderValue authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Connector}/admin/api/settings");
        request.Headers.Authorization = authorization;
        return await client.SendAsync(request, Ct);
    }

    /// <summary>Logs in with the token through the form and returns the login cookie's value.</summary>
    private async Task<string> LoginAsync(HttpClient client, string instance)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{instance}/admin/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = Token }),
        };
        request.Headers.TryAddWithoutValidation("Origin", instance);
        using var response = await client.SendAsync(request, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var setCookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("connector-admin=", StringComparison.Ordinal));
        return setCookie["connector-admin=".Length..setCookie.IndexOf(';', StringComparison.Ordinal)];
    }

    private static async Task<HttpStatusCode> LogoutAsync(HttpClient client, string instance, string cookie, string? csrf, string origin)
    {
        var form = csrf is null ? [] : new Dictionary<string, string> { ["_csrf"] = csrf };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{instance}/admin/logout")
        {
            Content = new FormUrlEncodedContent(form),
        };
        request.Headers.TryAddWithoutValidation("Cookie", $"connector-admin={cookie}");
        request.Headers.TryAddWithoutValidation("Origin", origin);
        using var response = await client.SendAsync(request, Ct);
        return response.StatusCode;
    }

    private static async Task<(HttpStatusCode Status, string Html, string? Location)> PageWithCookieAsync(HttpClient client, string instance, string cookie)
    {
        using var response = await SendWithCookieAsync(client, HttpMethod.Get, $"{instance}/admin/settings", cookie);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct), response.Headers.Location?.ToString());
    }

    private static async Task<HttpResponseMessage> SendWithCookieAsync(HttpClient client, HttpMethod method, string url, string cookie)
    {
        using var request = new HttpRequestMessage(method, url);
        request.Headers.TryAddWithoutValidation("Cookie", $"connector-admin={cookie}");
        return await client.SendAsync(request, Ct);
    }

    /// <summary>A second connector on the same emulators with the same admin token, as behind a load balancer without sticky sessions.</summary>
    private sealed class OtherInstance(WebApplication app, string url) : IAsyncDisposable
    {
        public string Url { get; } = url;

        public static async Task<OtherInstance> StartAsync(SandboxFixture sandbox, string adminToken)
        {
            var app = ConnectorApp.Build([], b =>
            {
                b.Configuration.AddInMemoryCollection(sandbox.UpstreamSettings());
                b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["Connector:ExtensionAuthorization"] = "Bearer not-used-by-admin-tests",
                    ["Connector:AdminToken"] = adminToken,
                });
                b.WebHost.UseUrls("http://127.0.0.1:0");
                b.Logging.SetMinimumLevel(LogLevel.Warning);
            });
            await app.StartAsync(Ct);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
            return new OtherInstance(app, address);
        }

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync(CancellationToken.None);
            await app.DisposeAsync();
        }
    }

    private async Task<JsonObject> GetCustomObjectAsync()
    {
        var ct = await CommercetoolsDriver.CreateAsync(Sandbox, Ct);
        var (status, body) = await ct.SendAsync(HttpMethod.Get, "/custom-objects/paypal-commercetools-connector/settings", null, Ct);
        status.ShouldBe(HttpStatusCode.OK, body?.ToJsonString());
        return body!.AsObject();
    }

    private async Task<(HttpStatusCode Status, string? ETag, JsonObject? Body)> ApiAsync(HttpMethod method, JsonObject? body, string? ifMatch)
    {
        using var request = new HttpRequestMessage(method, $"{Connector}/admin/api/settings");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        using var response = await Sandbox.Http.SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        return (response.StatusCode, response.Headers.ETag?.ToString(), string.IsNullOrEmpty(text) ? null : JsonNode.Parse(text)!.AsObject());
    }

    private async Task<(string Html, HttpStatusCode Status)> GetPageAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Connector}/admin/settings");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        using var response = await Sandbox.Http.SendAsync(request, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        return (await response.Content.ReadAsStringAsync(Ct), response.StatusCode);
    }

    private async Task<(HttpStatusCode Status, string Html)> PostFormAsync(Dictionary<string, string> form, string origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Connector}/admin/settings") { Content = new FormUrlEncodedContent(form) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        request.Headers.TryAddWithoutValidation("Origin", origin);
        using var response = await Sandbox.Http.SendAsync(request, Ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    /// <summary>What a browser would post: every input's value, checked boxes only, each select's selected option.</summary>
    private static Dictionary<string, string> FormOf(string html)
    {
        var form = new Dictionary<string, string>();
        foreach (Match m in Input().Matches(html))
        {
            var tag = m.Value;
            var name = WebUtility.HtmlDecode(Attribute(tag, "name") ?? "");
            var type = Attribute(tag, "type");
            if (name.Length == 0 || (type == "checkbox" && !tag.Contains(" checked", StringComparison.Ordinal)))
            {
                continue;
            }

            form[name] = WebUtility.HtmlDecode(Attribute(tag, "value") ?? "");
        }

        foreach (Match m in Select().Matches(html))
        {
            var selected = SelectedOption().Match(m.Groups[2].Value);
            form[WebUtility.HtmlDecode(m.Groups[1].Value)] = WebUtility.HtmlDecode(selected.Groups[1].Value);
        }

        return form;
    }

    private static string? Attribute(string tag, string name)
    {
        var m = Regex.Match(tag, $"\\s{name}=\"([^\"]*)\"");
        return m.Success ? m.Groups[1].Value : null;
    }

    [GeneratedRegex("<input[^>]*>")]
    private static partial Regex Input();

    [GeneratedRegex("<select name=\"([^\"]+)\"[^>]*>(.*?)</select>", RegexOptions.Singleline)]
    private static partial Regex Select();

    [GeneratedRegex("<option value=\"([^\"]*)\" selected>")]
    private static partial Regex SelectedOption();
}
