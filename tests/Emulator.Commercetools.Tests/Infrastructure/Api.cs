using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Emulator.Commercetools.Tests.Infrastructure;

/// <summary>A bearer-authenticated caller of the emulated project API; paths are relative to <c>/{projectKey}</c>.</summary>
public sealed class Api(HttpClient http, string token)
{
    public string Token => token;

    public Task<ApiResponse> GetAsync(string path) => SendAsync(HttpMethod.Get, path, null);

    public Task<ApiResponse> PostAsync(string path, string json) => SendAsync(HttpMethod.Post, path, json);

    public Task<ApiResponse> PostAsync(string path, JsonNode json) => SendAsync(HttpMethod.Post, path, json.ToJsonString());

    public Task<ApiResponse> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path, null);

    public Task<ApiResponse> HeadAsync(string path) => SendAsync(HttpMethod.Head, path, null);

    public async Task<JsonObject> CreateAsync(string path, string json)
    {
        var response = await PostAsync(path, json);
        response.Status.ShouldBe(HttpStatusCode.Created, response.Text);
        return response.Object;
    }

    public async Task<JsonObject> UpdateAsync(string path, long version, params string[] actions)
    {
        var response = await PostAsync(path, $"{{\"version\":{version},\"actions\":[{string.Join(',', actions)}]}}");
        response.Status.ShouldBe(HttpStatusCode.OK, response.Text);
        return response.Object;
    }

    public Task<ApiResponse> TryUpdateAsync(string path, long version, params string[] actions) =>
        PostAsync(path, $"{{\"version\":{version},\"actions\":[{string.Join(',', actions)}]}}");

    public async Task<ApiResponse> SendAsync(HttpMethod method, string path, string? json)
    {
        using var request = new HttpRequestMessage(method, path.StartsWith("/oauth", StringComparison.Ordinal) ? path : $"/{EmulatorHost.ProjectKey}{path}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return new ApiResponse(response.StatusCode, text);
    }
}

public sealed record ApiResponse(HttpStatusCode Status, string Text)
{
    public JsonObject Object => (JsonNode.Parse(Text) as JsonObject) ?? throw new InvalidOperationException("Not a JSON object: " + Text);

    public string? ErrorCode => (string?)Object["errors"]?[0]?["code"];

    public void ShouldBeError(HttpStatusCode status, string code)
    {
        Status.ShouldBe(status, Text);
        ErrorCode.ShouldBe(code, Text);
        ((int)Object["statusCode"]!).ShouldBe((int)status);
        ((string?)Object["message"]).ShouldNotBeNullOrEmpty();
    }
}
