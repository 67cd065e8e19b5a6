using System.Net;
using System.Text.Json.Nodes;

namespace Emulator.Commercetools.Tests.Infrastructure;

public static class OAuth
{
    public static async Task<(HttpStatusCode Status, JsonObject Body)> PostAsync(this EmulatorHost host, string path, Dictionary<string, string> form,
        string clientId = CommercetoolsEmulatorDefaults.AdminClientId, string secret = CommercetoolsEmulatorDefaults.AdminClientSecret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Authorization = EmulatorHost.Basic(clientId, secret);
        using var response = await host.Http.SendAsync(request, TestContext.Current.CancellationToken);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!.AsObject());
    }

    public static async Task<JsonObject> PasswordTokenAsync(this EmulatorHost host, string email, string password, string? scope = null)
    {
        var form = new Dictionary<string, string> { ["grant_type"] = "password", ["username"] = email, ["password"] = password };
        if (scope is not null)
        {
            form["scope"] = scope;
        }

        var (status, body) = await host.PostAsync($"/oauth/{EmulatorHost.ProjectKey}/customers/token", form);
        status.ShouldBe(HttpStatusCode.OK, body.ToJsonString());
        return body;
    }

    public static async Task<JsonObject> AnonymousTokenAsync(this EmulatorHost host, string? anonymousId = null, string? scope = null)
    {
        var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials" };
        if (anonymousId is not null)
        {
            form["anonymous_id"] = anonymousId;
        }

        if (scope is not null)
        {
            form["scope"] = scope;
        }

        var (status, body) = await host.PostAsync($"/oauth/{EmulatorHost.ProjectKey}/anonymous/token", form);
        status.ShouldBe(HttpStatusCode.OK, body.ToJsonString());
        return body;
    }
}
