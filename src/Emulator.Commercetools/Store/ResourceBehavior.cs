using System.Text.Json;
using System.Text.Json.Nodes;
using Emulator.Commercetools.Infrastructure;

namespace Emulator.Commercetools.Store;

/// <summary>What is specific to one resource type: draft validation, update actions, commit-time rules and the public view.</summary>
internal abstract class ResourceBehavior
{
    public abstract string TypeId { get; }

    /// <summary>The typeId used in Extension triggers, or null when Extensions do not apply.</summary>
    public virtual string? ExtensionTypeId => null;

    /// <summary>Builds the resource body (without id, version and timestamps) from a draft.</summary>
    public abstract JsonObject CreateFromDraft(JsonObject draft, ResourceContext context);

    /// <summary>Applies one update action in place; returns whether it changed anything (only then is the version bumped).</summary>
    public abstract bool Apply(JsonObject resource, string action, JsonObject payload, ResourceContext context);

    /// <summary>Uniqueness rules across documents, checked under the collection lock at commit (look others up through indexes, never scan).</summary>
    public virtual void ValidateCommit(JsonObject resource, ResourceCollection collection)
    {
    }

    public virtual void OnCreated(JsonObject resource, ResourceContext context)
    {
    }

    public virtual void OnDeleted(JsonObject resource, ResourceContext context)
    {
    }

    /// <summary>Runs after a successful commit (outside the collection lock), for rules spanning several documents.</summary>
    public virtual void AfterCommit(JsonObject resource, ResourceService service, Actor actor)
    {
    }

    /// <summary>The representation returned by the API (e.g. masked secrets).</summary>
    public virtual JsonObject Present(JsonElement body) => JsonUtil.ToObject(body);

    /// <summary>Whether <see cref="Present"/> answers the stored document unchanged (then its stored bytes are the answer).</summary>
    public virtual bool PresentsStoredDocument => true;

    protected static CtException UnknownAction(string action) => Errors.UnknownAction(action);

    /// <summary>The <c>key</c> of a draft or a setKey action, checked against the pattern commercetools allows for keys.</summary>
    protected static string? KeyOf(JsonObject draftOrPayload)
    {
        var key = JsonUtil.OptString(draftOrPayload, "key");
        JsonUtil.ValidateKey(key);
        return key;
    }

    /// <summary>The setKey update action: a checked key, or none when the payload has none.</summary>
    protected static bool SetKey(JsonObject resource, JsonObject payload) => JsonUtil.SetIfChanged(resource, "key", KeyOf(payload));

    /// <summary><paramref name="value"/> if it is one of <paramref name="allowed"/>; otherwise InvalidField listing the allowed values.</summary>
    protected static string OneOf(string value, string field, string[] allowed) =>
        allowed.Contains(value) ? value : throw Errors.InvalidField(field, value, null, new JsonArray(allowed.Select(a => (JsonNode?)a).ToArray()));
}
