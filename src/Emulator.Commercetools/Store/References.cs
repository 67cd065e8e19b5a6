using System.Text.Json.Nodes;
using Emulator.Commercetools.Infrastructure;

namespace Emulator.Commercetools.Store;

internal static class References
{
    /// <summary>Resolves a ResourceIdentifier <c>{typeId?, id|key}</c> to a Reference <c>{typeId, id}</c>, checking that the target exists.</summary>
    public static JsonObject Resolve(ResourceStore store, JsonObject identifier, string typeId, string path)
    {
        var id = JsonUtil.OptString(identifier, "id", path + ".id");
        var key = JsonUtil.OptString(identifier, "key", path + ".key");
        if ((id is null) == (key is null))
        {
            throw Errors.InvalidJsonInput($"{path}: a ResourceIdentifier needs exactly one of 'id' or 'key'.");
        }

        var givenTypeId = JsonUtil.OptString(identifier, "typeId", path + ".typeId");
        if (givenTypeId is not null && givenTypeId != typeId)
        {
            throw Errors.InvalidJsonInput($"{path}.typeId: expected '{typeId}' but got '{givenTypeId}'.");
        }

        var collection = store.Collection(typeId);
        var stored = id is not null ? collection.Get(id) : collection.GetByKey(key!);
        return stored is null
            ? throw Errors.ReferencedResourceNotFound(typeId, id, key)
            : JsonUtil.Reference(typeId, stored.Id);
    }

    public static JsonObject? ResolveOptional(ResourceStore store, JsonObject payload, string property, string typeId) =>
        JsonUtil.OptObject(payload, property) is { } identifier ? Resolve(store, identifier, typeId, property) : null;
}
