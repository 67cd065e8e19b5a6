using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Emulator.Commercetools.Infrastructure;

namespace Emulator.Commercetools.Store;

/// <summary>
/// One resource type's documents. Reads are lock-free over immutable snapshots; every write is a compare-and-swap on the
/// version under a short per-collection lock, so concurrent updates of one version yield exactly one winner (others 409).
/// No lock is held while Extensions are called.
/// </summary>
internal sealed class ResourceCollection(string typeId, Func<JsonObject, string?> keySelector, IResourcePersistence? persistence = null)
{
    private readonly ConcurrentDictionary<string, StoredResource> _byId = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _idByKey = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private long _sequence;

    public string TypeId { get; } = typeId;

    public StoredResource? Get(string id) => _byId.TryGetValue(id, out var r) ? r : null;

    public StoredResource? GetByKey(string key) => _idByKey.TryGetValue(key, out var id) ? Get(id) : null;

    /// <summary>All resources in creation order (a consistent-enough snapshot for queries).</summary>
    public IReadOnlyList<StoredResource> All() => _byId.Values.OrderBy(r => r.Sequence).ToList();

    public int Count => _byId.Count;

    /// <summary>Inserts a new document. <paramref name="validate"/> runs under the lock against the other documents (uniqueness rules).</summary>
    public StoredResource Insert(JsonObject body, Action<JsonObject, IReadOnlyCollection<StoredResource>>? validate = null)
    {
        var id = (string)body["id"]!;
        var version = (long)body["version"]!;
        var key = keySelector(body);
        lock (_gate)
        {
            if (key is not null && _idByKey.ContainsKey(key))
            {
                throw Errors.DuplicateField("key", key);
            }

            validate?.Invoke(body, (IReadOnlyCollection<StoredResource>)_byId.Values);
            var stored = new StoredResource(id, key, version, JsonUtil.ToElement(body), ++_sequence);
            persistence?.Save(TypeId, stored);
            _byId[id] = stored;
            if (key is not null)
            {
                _idByKey[key] = id;
            }

            return stored;
        }
    }

    /// <summary>Replaces a document if it is still at <paramref name="expectedVersion"/>; otherwise 409 ConcurrentModification.</summary>
    public StoredResource Replace(string id, long expectedVersion, JsonObject body, Action<JsonObject, IReadOnlyCollection<StoredResource>>? validate = null)
    {
        var key = keySelector(body);
        lock (_gate)
        {
            if (!_byId.TryGetValue(id, out var current))
            {
                throw Errors.NotFound(id);
            }

            if (current.Version != expectedVersion)
            {
                throw Errors.ConcurrentModification(id, expectedVersion, current.Version);
            }

            if (key is not null && _idByKey.TryGetValue(key, out var owner) && owner != id)
            {
                throw Errors.DuplicateField("key", key);
            }

            validate?.Invoke(body, _byId.Values.Where(r => r.Id != id).ToList());
            var stored = new StoredResource(id, key, (long)body["version"]!, JsonUtil.ToElement(body), current.Sequence);
            persistence?.Save(TypeId, stored);
            _byId[id] = stored;
            if (current.Key is not null && current.Key != key)
            {
                _idByKey.TryRemove(current.Key, out _);
            }

            if (key is not null)
            {
                _idByKey[key] = id;
            }

            return stored;
        }
    }

    public StoredResource Delete(string id, long expectedVersion)
    {
        lock (_gate)
        {
            if (!_byId.TryGetValue(id, out var current))
            {
                throw Errors.NotFound(id);
            }

            if (current.Version != expectedVersion)
            {
                throw Errors.ConcurrentModification(id, expectedVersion, current.Version);
            }

            persistence?.Delete(TypeId, id);
            _byId.TryRemove(id, out _);
            if (current.Key is not null)
            {
                _idByKey.TryRemove(current.Key, out _);
            }

            return current;
        }
    }

    /// <summary>Loads a persisted document at startup.</summary>
    public void Restore(string id, JsonElement body)
    {
        var obj = JsonUtil.ToObject(body);
        var key = keySelector(obj);
        var stored = new StoredResource(id, key, (long)obj["version"]!, body.Clone(), ++_sequence);
        _byId[id] = stored;
        if (key is not null)
        {
            _idByKey[key] = id;
        }
    }

    public static string? KeyProperty(JsonObject body) => (string?)body["key"];
}
