using System.Text.Json.Nodes;
using Emulator.Commercetools.Extensions;
using Emulator.Commercetools.Infrastructure;
using Emulator.Commercetools.Messages;
using Emulator.Commercetools.Types;

namespace Emulator.Commercetools.Store;

/// <summary>
/// The write pipeline shared by all resources: caller's actions → matching Extensions (their actions applied in the same
/// write, each effective action bumping the version) → one compare-and-swap commit → Messages. Nothing is persisted on failure.
/// </summary>
internal sealed class ResourceService(ResourceStore store, ExtensionInvoker extensions, MessageLog messages, TimeProvider time, CustomFieldService customFields)
{
    public ResourceStore Store => store;

    public ResourceContext NewContext(Actor actor) => new(store, customFields, actor, time.GetUtcNow());

    public StoredResource Resolve(ResourceBehavior behavior, string segment)
    {
        var collection = store.Collection(behavior.TypeId);
        if (segment.StartsWith("key=", StringComparison.Ordinal))
        {
            var key = segment[4..];
            return collection.GetByKey(key) ?? throw Errors.NotFoundMessage($"The Resource with key '{key}' was not found.");
        }

        if (segment.StartsWith("order-number=", StringComparison.Ordinal))
        {
            var orderNumber = segment["order-number=".Length..];
            return collection.WithValue(Orders.OrderBehavior.OrderNumberPath, orderNumber).FirstOrDefault()
                ?? throw Errors.NotFoundMessage($"The Resource with orderNumber '{orderNumber}' was not found.");
        }

        return collection.Get(segment) ?? throw Errors.NotFound(segment);
    }

    public async Task<JsonObject> CreateAsync(ResourceBehavior behavior, JsonObject draft, Actor actor, CancellationToken cancellationToken, string? id = null) =>
        (await CreateCoreAsync(behavior, draft, actor, cancellationToken, id)).Resource;

    /// <summary>Creates like <see cref="CreateAsync"/> and returns the committed document as stored (its bytes can be answered as they are).</summary>
    public async Task<StoredResource> CreateStoredAsync(ResourceBehavior behavior, JsonObject draft, Actor actor, CancellationToken cancellationToken) =>
        (await CreateCoreAsync(behavior, draft, actor, cancellationToken, null)).Stored;

    private async Task<(JsonObject Resource, StoredResource Stored)> CreateCoreAsync(ResourceBehavior behavior, JsonObject draft, Actor actor, CancellationToken cancellationToken, string? id)
    {
        var context = NewContext(actor);
        var built = behavior.CreateFromDraft(draft, context);
        var resource = new JsonObject
        {
            ["id"] = id ?? Guid.NewGuid().ToString(),
            ["version"] = 1L,
            ["versionModifiedAt"] = context.NowText,
            ["createdAt"] = context.NowText,
            ["lastModifiedAt"] = context.NowText,
            ["lastModifiedBy"] = actor.ToClientLogging(),
            ["createdBy"] = actor.ToClientLogging(),
        };
        foreach (var (name, value) in built.ToList())
        {
            built.Remove(name);
            resource[name] = value;
        }

        JsonUtil.StripNulls(resource);
        context.PendingVersion = 1;
        behavior.OnCreated(resource, context);
        var version = await RunExtensionsAsync(behavior, "Create", resource, null, 1, context, cancellationToken);
        Finish(resource, version, context, changed: version > 1);
        var stored = store.Collection(behavior.TypeId).Insert(resource, behavior.ValidateCommit);
        Publish(behavior, resource, context);
        messages.Changed("ResourceCreated", behavior.TypeId, resource, null);
        behavior.AfterCommit(resource, this, actor);
        return (resource, stored);
    }

    public async Task<JsonObject> UpdateAsync(ResourceBehavior behavior, StoredResource current, long expectedVersion, IReadOnlyList<JsonObject> actions, Actor actor, CancellationToken cancellationToken) =>
        behavior.Present((await UpdateStoredAsync(behavior, current, expectedVersion, actions, actor, cancellationToken)).Body);

