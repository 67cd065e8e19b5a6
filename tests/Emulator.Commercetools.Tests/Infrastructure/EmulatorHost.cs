using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Emulator.Commercetools.Extensions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Emulator.Commercetools.Tests.Infrastructure;

/// <summary>One in-process emulator per test: its own store, a fake clock and stubbed outbound HTTP.</summary>
public sealed class EmulatorHost : IAsyncDisposable
{
    public const string ProjectKey = CommercetoolsEmulatorDefaults.ProjectKey;

    private readonly WebApplication _app;

    private EmulatorHost(WebApplication app, StubHttpHandler extensions, StubHttpHandler pushes, FakeTimeProvider time)
    {
        _app = app;
        Extensions = extensions;
        Pushes = pushes;
        Time = time;
        Http = app.GetTestClient();
    }

    public HttpClient Http { get; }

    public StubHttpHandler Extensions { get; }

    public StubHttpHandler Pushes { get; }

    public FakeTimeProvider Time { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<EmulatorHost> StartAsync(Dictionary<string, string?>? settings = null, Action<WebApplicationBuilder>? configure = null, bool realExtensionCalls = false)
    {
        var extensions = new StubHttpHandler();
        var pushes = new StubHttpHandler { Responder = (_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.NoContent)) };
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 15, 10, 0, 0, TimeSpan.Zero)) { AutoAdvanceAmount = TimeSpan.FromMilliseconds(1) };
        var app = CommercetoolsEmulatorApp.Build([], builder =>
        {
            builder.WebHost.UseTestServer();
            if (settings is not null)
            {
                builder.Configuration.AddInMemoryCollection(settings);
            }

            builder.Services.AddSingleton<TimeProvider>(time);
            if (!realExtensionCalls)
            {
                builder.Services.AddHttpClient(ExtensionInvoker.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => extensions);
            }

            builder.Services.AddHttpClient("ct-subscriptions").ConfigurePrimaryHttpMessageHandler(() => pushes);
            configure?.Invoke(builder);
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new EmulatorHost(app, extensions, pushes, time);
    }

    public async Task<string> TokenAsync(string? scope = null, string clientId = CommercetoolsEmulatorDefaults.AdminClientId, string secret = CommercetoolsEmulatorDefaults.AdminClientSecret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/oauth/token");
        request.Headers.Authorization = Basic(clientId, secret);
        var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials" };
        if (scope is not null)
        {
            form["scope"] = scope;
        }

        request.Content = new FormUrlEncodedContent(form);
        using var response = await Http.SendAsync(request, TestContext.Current.CancellationToken);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToJsonString());
        return (string)body["access_token"]!;
    }

    public async Task<Api> AdminAsync(string? scope = null) => new(Http, await TokenAsync(scope));

    public Api WithToken(string token) => new(Http, token);

    public static AuthenticationHeaderValue Basic(string id, string secret) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{id}:{secret}")));

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.DisposeAsync();
    }
}
