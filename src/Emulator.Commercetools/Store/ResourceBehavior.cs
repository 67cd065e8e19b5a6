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

    protected static CtException UnknownAction(string action) => Errors.UnknownAction(action);
}
