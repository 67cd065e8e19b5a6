using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Emulator.Commercetools.Infrastructure;

/// <summary>Helpers over System.Text.Json.Nodes: resources are JSON documents, so drafts and actions are read leniently and validated explicitly.</summary>
internal static partial class JsonUtil
{
    /// <summary>
    /// An immutable snapshot of <paramref name="node"/> (serialized straight to UTF-8, no intermediate string), escaped the
    /// way responses are written, so a stored document's bytes can be answered as they are.
    /// </summary>
    public static JsonElement ToElement(JsonNode node) => JsonSerializer.SerializeToElement(node, JsonNodeTypeInfo);

    /// <summary>
    /// A mutable copy of <paramref name="element"/>. The object is materialized from the (immutable) element on first
    /// access, so it never shares state with other copies.
    /// </summary>
    public static JsonObject ToObject(JsonElement element) => JsonObject.Create(element) ?? throw new InvalidOperationException("Not a JSON object.");

    private static readonly System.Text.Json.Serialization.Metadata.JsonTypeInfo<JsonNode> JsonNodeTypeInfo =
        (System.Text.Json.Serialization.Metadata.JsonTypeInfo<JsonNode>)new JsonSerializerOptions(JsonSerializerOptions.Default)
        {
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }.GetTypeInfo(typeof(JsonNode));

