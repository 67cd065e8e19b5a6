using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;

namespace Emulator.Commercetools.Infrastructure;

/// <summary>Writes a JSON node, or a stored document's own UTF-8 bytes, without a serializer: resources are already JSON documents.</summary>
/// <remarks>
/// The document is written to a per-thread buffer first and sent with an exact Content-Length: a response the size of a
/// resource fits in one write, and chunked framing would cost an extra flush and framing per request.
/// </remarks>
internal sealed class JsonHttpResult : IResult
{
    private readonly JsonNode? node;
    private readonly JsonElement element;
    private readonly int statusCode;

    public JsonHttpResult(JsonNode? node, int statusCode = StatusCodes.Status200OK)
    {
        this.node = node;
        this.statusCode = statusCode;
    }

    /// <summary>A stored document as it is: its bytes are copied to the response, nothing is re-serialized.</summary>
    private JsonHttpResult(JsonElement element, int statusCode)
    {
        this.element = element;
        this.statusCode = statusCode;
    }

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // Buffers that grew past this are dropped after use instead of being kept for the thread's next response.
    private const int RetainedBufferLimit = 1 << 20;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? cachedBuffer;

    [ThreadStatic]
    private static Utf8JsonWriter? cachedWriter;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = statusCode;
        if (HttpMethods.IsHead(httpContext.Request.Method))
        {
            return Task.CompletedTask;
        }

        httpContext.Response.ContentType = "application/json; charset=utf-8";
        if (element.ValueKind != JsonValueKind.Undefined)
        {
            return WriteAsync(httpContext, JsonMarshal.GetRawUtf8Value(element));
        }

        var buffer = cachedBuffer ??= new ArrayBufferWriter<byte>(4096);
        var writer = cachedWriter;
        if (writer is null)
        {
            writer = cachedWriter = new Utf8JsonWriter(buffer, WriterOptions);
        }
        else
        {
            writer.Reset(buffer);
        }

        try
        {
            if (node is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                node.WriteTo(writer);
            }

            writer.Flush();
            // Copied into the response pipe before any await, so the per-thread buffer is free again when this returns.
            return WriteAsync(httpContext, buffer.WrittenSpan);
        }
        finally
        {
            if (buffer.Capacity > RetainedBufferLimit)
            {
                cachedBuffer = null;
                cachedWriter = null;
            }
            else
            {
                buffer.ResetWrittenCount();
                writer.Reset(Stream.Null);
            }
        }
    }

    public static JsonHttpResult Ok(JsonNode node) => new(node);

    public static JsonHttpResult Created(JsonNode node) => new(node, StatusCodes.Status201Created);

    /// <summary>A stored document (an element of its own <see cref="JsonDocument"/>) answered with its bytes as stored.</summary>
    public static JsonHttpResult Stored(JsonElement element, int statusCode = StatusCodes.Status200OK) => new(element, statusCode);

    private static Task WriteAsync(HttpContext httpContext, ReadOnlySpan<byte> json)
    {
        httpContext.Response.ContentLength = json.Length;
        var pipe = httpContext.Response.BodyWriter;
        json.CopyTo(pipe.GetSpan(json.Length));
        pipe.Advance(json.Length);
        var flush = pipe.FlushAsync(httpContext.RequestAborted);
        return flush.IsCompletedSuccessfully ? Task.CompletedTask : flush.AsTask();
    }
}
