using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Connector.Domain;

/// <summary>
/// Writes JSON text through a per-thread buffer and writer, so that shaping a PayPal answer for a custom field or an
/// interface interaction costs one pass over the parsed document and one string, not a DOM copy per step.
/// </summary>
public static class JsonText
{
    // Buffers above this size are not kept for the next call: one huge answer must not pin memory on a pool thread.
    private const int RetainedBufferLimit = 256 * 1024;

    [ThreadStatic] private static ArrayBufferWriter<byte>? t_buffer;
    [ThreadStatic] private static Utf8JsonWriter? t_writer;
    [ThreadStatic] private static bool t_busy;

    /// <summary>Runs <paramref name="write"/> against a writer and returns what it wrote as a string.</summary>
    /// <remarks>The writer uses the serializer's default encoder, so the text matches <see cref="JsonNode.ToJsonString"/>.</remarks>
    public static string Write<TState>(TState state, Action<Utf8JsonWriter, TState> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        if (t_busy)
        {
            // A nested call (a writer callback that itself formats JSON) gets its own buffer.
            var own = new ArrayBufferWriter<byte>();
            using (var nested = new Utf8JsonWriter(own))
            {
                write(nested, state);
            }

            return Encoding.UTF8.GetString(own.WrittenSpan);
        }

        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(4096);
        var writer = t_writer ??= new Utf8JsonWriter(buffer);
        t_busy = true;
        try
        {
            writer.Reset(buffer);
            write(writer, state);
            writer.Flush();
            return Encoding.UTF8.GetString(buffer.WrittenSpan);
        }
        finally
        {
            writer.Reset();
            if (buffer.Capacity > RetainedBufferLimit)
            {
                t_buffer = null;
                t_writer = null;
            }
            else
            {
                buffer.ResetWrittenCount();
            }

            t_busy = false;
        }
    }

    /// <summary>A self-contained <see cref="JsonElement"/> for <paramref name="node"/> (null for a null node).</summary>
    public static JsonElement? ToElement(JsonNode? node) =>
        node is null ? null : JsonElement.Parse(node.ToJsonString());

}
