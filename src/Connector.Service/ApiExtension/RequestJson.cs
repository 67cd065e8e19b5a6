using System.Text.Json;
using System.Text.Json.Nodes;
using Connector.Domain;
using Connector.Service.ApiExtension.Operations;

namespace Connector.Service.ApiExtension;

/// <summary>Parses request field values; anything malformed is a <see cref="DomainValidationException"/> naming the field.</summary>
internal static class RequestJson
{
    private static readonly JsonNodeOptions NodeOptions = new() { PropertyNameCaseInsensitive = false };
    private static readonly JsonDocumentOptions DocumentOptions = new() { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 32 };

    /// <summary>The value as a JSON object; an empty string counts as <c>{}</c>.</summary>
    public static JsonObject ParseObject(string value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return [];
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(value, NodeOptions, DocumentOptions);
        }
        catch (JsonException e)
        {
            throw new DomainValidationException($"{field} must be a JSON object: {e.Message}");
        }

        return node as JsonObject ?? throw new DomainValidationException($"{field} must be a JSON object, not {Describe(node)}.");
    }

    /// <summary>An optional string property; present with another type is an error.</summary>
    public static string? OptionalString(JsonObject obj, string property, string field)
    {
        var node = obj[property];
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.String)
        {
            var s = v.GetValue<string>();
            return string.IsNullOrWhiteSpace(s) ? throw new DomainValidationException($"{field}.{property} must not be empty.") : s;
        }

        throw new DomainValidationException($"{field}.{property} must be a string, not {Describe(node)}.");
    }

    public static bool? OptionalBool(JsonObject obj, string property, string field)
    {
        var node = obj[property];
        return node switch
        {
            null => null,
            JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
            _ => throw new DomainValidationException($"{field}.{property} must be true or false, not {Describe(node)}."),
        };
    }

    public static JsonObject? OptionalObject(JsonObject obj, string property, string field) => obj[property] switch
    {
        null => null,
        JsonObject o => o,
        var other => throw new DomainValidationException($"{field}.{property} must be a JSON object, not {Describe(other)}."),
    };

    public static JsonArray? OptionalArray(JsonObject obj, string property, string field) => obj[property] switch
    {
        null => null,
        JsonArray a => a,
        var other => throw new DomainValidationException($"{field}.{property} must be a JSON array, not {Describe(other)}."),
    };

    public static string Describe(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "an object",
        JsonArray => "an array",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            JsonValueKind.True or JsonValueKind.False => "a boolean",
            _ => "a value",
        },
        _ => "a value",
    };
}
