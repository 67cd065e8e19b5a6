using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Emulator.PayPal.Infrastructure;

/// <summary>Writes JSON the way PayPal does: snake_case names (set by the builders) and no null members.</summary>
internal static class JsonOut
{
    public static string Serialize(JsonNode? node)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            Write(writer, node);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Write(Utf8JsonWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (var (key, value) in obj)
                {
                    if (value is null)
                    {
                        continue;
                    }

                    writer.WritePropertyName(key);
                    Write(writer, value);
                }

                writer.WriteEndObject();
                break;
            case JsonArray arr:
                writer.WriteStartArray();
                foreach (var item in arr)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }

    /// <summary>Deep copy without null members, so stored request fragments echo cleanly.</summary>
    public static JsonNode? CloneWithoutNulls(JsonNode? node) => node switch
    {
        null => null,
        JsonObject obj => new JsonObject(obj.Where(p => p.Value is not null).Select(p => KeyValuePair.Create(p.Key, CloneWithoutNulls(p.Value)))),
        JsonArray arr => new JsonArray(arr.Select(CloneWithoutNulls).ToArray()),
        _ => node.DeepClone(),
    };

    public static JsonObject CloneObject(JsonObject obj) => (JsonObject)CloneWithoutNulls(obj)!;
}

/// <summary>A JSON (or empty) HTTP answer built from a <see cref="JsonNode"/>.</summary>
internal sealed record ApiResponse(int Status, JsonNode? Body, string? Raw = null) : IResult
{
    public static ApiResponse NoContent { get; } = new(204, null);

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = Status;
        var text = Raw ?? (Body is null ? null : JsonOut.Serialize(Body));
        if (text is null)
        {
            return Task.CompletedTask;
        }

        httpContext.Response.ContentType = "application/json";
        return httpContext.Response.WriteAsync(text, httpContext.RequestAborted);
    }
}
