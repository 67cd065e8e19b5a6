using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace EndToEnd.Tests;

/// <summary>
/// Sends the requests of the merchants' Postman collection (Fixtures/paypal.postman_collection.json, a copy of the
/// TypeScript connector's collection) exactly as Postman would: its URL, method, body and auth, with <c>{{variables}}</c> filled in.
/// </summary>
public sealed partial class PostmanCollection
{
    private readonly Dictionary<string, JsonObject> _requests = new(StringComparer.Ordinal);

    private readonly JsonNode? _collectionAuth;

    private PostmanCollection(JsonObject collection)
    {
        _collectionAuth = collection["auth"];
        Walk(collection["item"]!.AsArray());
    }

    public Dictionary<string, string> Variables { get; } = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Names => _requests.Keys;

    /// <summary>A fresh copy of the collection (undoing <see cref="Patch"/>) with the same variables.</summary>
    public static PostmanCollection LoadWith(PostmanCollection previous)
    {
        var fresh = Load();
        foreach (var (key, value) in previous.Variables)
        {
            fresh.Variables[key] = value;
        }

        return fresh;
    }

    public static PostmanCollection Load() =>
        new(JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "paypal.postman_collection.json")))!.AsObject());

    /// <summary>Sends a request by name (<c>"CreateOrder"</c>) or a saved example of it (<c>"CreateOrder/Venmo"</c>).</summary>
    public async Task<(HttpStatusCode Status, JsonNode? Body)> SendAsync(HttpClient http, string name, CancellationToken cancellationToken)
    {
        var request = _requests.TryGetValue(name, out var r) ? r : throw new KeyNotFoundException($"No request '{name}' in the collection.");
        var url = Fill(request["url"] is JsonObject u ? u["raw"]!.GetValue<string>() : request["url"]!.GetValue<string>());
        using var message = new HttpRequestMessage(new HttpMethod(request["method"]!.GetValue<string>()), url);
        var raw = request["body"]?["raw"]?.GetValue<string>();
        if (!string.IsNullOrEmpty(raw))
        {
            message.Content = new StringContent(Fill(raw), Encoding.UTF8, "application/json");
        }

        var auth = request["auth"] ?? _collectionAuth;
        switch (auth?["type"]?.GetValue<string>())
        {
            case "basic":
                var user = Fill(Value(auth["basic"]!, "username"));
                var password = Fill(Value(auth["basic"]!, "password"));
                message.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
                break;
            case "oauth2":
                message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Fill(Value(auth["oauth2"]!, "accessToken")));
                break;
        }

        using var response = await http.SendAsync(message, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return (response.StatusCode, string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text));
    }

    /// <summary>The request value the collection sets on its <c>setCustomField</c> action.</summary>
    public string CustomFieldValue(string name)
    {
        var raw = _requests[name]["body"]!["raw"]!.GetValue<string>();
        var body = JsonNode.Parse(Variable().Replace(raw, "1"))!;
        return body["actions"]![0]!["value"]!.GetValue<string>();
    }

    /// <summary>Replaces a literal in a request's body (the collection hard-codes some PayPal ids).</summary>
    public void Patch(string name, string literal, string replacement)
    {
        var body = _requests[name]["body"]!.AsObject();
        var raw = body["raw"]!.GetValue<string>();
        raw.ShouldContain(literal);
        body["raw"] = raw.Replace(literal, replacement, StringComparison.Ordinal);
    }

    private void Walk(JsonArray items)
    {
        foreach (var item in items.Select(i => i!.AsObject()))
        {
            if (item["item"] is JsonArray children)
            {
                Walk(children);
                continue;
            }

            var name = item["name"]!.GetValue<string>();
            var request = item["request"]!.AsObject();
            _requests[name] = request;
            foreach (var example in item["response"]?.AsArray().Select(e => e!.AsObject()) ?? [])
            {
                if (example["originalRequest"] is JsonObject original)
                {
                    var copy = (JsonObject)original.DeepClone();
                    copy["auth"] ??= request["auth"]?.DeepClone();
                    _requests[$"{name}/{example["name"]!.GetValue<string>()}"] = copy;
                }
            }
        }
    }

    private static string Value(JsonNode list, string key) =>
        list.AsArray().Single(e => e!["key"]!.GetValue<string>() == key)!["value"]!.GetValue<string>();

    private string Fill(string text) => Variable().Replace(text, m =>
        Variables.TryGetValue(m.Groups[1].Value, out var v) ? v : throw new KeyNotFoundException($"Postman variable {{{{{m.Groups[1].Value}}}}} is not set."));

    [GeneratedRegex(@"\{\{([^}]+)\}\}")]
    private static partial Regex Variable();
}
