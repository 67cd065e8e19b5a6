using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Emulator.Commercetools.Infrastructure;
using Emulator.Commercetools.Predicates;

namespace Emulator.Commercetools.Store;

/// <summary>
/// One resource type's documents. Reads are lock-free over immutable snapshots; every write is a compare-and-swap on the
/// version under a short per-collection lock, so concurrent updates of one version yield exactly one winner (others 409).
/// No lock is held while Extensions are called.
/// <para>
/// Every write costs the same however many documents there are: id and key lookups are hash lookups, uniqueness rules
/// and queries use secondary indexes (created on first use for a predicate path, then maintained under the lock on
/// every write), and creation order is kept in a sorted map instead of being re-sorted per query.
/// </para>
/// </summary>
internal sealed class ResourceCollection(string typeId, Func<JsonObject, string?> keySelector, IResourcePersistence? persistence = null)
{
    /// <summary>On-demand indexes per collection; queries on further paths are served by a scan.</summary>
    public const int MaxIndexes = 64;

    private readonly ConcurrentDictionary<string, StoredResource> _byId = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _idByKey = new(StringComparer.Ordinal);
    private readonly SortedDictionary<long, StoredResource> _bySequence = [];
    private readonly Dictionary<string, SecondaryIndex> _indexes = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private volatile StoredResource[]? _snapshot;
    private long _sequence;

    public string TypeId { get; } = typeId;

    public StoredResource? Get(string id) => _byId.TryGetValue(id, out var r) ? r : null;

    public StoredResource? GetByKey(string key) => _idByKey.TryGetValue(key, out var id) ? Get(id) : null;

    /// <summary>All resources in creation order (an immutable snapshot, rebuilt only after a write).</summary>
    public IReadOnlyList<StoredResource> All()
    {
        var snapshot = _snapshot;
        if (snapshot is not null)
        {
            return snapshot;
        }

        lock (_gate)
        {
            return _snapshot ??= [.. _bySequence.Values];
        }
    }

    public int Count => _byId.Count;

    /// <summary>
    /// The documents a query with <paramref name="plan"/> can match, in creation order: a superset of the matches (the
    /// caller still evaluates the predicates), or all documents when there is no plan or no room for another index.
    /// </summary>
    public IReadOnlyList<StoredResource> Candidates(IndexPlan? plan)
    {
        if (plan is null)
        {
            return All();
        }

        lock (_gate)
        {
            var ids = Execute(plan);
            if (ids is null)
            {
                return _snapshot ??= [.. _bySequence.Values];
            }

            var found = new List<StoredResource>(ids.Count);
            foreach (var id in ids)
            {
                if (_byId.TryGetValue(id, out var resource))
                {
                    found.Add(resource);
                }
            }

            found.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
            return found;
        }
    }

    /// <summary>Documents with the string <paramref name="value"/> at <paramref name="path"/>, in creation order (index-served).</summary>
    public IReadOnlyList<StoredResource> WithValue(string[] path, string value) => Candidates(new EqualsPlan(path, [value]));

    /// <summary>Documents whose <paramref name="definition"/> keys include <paramref name="key"/> (index-served).</summary>
    public IReadOnlyList<StoredResource> WithIndexKey(IndexDefinition definition, string key)
    {
        lock (_gate)
        {
            var index = (EqualityIndex)EnsureIndex(definition.Name, () => new EqualityIndex(definition.Name, definition.Keys, definition.Comparer), force: true)!;
            return index.Lookup(key).Select(id => _byId[id]).OrderBy(r => r.Sequence).ToList();
        }
    }

    /// <summary>Inserts a new document. <paramref name="validate"/> runs under the lock (uniqueness rules, answered from indexes).</summary>
    public StoredResource Insert(JsonObject body, Action<JsonObject, ResourceCollection>? validate = null)
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