    /// <summary>Updates like <see cref="UpdateAsync"/> and returns the document as stored afterwards (<paramref name="current"/> when nothing changed).</summary>
    public async Task<StoredResource> UpdateStoredAsync(ResourceBehavior behavior, StoredResource current, long expectedVersion, IReadOnlyList<JsonObject> actions, Actor actor, CancellationToken cancellationToken)
    {
        if (expectedVersion != current.Version)
        {
            throw Errors.ConcurrentModification(current.Id, expectedVersion, current.Version);
        }

        var context = NewContext(actor);
        var resource = JsonUtil.ToObject(current.Body);
        // The previous version only matters to Extensions (their payload carries it).
        var old = behavior.ExtensionTypeId is not null && store.Collection("extension").Count > 0 ? JsonUtil.ToObject(current.Body) : null;
        var version = ApplyAll(behavior, resource, actions, current.Version, context);
        Finish(resource, version, context, changed: version != current.Version);
        version = await RunExtensionsAsync(behavior, "Update", resource, old, version, context, cancellationToken);
        if (version == current.Version)
        {
            return current;
        }

        Finish(resource, version, context, changed: true);
        var stored = store.Collection(behavior.TypeId).Replace(current.Id, current.Version, resource, behavior.ValidateCommit);
        Publish(behavior, resource, context);
        messages.Changed("ResourceUpdated", behavior.TypeId, resource, current.Version);
        behavior.AfterCommit(resource, this, actor);
        return stored;
    }

    public JsonObject Delete(ResourceBehavior behavior, StoredResource current, long expectedVersion, Actor actor)
    {
        var deleted = store.Collection(behavior.TypeId).Delete(current.Id, expectedVersion);
        var context = NewContext(actor);
        var resource = JsonUtil.ToObject(deleted.Body);
        context.PendingVersion = deleted.Version;
        behavior.OnDeleted(resource, context);
        Publish(behavior, resource, context);
        messages.Changed("ResourceDeleted", behavior.TypeId, resource, null);
        return behavior.Present(deleted.Body);
    }

    private static long ApplyAll(ResourceBehavior behavior, JsonObject resource, IReadOnlyList<JsonObject> actions, long version, ResourceContext context)
    {
        foreach (var action in actions)
        {
            var name = JsonUtil.ReqString(action, "action");
            context.PendingVersion = version + 1;
            var before = context.Messages.Count;
            if (behavior.Apply(resource, name, action, context))
            {
                version++;
            }
            else
            {
                context.Messages.RemoveRange(before, context.Messages.Count - before);
            }
        }

        return version;
    }

    private async Task<long> RunExtensionsAsync(ResourceBehavior behavior, string trigger, JsonObject resource, JsonObject? old, long version, ResourceContext context, CancellationToken cancellationToken)
    {
        if (behavior.ExtensionTypeId is not { } extensionTypeId)
        {
            return version;
        }

        resource["version"] = version;
        foreach (var extension in extensions.Matching(extensionTypeId, trigger, resource))
        {
            var actions = await extensions.CallAsync(extension, extensionTypeId, trigger, resource, old, cancellationToken);
            try
            {
                version = ApplyAll(behavior, resource, actions, version, context);
            }
            catch (CtException ex) when (ex.StatusCode == 400)
            {
                throw ExtensionInvoker.UpdateActionsFailed(extension, ex.Errors);
            }
            catch (InvalidOperationException ex) when (ex.Source == "System.Text.Json")
            {
                throw ExtensionInvoker.UpdateActionsFailed(extension, Errors.InvalidJsonInput(ex.Message).Errors);
            }

            resource["version"] = version;
        }

        return version;
    }

    private static void Finish(JsonObject resource, long version, ResourceContext context, bool changed)
    {
        resource["version"] = version;
        if (changed)
        {
            resource["lastModifiedAt"] = context.NowText;
            resource["versionModifiedAt"] = context.NowText;
            resource["lastModifiedBy"] = context.Actor.ToClientLogging();
        }

        JsonUtil.StripNulls(resource);
    }

    private void Publish(ResourceBehavior behavior, JsonObject resource, ResourceContext context)
    {
        messages.Publish(behavior.TypeId, resource, context.Messages, context.Actor);
    }

    /// <summary>
    /// A system-side update of another document (no Extensions, no caller version): re-read and compare-and-swap until
    /// it commits or <paramref name="mutate"/> reports nothing to change.
    /// </summary>
    public void SystemUpdate(ResourceBehavior behavior, string id, Actor actor, Func<JsonObject, ResourceContext, bool> mutate)
    {
        while (true)
        {
            var current = store.Collection(behavior.TypeId).Get(id);
            if (current is null)
            {
                return;
            }

            var context = NewContext(actor);
            context.PendingVersion = current.Version + 1;
            var resource = JsonUtil.ToObject(current.Body);
            if (!mutate(resource, context))
            {
                return;
            }

            Finish(resource, current.Version + 1, context, changed: true);
            try
            {
                store.Collection(behavior.TypeId).Replace(id, current.Version, resource, behavior.ValidateCommit);
            }
            catch (CtException ex) when (ex.StatusCode == 409)
            {
                continue;
            }

            Publish(behavior, resource, context);
            messages.Changed("ResourceUpdated", behavior.TypeId, resource, current.Version);
            return;
        }
    }
}
