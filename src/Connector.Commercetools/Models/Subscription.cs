using System.Text.Json;

namespace Connector.Commercetools.Models;

/// <summary>A commercetools Subscription (https://docs.commercetools.com/api/projects/subscriptions).</summary>
public sealed record Subscription : IVersionedResource
{
    public required string Id { get; init; }

    public long Version { get; init; }

    public string? Key { get; init; }

    /// <summary>Raw: its shape depends on the destination type.</summary>
    public JsonElement Destination { get; init; }

    public List<MessageSubscription> Messages { get; init; } = [];
}

/// <summary>Which messages of a resource type a subscription receives.</summary>
public sealed record MessageSubscription
{
    public required string ResourceTypeId { get; init; }

    public List<string>? Types { get; init; }
}

/// <summary>Destination <c>GoogleCloudPubSub {projectId, topic}</c>.</summary>
public sealed record GoogleCloudPubSubDestination
{
    public string Type { get; init; } = "GoogleCloudPubSub";

    public required string ProjectId { get; init; }

    public required string Topic { get; init; }
}

public sealed record SubscriptionDraft
{
    public required string Key { get; init; }

    public required GoogleCloudPubSubDestination Destination { get; init; }

    public required List<MessageSubscription> Messages { get; init; }
}

/// <summary>Subscription update actions deploy uses.</summary>
[System.Text.Json.Serialization.JsonPolymorphic(TypeDiscriminatorPropertyName = "action")]
[System.Text.Json.Serialization.JsonDerivedType(typeof(ChangeSubscriptionDestination), "changeDestination")]
[System.Text.Json.Serialization.JsonDerivedType(typeof(SetSubscriptionMessages), "setMessages")]
public abstract record SubscriptionUpdateAction;

public sealed record ChangeSubscriptionDestination(GoogleCloudPubSubDestination Destination) : SubscriptionUpdateAction;

public sealed record SetSubscriptionMessages(List<MessageSubscription> Messages) : SubscriptionUpdateAction;
