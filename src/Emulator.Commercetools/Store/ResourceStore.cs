using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Emulator.Commercetools.Store;

/// <summary>All collections of the emulated project, keyed by typeId (<c>payment</c>, <c>type</c>, <c>key-value-document</c>, ...).</summary>
internal sealed class ResourceStore : IDisposable
{
    private readonly ConcurrentDictionary<string, ResourceCollection> _collections = new(StringComparer.Ordinal);
    private readonly IResourcePersistence? _persistence;

    public ResourceStore(IResourcePersistence? persistence = null)
    {
        _persistence = persistence;
        if (persistence is not null)
        {
            foreach (var (typeId, id, json) in persistence.LoadAll())
            {
                using var doc = System.Text.Json.JsonDocument.Parse(json);
                Collection(typeId).Restore(id, doc.RootElement);
            }
        }
    }

    public void Dispose() => (_persistence as IDisposable)?.Dispose();

    public ResourceCollection Collection(string typeId) =>
        _collections.GetOrAdd(typeId, t => new ResourceCollection(t, KeySelectorFor(t), _persistence));

    private static Func<JsonObject, string?> KeySelectorFor(string typeId) => typeId switch
    {
        "key-value-document" => body => $"{(string?)body["container"]}\u001f{(string?)body["key"]}",
        "customer" => body => (string?)body["key"],
        _ => ResourceCollection.KeyProperty,
    };
}