            validate?.Invoke(body, this);
            var stored = new StoredResource(id, key, version, JsonUtil.ToElement(body), ++_sequence);
            persistence?.Save(TypeId, stored);
            Put(stored, null);
            return stored;
        }
    }

    /// <summary>Replaces a document if it is still at <paramref name="expectedVersion"/>; otherwise 409 ConcurrentModification.</summary>
    public StoredResource Replace(string id, long expectedVersion, JsonObject body, Action<JsonObject, ResourceCollection>? validate = null)
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

            validate?.Invoke(body, this);
            var stored = new StoredResource(id, key, (long)body["version"]!, JsonUtil.ToElement(body), current.Sequence);
            persistence?.Save(TypeId, stored);
            Put(stored, current);
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
            _bySequence.Remove(current.Sequence);
            if (current.Key is not null)
            {
                _idByKey.TryRemove(current.Key, out _);
            }

            foreach (var index in _indexes.Values)
            {
                index.Remove(current);
            }

            _snapshot = null;
            return current;
        }
    }

    /// <summary>Loads a persisted document at startup.</summary>
    public void Restore(string id, JsonElement body)
    {
        var obj = JsonUtil.ToObject(body);
        lock (_gate)
        {
            var stored = new StoredResource(id, keySelector(obj), (long)obj["version"]!, body.Clone(), ++_sequence);
            Put(stored, _byId.TryGetValue(id, out var previous) ? previous : null);
        }
    }

    public static string? KeyProperty(JsonObject body) => (string?)body["key"];

    /// <summary>Under the lock: makes <paramref name="stored"/> the current version and updates every index.</summary>
    private void Put(StoredResource stored, StoredResource? previous)
    {
        if (previous is not null)
        {
            foreach (var index in _indexes.Values)
            {
                index.Remove(previous);
            }

            _bySequence.Remove(previous.Sequence);
            if (previous.Key is not null && previous.Key != stored.Key)
            {
                _idByKey.TryRemove(previous.Key, out _);
            }
        }

        _byId[stored.Id] = stored;
        _bySequence[stored.Sequence] = stored;
        if (stored.Key is not null)
        {
            _idByKey[stored.Key] = stored.Id;
        }

        foreach (var index in _indexes.Values)
        {
            index.Add(stored);
        }

        _snapshot = null;
    }

    /// <summary>Under the lock: the ids a plan selects, or null when it cannot be served from indexes.</summary>
    private IReadOnlyCollection<string>? Execute(IndexPlan plan)
    {
        switch (plan)
        {
            case EqualsPlan equals:
                if (equals.Path.Length == 1 && equals.Path[0] == "id")
                {
                    return equals.Values.Where(_byId.ContainsKey).ToHashSet(StringComparer.Ordinal);
                }

                var name = "eq:" + string.Join('.', equals.Path);
                if (EnsureIndex(name, () => new EqualityIndex(name, body => SecondaryIndex.StringsAt(body, equals.Path), StringComparer.Ordinal)) is not EqualityIndex eq)
                {
                    return null;
                }

                if (equals.Values.Count == 1)
                {
                    return eq.Lookup(equals.Values[0]);
                }

                var union = new HashSet<string>(StringComparer.Ordinal);
                foreach (var value in equals.Values)
                {
                    union.UnionWith(eq.Lookup(value));
                }

                return union;
            case RangePlan range:
                var sortedName = "sorted:" + string.Join('.', range.Path);
                if (EnsureIndex(sortedName, () => new SortedIndex(sortedName, range.Path)) is not SortedIndex sorted)
                {
                    return null;
                }

                return sorted.Between(range.From, range.To).ToHashSet(StringComparer.Ordinal);
            case AnyOfPlan any:
                var all = new HashSet<string>(StringComparer.Ordinal);
                foreach (var part in any.Parts)
                {
                    if (Execute(part) is not { } ids)
                    {
                        return null;
                    }

                    all.UnionWith(ids);
                }

                return all;
            case AllOfPlan allOf:
                return Intersect(allOf);
            default:
                return null;
        }
    }

    /// <summary>
    /// Equality parts first (they are small); ranges on one path are merged into one window and used only when there is
    /// no equality part. Parts that cannot be served are skipped: the result stays a superset.
    /// </summary>
    private IReadOnlyCollection<string>? Intersect(AllOfPlan plan)
    {
        var parts = Flatten(plan).ToList();
        var equalities = parts.Where(p => p is not RangePlan).ToList();
        var selected = equalities.Count > 0 ? equalities : MergeRanges(parts.OfType<RangePlan>());
        HashSet<string>? result = null;
        foreach (var ids in selected.Select(Execute).Where(ids => ids is not null).OrderBy(ids => ids!.Count))
        {
            if (result is null)
            {
                result = new HashSet<string>(ids!, StringComparer.Ordinal);
            }
            else
            {
                result.IntersectWith(ids!);
            }

            if (result.Count == 0)
            {
                break;
            }
        }

        return result;
    }

    private static IEnumerable<IndexPlan> Flatten(IndexPlan plan) =>
        plan is AllOfPlan all ? all.Parts.SelectMany(Flatten) : [plan];

    private static List<IndexPlan> MergeRanges(IEnumerable<RangePlan> ranges) =>
        ranges.GroupBy(r => string.Join('\u001f', r.Path))
            .Select(g => (IndexPlan)new RangePlan(g.First().Path,
                g.Select(r => r.From).Where(f => f is not null).Max(StringComparer.Ordinal),
                g.Select(r => r.To).Where(t => t is not null).Min(StringComparer.Ordinal)))
            .ToList();

    private SecondaryIndex? EnsureIndex(string name, Func<SecondaryIndex> create, bool force = false)
    {
        if (_indexes.TryGetValue(name, out var existing))
        {
            return existing;
        }

        if (_indexes.Count >= MaxIndexes && !force)
        {
            return null;
        }

        var index = create();
        foreach (var resource in _bySequence.Values)
        {
            index.Add(resource);
        }

        _indexes[name] = index;
        return index;
    }
}

/// <summary>A named equality index with its own key function (e.g. case-insensitive customer emails).</summary>
internal sealed record IndexDefinition(string Name, Func<JsonElement, IEnumerable<string>> Keys, StringComparer Comparer);
