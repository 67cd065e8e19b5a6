using System.Text.Json;
using System.Text.Json.Nodes;

namespace Emulator.PayPal.Infrastructure;

/// <summary>What an API handler needs from the HTTP request, read once.</summary>
internal sealed record ApiRequest(
    string BaseUrl,
    string ClientId,
    string? RequestId,
    bool PreferRepresentation,
    JsonObject? Body,
    HttpContext Http)
{
    public const string ClientIdItem = "Emulator.PayPal.ClientId";

    public string Header(string name) => Http.Request.Headers[name].ToString();

    public static async Task<ApiRequest> ReadAsync(HttpContext http)
    {
        var clientId = http.Items[ClientIdItem] as string ?? string.Empty;
        var requestId = http.Request.Headers["PayPal-Request-Id"].ToString();
        var prefer = http.Request.Headers["Prefer"].ToString();
        var body = await ReadBodyAsync(http);
        return new ApiRequest(
            BaseUrlOf(http.Request),
            clientId,
            string.IsNullOrEmpty(requestId) ? null : requestId,
            prefer.Contains("return=representation", StringComparison.OrdinalIgnoreCase),
            body,
            http);
    }

    public static string BaseUrlOf(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";

    private static async Task<JsonObject?> ReadBodyAsync(HttpContext http)
    {
        if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsDelete(http.Request.Method))
        {
            return null;
        }

        using var reader = new StreamReader(http.Request.Body);
        var text = await reader.ReadToEndAsync(http.RequestAborted);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var contentType = http.Request.ContentType ?? string.Empty;
        if (contentType.Length > 0 && !contentType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            throw new PayPalApiException(415, "UNSUPPORTED_MEDIA_TYPE", null, contentType, "header", "The request payload is not supported.");
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            throw new PayPalApiException(400, "MALFORMED_REQUEST_JSON");
        }

        return node switch
        {
            JsonObject obj => obj,
            // JSON Patch bodies are arrays; handlers that accept them read Http.Items.
            JsonArray arr => StashArray(http, arr),
            _ => throw new PayPalApiException(400, "MALFORMED_REQUEST_JSON"),
        };
    }

    public const string ArrayBodyItem = "Emulator.PayPal.ArrayBody";

    public JsonArray? ArrayBody => Http.Items[ArrayBodyItem] as JsonArray;

    private static JsonObject? StashArray(HttpContext http, JsonArray arr)
    {
        http.Items[ArrayBodyItem] = arr;
        return null;
    }
}

/// <summary>Typed access to request JSON that reports PayPal-style errors with JSON pointer fields.</summary>
internal static class JsonRead
{
    public static string? OptString(JsonNode? parent, string name, string path)
    {
        var node = parent?[name];
        if (node is null)
        {
            return null;
        }

        if (node.GetValueKind() != JsonValueKind.String)
        {
            throw PayPalApiException.Syntax(path + "/" + name, node.ToJsonString());
        }

        return node.GetValue<string>();
    }

    public static string ReqString(JsonNode? parent, string name, string path) =>
        OptString(parent, name, path) ?? throw PayPalApiException.Missing(path + "/" + name);

    public static bool? OptBool(JsonNode? parent, string name, string path)
    {
        var node = parent?[name];
        if (node is null)
        {
            return null;
        }

        return node.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw PayPalApiException.Syntax(path + "/" + name, node.ToJsonString()),
        };
    }

    public static JsonObject? OptObject(JsonNode? parent, string name, string path) => Opt<JsonObject>(parent, name, path);

    public static JsonArray? OptArray(JsonNode? parent, string name, string path) => Opt<JsonArray>(parent, name, path);

    /// <summary>The member <paramref name="name"/> if it is a <typeparamref name="T"/>, null when absent, otherwise a syntax error.</summary>
    private static T? Opt<T>(JsonNode? parent, string name, string path)
        where T : JsonNode
    {
        var node = parent?[name];
        return node switch
        {
            null => null,
            T typed => typed,
            _ => throw PayPalApiException.Syntax(path + "/" + name, node.ToJsonString()),
        };
    }
}
