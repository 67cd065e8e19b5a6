using System.Text.Json.Nodes;

namespace Emulator.Commercetools.Infrastructure;

internal static class JsonObjectExtensions
{
    /// <summary>Sets (or, for null, removes) a property and returns the object, for building documents inline.</summary>
    public static JsonObject With(this JsonObject obj, string name, JsonNode? value)
    {
        JsonUtil.Set(obj, name, value);
        return obj;
    }

    public static JsonObject WithoutNulls(this JsonObject obj)
    {
        JsonUtil.StripNulls(obj);
        return obj;
    }
}
