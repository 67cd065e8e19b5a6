using System.Text.Json.Nodes;
using Emulator.Commercetools.Infrastructure;

namespace Emulator.Commercetools.Store;

/// <summary>
/// How an update action names an entry of a list inside a resource (a line item, delivery, parcel or tax rate): by
/// <c>&lt;name&gt;Id</c> or <c>&lt;name&gt;Key</c> in its payload, either one matching.
/// </summary>
internal readonly record struct EntryRef(string? Id, string? Key)
{
    public static EntryRef From(JsonObject payload, string name) =>
        new(JsonUtil.OptString(payload, name + "Id"), JsonUtil.OptString(payload, name + "Key"));

    /// <summary>How error messages name the entry: its id, else its key.</summary>
    public string? Name => Id ?? Key;

    public bool Matches(JsonObject entry) =>
        (Id is not null && (string?)entry["id"] == Id) || (Key is not null && (string?)entry["key"] == Key);

    /// <summary>The first entry of <paramref name="entries"/> this names, or <paramref name="notFound"/> thrown.</summary>
    public JsonObject Find(JsonArray entries, Func<EntryRef, CtException> notFound)
    {
        var self = this;
        return entries.OfType<JsonObject>().FirstOrDefault(self.Matches) ?? throw notFound(this);
    }
}
