using System.Text.Json.Nodes;

namespace Connector.Domain;

/// <summary>Shapes PayPal responses before they are stored in a <c>&lt;name&gt;Response</c> field.</summary>
public static class JsonCleaner
{
    /// <summary>
    /// A deep copy of <paramref name="node"/> without null values and without empty objects, recursively: an object
    /// that becomes empty once its nulls are gone is removed too. Inside arrays, null and empty-object elements are
    /// dropped; empty arrays, empty strings, <c>false</c> and <c>0</c> are kept. A root that ends up empty is
    /// returned as an empty object; a null root as null.
    /// </summary>
    /// <param name="node">JSON to clean; not modified.</param>
    public static JsonNode? StripNullsAndEmpty(JsonNode? node) => node is null ? null : Clean(node) ?? new JsonObject();

    private static JsonNode? Clean(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return null;
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (name, child) in obj)
                {
                    var cleaned = Clean(child);
                    if (cleaned is not null)
                    {
                        copy[name] = cleaned;
                    }
                }

                return copy.Count == 0 ? null : copy;
            case JsonArray array:
                var items = new JsonArray();
                foreach (var child in array)
                {
                    var cleaned = Clean(child);
                    if (cleaned is not null)
                    {
                        items.Add(cleaned);
                    }
                }

                return items;
            default:
                return node.DeepClone();
        }
    }
}
