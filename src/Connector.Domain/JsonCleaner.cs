using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Connector.Domain;

/// <summary>Shapes PayPal responses before they are stored in a <c>&lt;name&gt;Response</c> field.</summary>
/// <remarks>
/// The rule: no null values and no empty objects, recursively; an object that becomes empty once its nulls are gone is
/// removed too. Inside arrays, null and empty-object elements are dropped; empty arrays, empty strings, <c>false</c> and
/// <c>0</c> are kept. A root that ends up empty is written as an empty object.
/// </remarks>
public static class JsonCleaner
{
    /// <summary>The cleaned JSON text of <paramref name="element"/>, written in one pass without building a copy.</summary>
    public static string StripNullsAndEmpty(JsonElement element) => JsonText.Write(element, WriteCleaned);

    /// <summary>A cleaned deep copy of <paramref name="node"/> (not modified); null for a null root.</summary>
    public static JsonNode? StripNullsAndEmpty(JsonNode? node) =>
        JsonText.ToElement(node) is { } element ? JsonNode.Parse(StripNullsAndEmpty(element)) : null;

    /// <summary>Writes the cleaned form of <paramref name="element"/>; a root that is dropped entirely becomes <c>{}</c>.</summary>
    public static void WriteCleaned(Utf8JsonWriter writer, JsonElement element)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (IsDropped(element))
        {
            writer.WriteStartObject();
            writer.WriteEndObject();
            return;
        }

        Write(writer, element);
    }

    /// <summary>Whether the rule removes <paramref name="element"/>: null, or an object with nothing left once cleaned.</summary>
    public static bool IsDropped(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Null or JsonValueKind.Undefined:
                return true;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (!IsDropped(property.Value))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return false;
        }
    }

    /// <summary>Writes <paramref name="property"/>'s name as <see cref="Utf8JsonWriter.WritePropertyName(string)"/> would, without making a string.</summary>
    internal static void WriteName(Utf8JsonWriter writer, JsonProperty property)
    {
        var raw = JsonMarshal.GetRawUtf8PropertyName(property);
        if (raw.IndexOf((byte)'\\') < 0)
        {
            writer.WritePropertyName(raw); // no escape sequence: the raw bytes are the name
        }
        else
        {
            writer.WritePropertyName(property.Name);
        }
    }

    private static void Write(Utf8JsonWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject())
                {
                    if (!IsDropped(property.Value))
                    {
                        WriteName(writer, property);
                        Write(writer, property.Value);
                    }
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    if (!IsDropped(item))
                    {
                        Write(writer, item);
                    }
                }

                writer.WriteEndArray();
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }
}
