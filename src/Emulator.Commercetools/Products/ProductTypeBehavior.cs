using System.Text.Json.Nodes;
using Emulator.Commercetools.Infrastructure;
using Emulator.Commercetools.Store;

namespace Emulator.Commercetools.Products;

/// <summary>Product types: stored as given (attribute definitions are not enforced by the emulator).</summary>
internal sealed class ProductTypeBehavior : NamedResourceBehavior
{
    public override string TypeId => "product-type";

    protected override JsonObject FieldsFromDraft(JsonObject draft, ResourceContext context) => new()
    {
        ["description"] = JsonUtil.OptString(draft, "description") ?? string.Empty,
        ["attributes"] = JsonUtil.OptArray(draft, "attributes")?.DeepClone() ?? new JsonArray(),
    };

    protected override bool ApplyOwn(JsonObject resource, string action, JsonObject payload, ResourceContext context) => action switch
    {
        "changeDescription" => JsonUtil.SetIfChanged(resource, "description", JsonUtil.ReqString(payload, "description")),
        _ => throw UnknownAction(action),
    };
}
