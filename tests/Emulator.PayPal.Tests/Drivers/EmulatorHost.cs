using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Emulator.PayPal.Tests.Drivers;

/// <summary>One emulator per test, in memory, with a fake clock and an authenticated PayPal-style client.</summary>
public sealed partial class EmulatorHost : IAsyncDisposable
{
    private string? _accessToken;

    private EmulatorHost(WebApplication app, FakeTimeProvider time)
    {
        App = app;
        Time = time;
        Client = app.GetTestClient();
    }

    public WebApplication App { get; }

    public FakeTimeProvider Time { get; }

    /// <summary>Base address http://localhost/; never follows redirects.</summary>
    public HttpClient Client { get; }

    public static async Task<EmulatorHost> StartAsync(Dictionary<string, string?>? settings = null, Action<WebApplicationBuilder>? configure = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 11, 0, 0, TimeSpan.Zero));
        var app = PayPalEmulatorApp.Build([], builder =>
        {
            builder.WebHost.UseTestServer();
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.Configuration.AddInMemoryCollection(settings ?? []);
            builder.Services.AddSingleton<TimeProvider>(time);
            configure?.Invoke(builder);
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new EmulatorHost(app, time);
    }

    public T Service<T>()
        where T : notnull => App.Services.GetRequiredService<T>();

    public async Task<string> AccessTokenAsync()
    {
        if (_accessToken is null)
        {
            using var response = await TokenRequestAsync(PayPalEmulatorDefaults.ClientId, PayPalEmulatorDefaults.ClientSecret, new() { ["grant_type"] = "client_credentials" });
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            _accessToken = (await JsonAsync(response))["access_token"]!.GetValue<string>();
        }

        return _accessToken;
    }

    /// <summary>After advancing the clock past the token lifetime.</summary>
    public void ForgetToken() => _accessToken = null;

    public async Task<HttpResponseMessage> TokenRequestAsync(string clientId, string secret, Dictionary<string, string> form)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/oauth2/token") { Content = new FormUrlEncodedContent(form) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{clientId}:{secret}")));
        return await Client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, JsonNode? body = null, Dictionary<string, string>? headers = null, bool authenticate = true)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        if (authenticate)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await AccessTokenAsync());
        }

        foreach (var (name, value) in headers ?? [])
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await Client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>Sends and returns status plus parsed JSON body (null when empty).</summary>
    public async Task<(HttpStatusCode Status, JsonNode? Body)> CallAsync(HttpMethod method, string path, JsonNode? body = null, Dictionary<string, string>? headers = null)
    {
        using var response = await SendAsync(method, path, body, headers);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response.StatusCode, string.IsNullOrEmpty(text) ? null : JsonNode.Parse(text));
    }

    public static async Task<JsonNode> JsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;

    public static Dictionary<string, string> Representation(string? requestId = null)
    {
        var headers = new Dictionary<string, string> { ["Prefer"] = "return=representation" };
        if (requestId is not null)
        {
            headers["PayPal-Request-Id"] = requestId;
        }

        return headers;
    }

    public async Task<JsonNode> CreateOrderAsync(JsonNode body, string? requestId = null, string? clientMetadataId = null)
    {
        var headers = Representation(requestId ?? Guid.NewGuid().ToString());
        if (clientMetadataId is not null)
        {
            headers["PayPal-Client-Metadata-Id"] = clientMetadataId;
        }

        var (status, order) = await CallAsync(HttpMethod.Post, "/v2/checkout/orders", body, headers);
        status.ShouldBe(HttpStatusCode.Created, order?.ToJsonString());
        return order!;
    }

    /// <summary>Drives the buyer page like a browser: GET it, read the form, POST decision=approve (or cancel).</summary>
    public async Task<HttpResponseMessage> DecideOnPageAsync(string approveUrl, string decision = "approve", string? email = null)
    {
        var page = await Client.GetStringAsync(new Uri(approveUrl), TestContext.Current.CancellationToken);
        var action = FormAction().Match(page);
        action.Success.ShouldBeTrue(page);
        page.ShouldContain($"id=\"{decision}\" name=\"decision\" value=\"{decision}\"");
        var form = new Dictionary<string, string> { ["decision"] = decision };
        if (email is not null)
        {
            form["email"] = email;
        }

        using var content = new FormUrlEncodedContent(form);
        return await Client.PostAsync(new Uri(new Uri(approveUrl), WebUtility.HtmlDecode(action.Groups[1].Value)), content, TestContext.Current.CancellationToken);
    }

    public static string Link(JsonNode resource, string rel) =>
        resource["links"]!.AsArray().Single(l => l!["rel"]!.GetValue<string>() == rel)!["href"]!.GetValue<string>();

    public static bool HasLink(JsonNode resource, string rel) =>
        resource["links"]!.AsArray().Any(l => l!["rel"]!.GetValue<string>() == rel);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
    }

    [GeneratedRegex("<form method=\"post\" action=\"([^\"]+)\"")]
    private static partial Regex FormAction();
}
