using System.Text.Json.Serialization;

namespace Sandbox;

/// <summary>What to call: the shape of the <c>--info-file</c> JSON (consumed by scripts, tests and the benchmark).</summary>
public sealed record SandboxInfo(CommercetoolsInfo Commercetools, [property: JsonPropertyName("paypal")] PayPalInfo PayPal, ConnectorInfo Connector)
{
    /// <summary>The demo checkout; absent when the sandbox runs without it.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DemoInfo? Demo { get; init; }
}

/// <summary>The emulated commercetools project; <c>apiUrl</c> excludes the project key, as commercetools' own API host.</summary>
public sealed record CommercetoolsInfo(string ApiUrl, string AuthUrl, string ProjectKey, string ClientId, string ClientSecret);

public sealed record PayPalInfo(string ApiUrl, string ClientId, string ClientSecret);

public sealed record ConnectorInfo(string Url);

public sealed record DemoInfo(string Url);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(SandboxInfo))]
internal sealed partial class SandboxJsonContext : JsonSerializerContext;
