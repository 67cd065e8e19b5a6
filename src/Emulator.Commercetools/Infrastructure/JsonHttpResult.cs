using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Emulator.Commercetools.Infrastructure;

/// <summary>Writes a JSON node or element without a serializer: resources are already JSON documents.</summary>
/// <remarks>
/// The document is written to a per-thread buffer first and sent with an exact Content-Length: a response the size of a
/// resource fits in one write, and chunked framing would cost an extra flush and framing per request.
/// </remarks>
internal sealed class JsonHttpResult(JsonNode? node, int statusCode = StatusCodes.Status200OK) : IResult
{
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
            var written = buffer.WrittenSpan;
            httpContext.Response.ContentLength = written.Length;
            // Copied into the response pipe before any await, so the per-thread buffer is free again when this returns.
            var pipe = httpContext.Response.BodyWriter;
            written.CopyTo(pipe.GetSpan(written.Length));
            pipe.Advance(written.Length);
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

        var flush = httpContext.Response.BodyWriter.FlushAsync(httpContext.RequestAborted);
        return flush.IsCompletedSuccessfully ? Task.CompletedTask : flush.AsTask();
    }

    public static JsonHttpResult Ok(JsonNode node) => new(node);

    public static JsonHttpResult Created(JsonNode node) => new(node, StatusCodes.Status201Created);
}
