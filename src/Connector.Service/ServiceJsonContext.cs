using System.Text.Json.Serialization;
using Connector.Service.Health;
using Connector.Service.ApiExtension;

namespace Connector.Service;

/// <summary>JSON for the connector's own endpoints (health, admin).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(HealthStatus))]
internal sealed partial class ServiceJsonContext : JsonSerializerContext;
