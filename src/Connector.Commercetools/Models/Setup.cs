using System.Text.Json;
using System.Text.Json.Serialization;

namespace Connector.Commercetools.Models;

/// <summary>A custom Type.</summary>
public sealed record CtType : IVersionedResource
{
    public required string Id { get; init; }

    public long Version { get; init; }

    public required string Key { get; init; }

    public List<string> ResourceTypeIds { get; init; } = [];

    public List<FieldDefinition> FieldDefinitions { get; init; } = [];
}

public sealed record TypeDraft
{
    public required string Key { get; init; }

    public required Dictionary<string, string> Name { get; init; }

    public required List<string> ResourceTypeIds { get; init; }

    public required List<FieldDefinition> FieldDefinitions { get; init; }
}

public sealed record FieldDefinition
{
    public required FieldType Type { get; init; }

    public required string Name { get; init; }

    public required Dictionary<string, string> Label { get; init; }

    public bool Required { get; init; }

    public string? InputHint { get; init; }
}

public sealed record FieldType
{
    public required string Name { get; init; }
}

[JsonPolymorphic(TypeDiscriminatorPropertyName = "action")]
[JsonDerivedType(typeof(AddFieldDefinition), "addFieldDefinition")]
public abstract record TypeUpdateAction;

public sealed record AddFieldDefinition(FieldDefinition FieldDefinition) : TypeUpdateAction;

/// <summary>An API extension registration.</summary>
public sealed record Extension : IVersionedResource
{
    public required string Id { get; init; }

    public long Version { get; init; }

    public string? Key { get; init; }

    public required ExtensionDestination Destination { get; init; }

    public List<ExtensionTrigger> Triggers { get; init; } = [];

    public int? TimeoutInMs { get; init; }
}

public sealed record ExtensionDraft
{
    public required string Key { get; init; }

    public required ExtensionDestination Destination { get; init; }

    public required List<ExtensionTrigger> Triggers { get; init; }

    public int? TimeoutInMs { get; init; }
}

public sealed record ExtensionDestination
{
    public string Type { get; init; } = "HTTP";

    public required string Url { get; init; }

    public ExtensionAuthentication? Authentication { get; init; }
}

public sealed record ExtensionAuthentication
{
    public string Type { get; init; } = "AuthorizationHeader";

    public string? HeaderValue { get; init; }
}

public sealed record ExtensionTrigger
{
    public required string ResourceTypeId { get; init; }

    public required List<string> Actions { get; init; }

    public string? Condition { get; init; }
}

[JsonPolymorphic(TypeDiscriminatorPropertyName = "action")]
[JsonDerivedType(typeof(ChangeDestination), "changeDestination")]
[JsonDerivedType(typeof(ChangeTriggers), "changeTriggers")]
[JsonDerivedType(typeof(SetTimeoutInMs), "setTimeoutInMs")]
public abstract record ExtensionUpdateAction;

public sealed record ChangeDestination(ExtensionDestination Destination) : ExtensionUpdateAction;

public sealed record ChangeTriggers(List<ExtensionTrigger> Triggers) : ExtensionUpdateAction;

public sealed record SetTimeoutInMs(int? TimeoutInMs) : ExtensionUpdateAction;

/// <summary>A custom object (key-value document).</summary>
public sealed record CustomObject
{
    public string? Id { get; init; }

    public long Version { get; init; }

    public required string Container { get; init; }

    public required string Key { get; init; }

    public JsonElement Value { get; init; }
}

public sealed record CustomObjectDraft
{
    public required string Container { get; init; }

    public required string Key { get; init; }

    public required JsonElement Value { get; init; }

    public long? Version { get; init; }
}

/// <summary>A customer, with the fields the connector reads.</summary>
public sealed record Customer
{
    public required string Id { get; init; }

    public long Version { get; init; }

    public string? Email { get; init; }

    public string? FirstName { get; init; }

    public string? LastName { get; init; }

    public CustomFields? Custom { get; init; }
}
