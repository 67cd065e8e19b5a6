using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Connector.Service.Admin;

/// <summary>JSON of the admin API (settings are kept as <see cref="JsonObject"/>: the object is the merchant's, keys and all).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(JsonObject))]
[JsonSerializable(typeof(JsonNode))]
internal sealed partial class AdminJsonContext : JsonSerializerContext;