    /// <summary>A JSON object from UTF-8 text; anything else is InvalidJsonInput.</summary>
    public static JsonObject Parse(ReadOnlySpan<byte> utf8Json)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(utf8Json);
        }
        catch (JsonException ex)
        {
            throw Errors.InvalidJsonInput(ex.Message);
        }

        return node as JsonObject ?? throw Errors.InvalidJsonInput("Expected a JSON object.");
    }

    /// <summary>Removes null-valued properties recursively: responses omit nulls.</summary>
    public static void StripNulls(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                List<string>? nulls = null;
                foreach (var (name, value) in obj)
                {
                    if (value is null)
                    {
                        (nulls ??= []).Add(name);
                    }
                    else
                    {
                        StripNulls(value);
                    }
                }

                if (nulls is not null)
                {
                    foreach (var name in nulls)
                    {
                        obj.Remove(name);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    StripNulls(item);
                }

                break;
        }
    }

    public static JsonNode? Clone(JsonNode? node) => node?.DeepClone();

    public static bool IsNull([NotNullWhen(false)] JsonNode? node) => node is null || node.GetValueKind() == JsonValueKind.Null;

    public static string? OptString(JsonObject obj, string name, string? path = null)
    {
        var node = obj[name];
        if (IsNull(node))
        {
            return null;
        }

        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.String)
        {
            return v.GetValue<string>();
        }

        throw Errors.InvalidJsonInput($"{path ?? name}: JSON string expected.");
    }

    public static string ReqString(JsonObject obj, string name, string? path = null) =>
        OptString(obj, name, path) ?? throw Errors.InvalidJsonInput($"{path ?? name}: Missing required value");

    public static long? OptLong(JsonObject obj, string name, string? path = null)
    {
        var node = obj[name];
        if (IsNull(node))
        {
            return null;
        }

        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<long>(out var l))
        {
            return l;
        }

        if (node is JsonValue d && d.GetValueKind() == JsonValueKind.Number && d.TryGetValue<decimal>(out var dec) && dec == decimal.Truncate(dec)
            && dec >= long.MinValue && dec <= long.MaxValue)
        {
            return (long)dec;
        }

        throw Errors.InvalidJsonInput($"{path ?? name}: JSON number (integer) expected.");
    }

    public static long ReqLong(JsonObject obj, string name, string? path = null) =>
        OptLong(obj, name, path) ?? throw Errors.InvalidJsonInput($"{path ?? name}: Missing required value");

    public static bool? OptBool(JsonObject obj, string name, string? path = null)
    {
        var node = obj[name];
        if (IsNull(node))
        {
            return null;
        }

        return node.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Errors.InvalidJsonInput($"{path ?? name}: JSON boolean expected."),
        };
    }

    public static JsonObject? OptObject(JsonObject obj, string name, string? path = null) => Opt<JsonObject>(obj, name, path, "object");

    public static JsonObject ReqObject(JsonObject obj, string name, string? path = null) =>
        OptObject(obj, name, path) ?? throw Errors.InvalidJsonInput($"{path ?? name}: Missing required value");

    public static JsonArray? OptArray(JsonObject obj, string name, string? path = null) => Opt<JsonArray>(obj, name, path, "array");

    /// <summary>The member <paramref name="name"/> if it is a <typeparamref name="T"/> (JSON <paramref name="kind"/>), null when absent or null.</summary>
    private static T? Opt<T>(JsonObject obj, string name, string? path, string kind)
        where T : JsonNode
    {
        var node = obj[name];
        if (IsNull(node))
        {
            return null;
        }

        return node as T ?? throw Errors.InvalidJsonInput($"{path ?? name}: JSON {kind} expected.");
    }

    /// <summary>The optional array of objects <paramref name="name"/> of a draft, each read by <paramref name="read"/> (an empty array when absent).</summary>
    public static JsonArray ReadObjects(JsonObject draft, string name, Func<JsonObject, JsonNode?> read) =>
        new(Objects(OptArray(draft, name), name).Select(read).ToArray());

    public static IEnumerable<JsonObject> Objects(JsonArray? array, string path)
    {
        if (array is null)
        {
            yield break;
        }

        foreach (var item in array)
        {
            yield return item as JsonObject ?? throw Errors.InvalidJsonInput($"{path}: JSON object expected.");
        }
    }

    /// <summary>Sets a property, or removes it when the value is null: resources never carry explicit nulls.</summary>
    public static void Set(JsonObject obj, string name, JsonNode? value)
    {
        if (IsNull(value))
        {
            obj.Remove(name);
        }
        else
        {
            obj[name] = value;
        }
    }

    /// <summary>Removes the first element equal in value to <paramref name="value"/>; returns whether there was one.</summary>
    public static bool RemoveEqual(JsonArray array, JsonNode value)
    {
        var existing = array.FirstOrDefault(element => JsonNode.DeepEquals(element, value));
        return existing is not null && array.Remove(existing);
    }

    /// <summary>Sets a property if it differs from the current value; returns whether anything changed.</summary>
    public static bool SetIfChanged(JsonObject obj, string name, JsonNode? value)
    {
        var current = obj[name];
        if (IsNull(value))
        {
            if (IsNull(current))
            {
                return false;
            }

            obj.Remove(name);
            return true;
        }

        if (!IsNull(current) && JsonNode.DeepEquals(current, value))
        {
            return false;
        }

        obj[name] = value.DeepClone();
        return true;
    }

    public static void ValidateKey(string? key, string field = "key", int minLength = 2)
    {
        if (key is null)
        {
            return;
        }

        if (key.Length < minLength || key.Length > 256 || !KeyPattern().IsMatch(key))
        {
            throw Errors.InvalidField(field, key, $"The value '{key}' is not valid for field '{field}'. Allowed are keys matching ^[A-Za-z0-9_-]+$ with {minLength} to 256 characters.");
        }
    }

    /// <summary>A LocalizedString: an object whose values are all strings.</summary>
    public static JsonObject? OptLocalizedString(JsonObject obj, string name, string? path = null)
    {
        var value = OptObject(obj, name, path);
        if (value is null)
        {
            return null;
        }

        foreach (var (locale, text) in value)
        {
            if (text is not JsonValue v || v.GetValueKind() != JsonValueKind.String)
            {
                throw Errors.InvalidJsonInput($"{path ?? name}.{locale}: JSON string expected.");
            }
        }

        return (JsonObject)value.DeepClone();
    }

    public static JsonObject Reference(string typeId, string id) => new() { ["typeId"] = typeId, ["id"] = id };

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex KeyPattern();
}
