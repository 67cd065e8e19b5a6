using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Sandbox.Demo;

/// <summary>Where the demo storefront finds the commercetools API (the emulator in the sandbox, or a real project).</summary>
internal sealed record DemoCommercetoolsOptions(string ApiUrl, string AuthUrl, string ProjectKey, string ClientId, string ClientSecret);

/// <summary>One commercetools answer: status and parsed body (null when empty or not JSON).</summary>
internal sealed record CtResponse(HttpStatusCode Status, JsonNode? Body)
{
    public bool IsSuccess => (int)Status is >= 200 and < 300;

    public JsonObject Object => Body as JsonObject ?? throw new DemoException($"commercetools answered {(int)Status} without a JSON object");

    /// <summary>The first error's code and message, as commercetools puts them in its error envelope.</summary>
    public string Error => Body?["errors"]?[0] is { } e
        ? $"{e["code"]?.GetValue<string>()}: {e["message"]?.GetValue<string>()}"
        : $"HTTP {(int)Status}";

    public JsonObject EnsureSuccess(string what) =>
        IsSuccess ? Object : throw new DemoException($"{what} failed: {Error}");
}

/// <summary>A step of the demo checkout that commercetools (or the connector behind it) refused; shown to the shopper.</summary>
internal sealed class DemoException(string message) : Exception(message);

/// <summary>
/// The storefront backend's own commercetools client: raw JSON over HTTP, a client-credentials token cached until shortly
/// before it expires. Deliberately not the connector's client: the demo is a merchant's BFF and knows only the public API.
/// </summary>
internal sealed class DemoCommercetools(HttpClient http, DemoCommercetoolsOptions options, TimeProvider time)
{
    private readonly SemaphoreSlim _tokenGate = new(1, 1);
    private string? _token;
    private DateTimeOffset _tokenExpires;

    public Task<CtResponse> GetAsync(string path, CancellationToken cancellationToken) => SendAsync(HttpMethod.Get, path, null, cancellationToken);

    public Task<CtResponse> PostAsync(string path, JsonNode body, CancellationToken cancellationToken) => SendAsync(HttpMethod.Post, path, body, cancellationToken);

    /// <summary>Applies update actions to a resource at the given version (commercetools' optimistic concurrency).</summary>
    public Task<CtResponse> UpdateAsync(string path, long version, CancellationToken cancellationToken, params JsonObject[] actions) =>
        PostAsync(path, new JsonObject { ["version"] = version, ["actions"] = new JsonArray(actions.Select(a => (JsonNode)a).ToArray()) }, cancellationToken);

    public async Task<CtResponse> SendAsync(HttpMethod method, string path, JsonNode? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, $"{options.ApiUrl}/{options.ProjectKey}{path}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(cancellationToken));
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        JsonNode? parsed = null;
        if (!string.IsNullOrWhiteSpace(text))
        {
            try
            {
                parsed = JsonNode.Parse(text);
            }
            catch (System.Text.Json.JsonException)
            {
                parsed = null;
            }
        }

        return new CtResponse(response.StatusCode, parsed);
    }

    private async Task<string> TokenAsync(CancellationToken cancellationToken)
    {
        await _tokenGate.WaitAsync(cancellationToken);
        try
        {
            if (_token is not null && time.GetUtcNow() < _tokenExpires)
            {
                return _token;
            }

            using var request = new HttpRequestMessage(HttpMethod.Post, $"{options.AuthUrl}/oauth/token")
            {
                Content = new FormUrlEncodedContent([new("grant_type", "client_credentials"), new("scope", $"manage_project:{options.ProjectKey}")]),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.ClientId}:{options.ClientSecret}")));
            using var response = await http.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new DemoException($"commercetools refused the demo's API client ({(int)response.StatusCode})");
            }

            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!;
            _token = body["access_token"]!.GetValue<string>();
            var lifetime = body["expires_in"]?.GetValue<long>() ?? 3600;

            // Renew a minute early so a request never leaves with a token that expires on the way.
            _tokenExpires = time.GetUtcNow().AddSeconds(Math.Max(lifetime - 60, 1));
            return _token;
        }
        finally
        {
            _tokenGate.Release();
        }
    }
}
