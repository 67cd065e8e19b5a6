using System.Text.Json.Nodes;
using Emulator.Commercetools.Infrastructure;
using Emulator.Commercetools.Store;

namespace Emulator.Commercetools.Messages;

/// <summary>Receives every committed message (the subscription dispatcher).</summary>
internal interface IMessageSink
{
    void OnMessages(IReadOnlyList<JsonObject> messages);

    /// <summary>A committed create/update/delete, for change subscriptions (<c>ResourceCreated|ResourceUpdated|ResourceDeleted</c>).</summary>
    void OnChange(ResourceChange change);
}

internal sealed record ResourceChange(string Kind, string TypeId, JsonObject Resource, long Version, long? OldVersion, string ModifiedAt);

/// <summary>Stores Messages (queryable under <c>/messages</c>) with a per-resource sequence number and forwards them to sinks.</summary>
internal sealed class MessageLog
{
    private readonly Dictionary<string, long> _sequences = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly ResourceStore store;
    private readonly TimeProvider time;
    private readonly IEnumerable<IMessageSink> sinks;

    public MessageLog(ResourceStore store, TimeProvider time, IEnumerable<IMessageSink> sinks)
    {
        this.store = store;
        this.time = time;
        this.sinks = sinks;

        // Persisted messages (--data) continue their per-resource sequence.
        foreach (var message in store.Collection("message").All())
        {
            var resourceId = message.Body.GetProperty("resource").GetProperty("id").GetString()!;
            var sequence = message.Body.GetProperty("sequenceNumber").GetInt64();
            if (sequence > _sequences.GetValueOrDefault(resourceId))
            {
                _sequences[resourceId] = sequence;
            }
        }
    }

    public void Changed(string kind, string typeId, JsonObject resource, long? oldVersion)
    {
        var change = new ResourceChange(kind, typeId, resource, (long?)resource["version"] ?? 1, oldVersion, Timestamps.Format(time.GetUtcNow()));
        foreach (var sink in sinks)
        {
            sink.OnChange(change);
        }
    }

    public IReadOnlyList<JsonObject> Publish(string typeId, JsonObject resource, IReadOnlyList<PendingMessage> pending, Actor actor)
    {
        if (pending.Count == 0)
        {
            return [];
        }

        var resourceId = (string)resource["id"]!;
        var now = Timestamps.Format(time.GetUtcNow());
        var published = new List<JsonObject>();
        lock (_gate)
        {
            var collection = store.Collection("message");
            foreach (var message in pending)
            {
                var sequence = _sequences.GetValueOrDefault(resourceId) + 1;
                _sequences[resourceId] = sequence;
                var body = new JsonObject
                {
                    ["id"] = Guid.NewGuid().ToString(),
                    ["version"] = 1L,
                    ["sequenceNumber"] = sequence,
                    ["resource"] = JsonUtil.Reference(typeId, resourceId),
                    ["resourceVersion"] = message.ResourceVersion,
                    ["type"] = message.Type,
                    ["createdAt"] = now,
                    ["lastModifiedAt"] = now,
                    ["createdBy"] = actor.ToClientLogging(),
                    ["lastModifiedBy"] = actor.ToClientLogging(),
                };
                if (resource["key"] is JsonValue key)
                {
                    body["resourceUserProvidedIdentifiers"] = new JsonObject { ["key"] = key.DeepClone() };
                }
                else if (resource["orderNumber"] is JsonValue orderNumber)
                {
                    body["resourceUserProvidedIdentifiers"] = new JsonObject { ["orderNumber"] = orderNumber.DeepClone() };
                }

                foreach (var (name, value) in message.Payload)
                {
                    body[name] = value?.DeepClone();
                }

                JsonUtil.StripNulls(body);
                collection.Insert(body);
                published.Add(body);
            }
        }

        foreach (var sink in sinks)
        {
            sink.OnMessages(published);
        }

        return published;
    }
}
