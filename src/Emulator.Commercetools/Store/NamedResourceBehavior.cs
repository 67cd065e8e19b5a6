using System.Text.Json.Nodes;
using Emulator.Commercetools.Infrastructure;

namespace Emulator.Commercetools.Store;

/// <summary>
/// Reference data a merchant names (zones, tax categories, shipping methods, product types): the body starts with an
/// optional key and a required plain-text name, which changeName and setKey update alike for all of them (setKey checks
/// the key as a draft's is checked, as commercetools does). The rest of
/// the body and the other update actions are each type's own.
/// </summary>
internal abstract class NamedResourceBehavior : ResourceBehavior
{
    public sealed override JsonObject CreateFromDraft(JsonObject draft, ResourceContext context)
    {
        var key = KeyOf(draft);
        var name = JsonUtil.ReqString(draft, "name");
        var resource = FieldsFromDraft(draft, context);
        resource.Insert(0, "key", key);
        resource.Insert(1, "name", name);
        return resource;
    }

    /// <summary>The fields after key and name, read from the draft (after key and name are checked).</summary>
    protected abstract JsonObject FieldsFromDraft(JsonObject draft, ResourceContext context);

    public sealed override bool Apply(JsonObject resource, string action, JsonObject payload, ResourceContext context) => action switch
    {
        "changeName" => JsonUtil.SetIfChanged(resource, "name", JsonUtil.ReqString(payload, "name")),
        "setKey" => SetKey(resource, payload),
        _ => ApplyOwn(resource, action, payload, context),
    };

    /// <summary>The type's other update actions, as <see cref="ResourceBehavior.Apply"/>.</summary>
    protected virtual bool ApplyOwn(JsonObject resource, string action, JsonObject payload, ResourceContext context) => throw UnknownAction(action);
}
