using System.Buffers;
using System.Text.Json.Nodes;

namespace Emulator.Commercetools.Infrastructure;

internal static class RequestBody
{
    /// <summary>The request body as a JSON object, parsed from its UTF-8 bytes as they arrive (no intermediate string).</summary>
    public static async Task<JsonObject> ReadObjectAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var reader = request.BodyReader;
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken);
            var buffer = result.Buffer;
            if (!result.IsCompleted)
            {
                reader.AdvanceTo(buffer.Start, buffer.End);
                continue;
            }

            try
            {
                return buffer.IsSingleSegment ? ParseObject(buffer.FirstSpan) : ParseObject(buffer.ToArray());
            }
            finally
            {
                reader.AdvanceTo(buffer.End);
            }
        }
    }

    private static JsonObject ParseObject(ReadOnlySpan<byte> utf8)
    {
        if (utf8.StartsWith(Utf8Bom))
        {
            utf8 = utf8[Utf8Bom.Length..];
        }

        if (utf8.Trim(JsonWhitespace).IsEmpty)
        {
            throw Errors.InvalidJsonInput("No content to map due to end-of-input");
        }

        // The parser checks the structure only; text with invalid UTF-8 would fail later, when a string is read.
        return System.Text.Unicode.Utf8.IsValid(utf8)
            ? JsonUtil.Parse(utf8)
            : throw Errors.InvalidJsonInput("Invalid UTF-8 in the request body.");
    }

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private static ReadOnlySpan<byte> JsonWhitespace => " \t\r\n"u8;

    /// <summary>Reads <c>{version, actions}</c> of an update request.</summary>
    public static (long Version, List<JsonObject> Actions) ReadUpdate(JsonObject body)
    {
        var version = JsonUtil.OptLong(body, "version") ?? throw Errors.InvalidJsonInput("version: Missing required value");
        var actions = JsonUtil.OptArray(body, "actions") ?? throw Errors.InvalidJsonInput("actions: Missing required value");
        if (actions.Count > 500)
        {
            throw Errors.InvalidInput("At most 500 update actions are allowed per request.");
        }

        var list = JsonUtil.Objects(actions, "actions").ToList();
        foreach (var action in list)
        {
            _ = JsonUtil.OptString(action, "action", "actions.action") ?? throw Errors.InvalidJsonInput("actions.action: Missing required value");
        }

        return (version, list);
    }

    public static long ReadVersionQuery(HttpRequest request)
    {
        var raw = request.Query["version"].ToString();
        if (string.IsNullOrEmpty(raw))
        {
            throw Errors.InvalidInput("Missing required query parameter: version.");
        }

        return long.TryParse(raw, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var v)
            ? v
            : throw Errors.InvalidInput($"Malformed parameter: version: '{raw}' is not a number.");
    }
}
