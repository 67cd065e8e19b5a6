using System.Text.Json;

namespace Emulator.Commercetools.Store;

/// <summary>
/// A secondary index of one collection, maintained under the collection lock on every write. <see cref="Keys"/> yields
/// the index keys of a document (none when it has no value there).
/// </summary>
internal abstract class SecondaryIndex(string name)
{
    public string Name { get; } = name;

    public abstract void Add(StoredResource resource);

    public abstract void Remove(StoredResource resource);

    /// <summary>
    /// The string values at <paramref name="path"/> as a query predicate sees them: objects are descended, an array on the
    /// way (or at the end) contributes each element, and only string leaves count (what an <c>=</c> on a string operand can match).
    /// </summary>
    public static IEnumerable<string> StringsAt(JsonElement element, string[] path, int depth = 0)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(path[depth], out var value))
        {
            yield break;
        }

        var last = depth == path.Length - 1;
        if (value.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in value.EnumerateArray())
            {
                if (last)
                {
                    if (item.ValueKind == JsonValueKind.String)
                    {
                        yield return item.GetString()!;
                    }
                }
                else
                {
                    foreach (var nested in StringsAt(item, path, depth + 1))
                    {
                        yield return nested;
                    }
                }
            }
        }
        else if (last)
        {
            if (value.ValueKind == JsonValueKind.String)
            {
                yield return value.GetString()!;
            }
        }
        else
        {
            foreach (var nested in StringsAt(value, path, depth + 1))
            {
                yield return nested;
            }
        }
    }
}

/// <summary>Key → ids of the documents having that key.</summary>
internal sealed class EqualityIndex(string name, Func<JsonElement, IEnumerable<string>> keys, StringComparer comparer) : SecondaryIndex(name)
{
    private readonly Dictionary<string, HashSet<string>> _ids = new(comparer);

    public override void Add(StoredResource resource)
    {
        foreach (var key in keys(resource.Body).Distinct(comparer))
        {
            if (!_ids.TryGetValue(key, out var set))
            {
                _ids[key] = set = new HashSet<string>(StringComparer.Ordinal);
            }

            set.Add(resource.Id);
        }
    }

    public override void Remove(StoredResource resource)
    {
        foreach (var key in keys(resource.Body))
        {
            if (_ids.TryGetValue(key, out var set) && set.Remove(resource.Id) && set.Count == 0)
            {
                _ids.Remove(key);
            }
        }
    }

    public IReadOnlyCollection<string> Lookup(string key) => _ids.TryGetValue(key, out var set) ? set : [];
}

/// <summary>String values in ordinal order (ties by creation sequence), for range predicates such as <c>lastModifiedAt</c> windows.</summary>
internal sealed class SortedIndex(string name, string[] path) : SecondaryIndex(name)
{
    private readonly SortedSet<(string Value, long Sequence, string Id)> _entries = new(EntryComparer.Instance);

    public override void Add(StoredResource resource)
    {
        foreach (var value in StringsAt(resource.Body, path).Distinct(StringComparer.Ordinal))
        {
            _entries.Add((value, resource.Sequence, resource.Id));
        }
    }

    public override void Remove(StoredResource resource)
    {
        foreach (var value in StringsAt(resource.Body, path).Distinct(StringComparer.Ordinal))
        {
            _entries.Remove((value, resource.Sequence, resource.Id));
        }
    }

    /// <summary>Ids with a value in [from, to] (either bound may be open).</summary>
    public IEnumerable<string> Between(string? from, string? to)
    {
        if (_entries.Count == 0 || (from is not null && to is not null && string.CompareOrdinal(from, to) > 0))
        {
            return [];
        }

        var lower = from is null ? _entries.Min : (from, long.MinValue, string.Empty);
        var upper = to is null ? _entries.Max : (to, long.MaxValue, string.Empty);
        if (EntryComparer.Instance.Compare(lower, upper) > 0)
        {
            return [];
        }

        return _entries.GetViewBetween(lower, upper).Select(e => e.Id);
    }

    private sealed class EntryComparer : IComparer<(string Value, long Sequence, string Id)>
    {
        public static readonly EntryComparer Instance = new();

        public int Compare((string Value, long Sequence, string Id) x, (string Value, long Sequence, string Id) y)
        {
            var byValue = string.CompareOrdinal(x.Value, y.Value);
            return byValue != 0 ? byValue : x.Sequence.CompareTo(y.Sequence);
        }
    }
}
