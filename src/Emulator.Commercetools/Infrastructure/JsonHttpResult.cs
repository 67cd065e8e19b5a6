using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Emulator.Commercetools.Infrastructure;

/// <summary>Writes a JSON node or element without a serializer: resources are already JSON documents.</summary>
internal sealed class JsonHttpResult(JsonNode? node, int statusCode = StatusCodes.Status200OK) : IResult
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = statusCode;
        if (HttpMethods.IsHead(httpContext.Request.Method))
        {
            return;
        }

        httpContext.Response.ContentType = "application/json; charset=utf-8";
        await using var writer = new Utf8JsonWriter(httpContext.Response.Body, WriterOptions);
        if (node is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            node.WriteTo(writer);
        }

        await writer.FlushAsync(httpContext.RequestAborted);
    }

    public static JsonHttpResult Ok(JsonNode node) => new(node);

    public static JsonHttpResult Created(JsonNode node) => new(node, StatusCodes.Status201Created);
}
