using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Emulator.Commercetools.Tests.Infrastructure;

namespace Emulator.Commercetools.Tests.Auth;

public sealed class ClientCredentialsTests
{
    private static async Task<(HttpStatusCode Status, JsonObject Body)> RequestTokenAsync(EmulatorHost host, AuthenticationHeaderValue? auth, Dictionary<string, string> form)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/oauth/token") { Content = new FormUrlEncodedContent(form) };
        request.Headers.Authorization = auth;
        using var response = await host.Http.SendAsync(request, TestContext.Current.CancellationToken);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!.AsObject());
    }

    [Fact]
    public async Task Client_credentials_grant_returns_a_48h_bearer_token_with_the_client_scopes()
    {
        await using var host = await EmulatorHost.StartAsync();
        var (status, body) = await RequestTokenAsync(host, EmulatorHost.Basic("sandbox-admin", "sandbox-admin-secret"),
            new() { ["grant_type"] = "client_credentials" });

        status.ShouldBe(HttpStatusCode.OK);
        ((string?)body["access_token"]).ShouldNotBeNullOrEmpty();
        ((string?)body["token_type"]).ShouldBe("Bearer");
        ((long)body["expires_in"]!).ShouldBe(172800);
        ((string?)body["scope"]).ShouldBe("manage_project:paypal-sandbox");
        body.ContainsKey("refresh_token").ShouldBeFalse();
    }

    [Fact]
    public async Task Parameters_may_come_in_the_query_string()
    {
        await using var host = await EmulatorHost.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/oauth/token?grant_type=client_credentials&scope=manage_payments:paypal-sandbox");
        request.Headers.Authorization = EmulatorHost.Basic("sandbox-admin", "sandbox-admin-secret");
        using var response = await host.Http.SendAsync(request, TestContext.Current.CancellationToken);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        ((string?)body["scope"]).ShouldBe("manage_payments:paypal-sandbox");
    }

    [Theory]
    [InlineData("sandbox-admin", "wrong")]
    [InlineData("unknown", "sandbox-admin-secret")]
    public async Task Bad_client_credentials_give_401_invalid_client(string id, string secret)
    {
        await using var host = await EmulatorHost.StartAsync();
        var (status, body) = await RequestTokenAsync(host, EmulatorHost.Basic(id, secret), new() { ["grant_type"] = "client_credentials" });

        status.ShouldBe(HttpStatusCode.Unauthorized);
        ((string?)body["error"]).ShouldBe("invalid_client");
        ((string?)body["errors"]![0]!["code"]).ShouldBe("invalid_client");
        ((string?)body["message"]).ShouldBe("Please provide valid client credentials using HTTP Basic Authentication.");
    }

    [Fact]
    public async Task Missing_basic_auth_gives_401_invalid_client()
    {
        await using var host = await EmulatorHost.StartAsync();
        var (status, body) = await RequestTokenAsync(host, null, new() { ["grant_type"] = "client_credentials" });
        status.ShouldBe(HttpStatusCode.Unauthorized);
        ((string?)body["error"]).ShouldBe("invalid_client");
    }

    [Theory]
    [InlineData("nonsense", "invalid_scope")]
    [InlineData("manage_payments:other-project", "invalid_scope")]
    public async Task Malformed_scope_gives_400_invalid_scope(string scope, string error)
    {
        await using var host = await EmulatorHost.StartAsync();
        var (status, body) = await RequestTokenAsync(host, EmulatorHost.Basic("sandbox-admin", "sandbox-admin-secret"),
            new() { ["grant_type"] = "client_credentials", ["scope"] = scope });
        status.ShouldBe(HttpStatusCode.BadRequest);
        ((string?)body["error"]).ShouldBe(error);
    }

    [Fact]
    public async Task Missing_or_unknown_grant_type_is_rejected()
    {
        await using var host = await EmulatorHost.StartAsync();
        var auth = EmulatorHost.Basic("sandbox-admin", "sandbox-admin-secret");
        (await RequestTokenAsync(host, auth, [])).Body["error"]!.GetValue<string>().ShouldBe("invalid_request");
        (await RequestTokenAsync(host, auth, new() { ["grant_type"] = "magic" })).Body["error"]!.GetValue<string>().ShouldBe("unsupported_grant_type");
    }

    [Fact]
    public async Task Api_calls_without_a_token_give_401()
    {
        await using var host = await EmulatorHost.StartAsync();
        using var response = await host.Http.GetAsync("/paypal-sandbox/payments", TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        ((string?)body["errors"]![0]!["code"]).ShouldBe("invalid_token");
        ((string?)body["message"])!.ShouldStartWith("This endpoint requires an access token");
    }

    [Fact]
    public async Task Api_calls_with_an_unknown_token_give_401_invalid_token()
    {
        await using var host = await EmulatorHost.StartAsync();
        var response = await host.WithToken("not-a-token").GetAsync("/payments");
        response.ShouldBeError(HttpStatusCode.Unauthorized, "invalid_token");
        ((string?)response.Object["error"]).ShouldBe("invalid_token");
        ((string?)response.Object["message"]).ShouldBe("invalid_token");
    }

    [Fact]
    public async Task Expired_tokens_are_rejected()
    {
        await using var host = await EmulatorHost.StartAsync();
        var api = await host.AdminAsync();
        (await api.GetAsync("/payments")).Status.ShouldBe(HttpStatusCode.OK);

        host.Time.Advance(TimeSpan.FromHours(48));

        (await api.GetAsync("/payments")).ShouldBeError(HttpStatusCode.Unauthorized, "invalid_token");
    }

    [Fact]
    public async Task Configured_clients_replace_the_default_admin_client()
    {
        await using var host = await EmulatorHost.StartAsync(new()
        {
            ["Emulator:ProjectKey"] = "paypal-sandbox",
            ["Emulator:Clients:0:ClientId"] = "connector",
            ["Emulator:Clients:0:ClientSecret"] = "s3cret",
            ["Emulator:Clients:0:Scopes"] = "manage_payments:{projectKey} manage_types:paypal-sandbox",
        });

        var token = await host.TokenAsync(clientId: "connector", secret: "s3cret");
        (await host.WithToken(token).GetAsync("/payments")).Status.ShouldBe(HttpStatusCode.OK);
        var (status, _) = await RequestTokenAsync(host, EmulatorHost.Basic("sandbox-admin", "sandbox-admin-secret"), new() { ["grant_type"] = "client_credentials" });
        status.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Scopes_are_enforced_with_403_insufficient_scope()
    {
        await using var host = await EmulatorHost.StartAsync();
        var viewer = await host.AdminAsync("view_payments:paypal-sandbox");

        (await viewer.GetAsync("/payments")).Status.ShouldBe(HttpStatusCode.OK);
        var denied = await viewer.PostAsync("/payments", Drafts.Payment());
        denied.ShouldBeError(HttpStatusCode.Forbidden, "insufficient_scope");
        ((string?)denied.Object["message"])!.ShouldContain("manage_payments:paypal-sandbox");
        (await viewer.GetAsync("/types")).ShouldBeError(HttpStatusCode.Forbidden, "insufficient_scope");

        var manager = await host.AdminAsync("manage_payments:paypal-sandbox");
        (await manager.GetAsync("/payments")).Status.ShouldBe(HttpStatusCode.OK);
        (await manager.PostAsync("/payments", Drafts.Payment())).Status.ShouldBe(HttpStatusCode.Created);
    }
}
