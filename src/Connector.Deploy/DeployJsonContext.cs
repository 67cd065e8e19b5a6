using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Connector.Deploy;

[JsonSerializable(typeof(JsonObject))]
internal sealed partial class DeployJsonContext : JsonSerializerContext;
