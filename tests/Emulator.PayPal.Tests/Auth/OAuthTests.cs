using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Emulator.PayPal.Tests.Drivers;

namespace Emulator.PayPal.Tests.Auth;

public sealed class OAuthTests
{
    [Fact]
    public async Task Client_credentials_with_the_default_pair_issue_a_bearer_token()
    {
        await using var host = await EmulatorHost.StartAsync();

        using var response = await host.TokenRequestAsync(PayPalEmulatorDefaults.ClientId, PayPalEmulatorDefaults.ClientSecret, new() { ["grant_type"] = "client_credentials" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await EmulatorHost.JsonAsync(response);
        body["token_type"]!.GetValue<string>().ShouldBe("Bearer");
        body["expires_in"]!.GetValue<int>().ShouldBe(32400);
        body["access_token"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
        body["app_id"]!.GetValue<string>().ShouldStartWith("APP-");
        body["nonce"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
        body["scope"]!.GetValue<string>().ShouldContain("https://uri.paypal.com/services/vault/payment-tokens/readwrite");
        body["id_token"].ShouldBeNull();
    }

    [Fact]
    public async Task Wrong_secret_answers_invalid_client()
    {
        await using var host = await EmulatorHost.StartAsync();

        using var response = await host.TokenRequestAsync(PayPalEmulatorDefaults.ClientId, "nope", new() { ["grant_type"] = "client_credentials" });

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))
            .ShouldBe("""{"error":"invalid_client","error_description":"Client Authentication failed"}""");
    }

    [Fact]
    public async Task Configured_clients_replace_the_default_pair()
    {
        await using var host = await EmulatorHost.StartAsync(new()
        {
            ["Emulator:Clients:0:ClientId"] = "merchant-a",
            ["Emulator:Clients:0:ClientSecret"] = "secret-a",
        });

        using var ok = await host.TokenRequestAsync("merchant-a", "secret-a", new() { ["grant_type"] = "client_credentials" });
        using var old = await host.TokenRequestAsync(PayPalEmulatorDefaults.ClientId, PayPalEmulatorDefaults.ClientSecret, new() { ["grant_type"] = "client_credentials" });

        ok.StatusCode.ShouldBe(HttpStatusCode.OK);
        old.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Id_token_request_carries_the_target_customer_as_subject()
    {
        await using var host = await EmulatorHost.StartAsync();

        using var response = await host.TokenRequestAsync(PayPalEmulatorDefaults.ClientId, PayPalEmulatorDefaults.ClientSecret, new()
        {
            ["grant_type"] = "client_credentials",
            ["response_type"] = "id_token",
            ["target_customer_id"] = "customer_4029352050",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var idToken = (await EmulatorHost.JsonAsync(response))["id_token"]!.GetValue<string>();
        var parts = idToken.Split('.');
        parts.Length.ShouldBe(3);
        var payload = parts[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
        var claims = JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload)))!;
        claims["sub"]!.GetValue<string>().ShouldBe("customer_4029352050");
    }

    [Fact]
    public async Task Missing_grant_type_is_rejected()
    {
        await using var host = await EmulatorHost.StartAsync();

        using var response = await host.TokenRequestAsync(PayPalEmulatorDefaults.ClientId, PayPalEmulatorDefaults.ClientSecret, new() { ["foo"] = "bar" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await EmulatorHost.JsonAsync(response))["error"]!.GetValue<string>().ShouldBe("unsupported_grant_type");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer not-a-token")]
    [InlineData("Basic c2FuZGJveDpzZWNyZXQ=")]
    public async Task Api_calls_without_a_valid_bearer_fail_with_authentication_failure(string? authorization)
    {
        await using var host = await EmulatorHost.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v2/checkout/orders/ABC");
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await host.Client.SendAsync(request, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var body = await EmulatorHost.JsonAsync(response);
        body["name"]!.GetValue<string>().ShouldBe("AUTHENTICATION_FAILURE");
        body["debug_id"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task Tokens_expire_after_nine_hours()
    {
        await using var host = await EmulatorHost.StartAsync();
        (await host.CallAsync(HttpMethod.Post, "/v1/identity/generate-token", new JsonObject())).Status.ShouldBe(HttpStatusCode.OK);

        host.Time.Advance(TimeSpan.FromSeconds(32400));

        (await host.CallAsync(HttpMethod.Post, "/v1/identity/generate-token", new JsonObject())).Status.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Generate_token_returns_a_client_token()
    {
        await using var host = await EmulatorHost.StartAsync();

        var (status, body) = await host.CallAsync(HttpMethod.Post, "/v1/identity/generate-token", new JsonObject { ["customer_id"] = "customer_1234567" });

        status.ShouldBe(HttpStatusCode.OK);
        body!["client_token"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
        body["expires_in"]!.GetValue<int>().ShouldBe(3600);
    }
}
