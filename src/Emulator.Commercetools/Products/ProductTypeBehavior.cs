using System.Text.Json.Nodes;
using Emulator.Commercetools.Infrastructure;
using Emulator.Commercetools.Store;

namespace Emulator.Commercetools.Products;

/// <summary>Product types: stored as given (attribute definitions are not enforced by the emulator).</summary>
internal sealed class ProductTypeBehavior : ResourceBehavior
{
    public override string TypeId => "product-type";

    public override JsonObject CreateFromDraft(JsonObject draft, ResourceContext context)
    {
        var key = JsonUtil.OptString(draft, "key");
        JsonUtil.ValidateKey(key);
        return new JsonObject
        {
            ["key"] = key,
            ["name"] = JsonUtil.ReqString(draft, "name"),
            ["description"] = JsonUtil.OptString(draft, "description") ?? string.Empty,
            ["attributes"] = JsonUtil.OptArray(draft, "attributes")?.DeepClone() ?? new JsonArray(),
        };
    }

    public override bool Apply(JsonObject resource, string action, JsonObject payload, ResourceContext context) => action switch
    {
        "changeName" => JsonUtil.SetIfChanged(resource, "name", JsonUtil.ReqString(payload, "name")),
        "changeDescription" => JsonUtil.SetIfChanged(resource, "description", JsonUtil.ReqString(payload, "description")),
        "setKey" => JsonUtil.SetIfChanged(resource, "key", JsonUtil.OptString(payload, "key")),
        _ => throw UnknownAction(action),
    };
}
