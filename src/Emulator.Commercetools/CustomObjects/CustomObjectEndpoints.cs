using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Emulator.Commercetools.Auth;
using Emulator.Commercetools.Infrastructure;
using Emulator.Commercetools.Predicates;
using Emulator.Commercetools.Store;

namespace Emulator.Commercetools.CustomObjects;

/// <summary>Custom Objects: upsert by container/key with optional optimistic version.</summary>
internal static partial class CustomObjectEndpoints
{
    public const string TypeId = "key-value-document";

    public static void MapCustomObjectEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/custom-objects").RequireScopes(ScopeArea.CustomObjects);
        group.MapGet("/", Handlers.Of(http => Query(http, http.Service<ResourceStore>(), null)));
        group.MapPost("/", Handlers.Of(http => Upsert(http, http.Service<ResourceStore>(), http.Service<TimeProvider>())));
        group.MapGet("/{container}", Handlers.Of(http => Query(http, http.Service<ResourceStore>(), http.Route("container"))));
        group.MapGet("/{container}/{key}", Handlers.Of(http => JsonHttpResult.Ok(Find(http.Service<ResourceStore>(), http.Route("container"), http.Route("key")))));
        group.MapMethods("/{container}/{key}", [HttpMethods.Head], Handlers.Of(http =>
        {
            Find(http.Service<ResourceStore>(), http.Route("container"), http.Route("key"));
            return Results.Ok();
        }));
        group.MapDelete("/{container}/{key}", Handlers.Of(http =>
        {
            var store = http.Service<ResourceStore>();
            var container = http.Route("container");
            var key = http.Route("key");
            var current = store.Collection(TypeId).GetByKey(IndexKey(container, key)) ?? throw NotFound(container, key);
            var versionRaw = http.Request.Query["version"].ToString();
            var version = string.IsNullOrEmpty(versionRaw) ? current.Version : RequestBody.ReadVersionQuery(http.Request);
            return JsonHttpResult.Ok(JsonUtil.ToObject(store.Collection(TypeId).Delete(current.Id, version).Body));
        }));
    }

    private static JsonHttpResult Query(HttpContext http, ResourceStore store, string? container)
    {
        var parameters = QueryParameters.From(http.Request);
        var items = store.Collection(TypeId).All().Select(r => r.Body)
            .Where(b => container is null || b.GetProperty("container").GetString() == container);
        return JsonHttpResult.Ok(ResourceEndpoints.Page(parameters, items, JsonUtil.ToObject));
    }

    private static JsonObject Find(ResourceStore store, string container, string key) =>
        JsonUtil.ToObject((store.Collection(TypeId).GetByKey(IndexKey(container, key)) ?? throw NotFound(container, key)).Body);

    private static async Task<IResult> Upsert(HttpContext http, ResourceStore store, TimeProvider time)
    {
        var draft = await RequestBody.ReadObjectAsync(http.Request, http.RequestAborted);
        var container = JsonUtil.ReqString(draft, "container");
        var key = JsonUtil.ReqString(draft, "key");
        if (!NamePattern().IsMatch(container) || container.Length > 256)
        {
            throw Errors.InvalidField("container", container, $"The value '{container}' is not valid for field 'container'. Allowed are ^[-_~.a-zA-Z0-9]+$.");
        }

        if (!NamePattern().IsMatch(key) || key.Length > 256)
        {
            throw Errors.InvalidField("key", key, $"The value '{key}' is not valid for field 'key'. Allowed are ^[-_~.a-zA-Z0-9]+$.");
        }

        if (!draft.ContainsKey("value"))
        {
            throw Errors.InvalidJsonInput("value: Missing required value");
        }

        var value = draft["value"]?.DeepClone();
        JsonUtil.StripNulls(value);
        var expectedVersion = JsonUtil.OptLong(draft, "version");
        var actor = ResourceEndpoints.CurrentActor(http);
        var now = Timestamps.Format(time.GetUtcNow());
        var collection = store.Collection(TypeId);
        var current = collection.GetByKey(IndexKey(container, key));
        if (current is null)
        {
            if (expectedVersion is not null and not 0)
            {
                throw new CtException(409, Errors.Error("ConcurrentModification",
                    $"Object {container}/{key} does not exist; a version of {expectedVersion} cannot be expected."));
            }

            var created = new JsonObject
            {
                ["id"] = Guid.NewGuid().ToString(),
                ["version"] = 1L,
                ["versionModifiedAt"] = now,
                ["createdAt"] = now,
                ["lastModifiedAt"] = now,
                ["lastModifiedBy"] = actor.ToClientLogging(),
                ["createdBy"] = actor.ToClientLogging(),
                ["container"] = container,
                ["key"] = key,
                ["value"] = value,
            };
            try
            {
                collection.Insert(created);
            }
            catch (CtException ex) when (ex.Errors[0]["code"]?.GetValue<string>() == "DuplicateField")
            {
                // A concurrent writer created it first.
                throw new CtException(409, Errors.Error("ConcurrentModification", $"Object {container}/{key} was modified concurrently.", new JsonObject { ["currentVersion"] = 1L }));
            }

            return JsonHttpResult.Created(created);
        }

        if (expectedVersion is not null && expectedVersion != current.Version)
        {
            throw Errors.ConcurrentModification(current.Id, expectedVersion.Value, current.Version);
        }

        var updated = JsonUtil.ToObject(current.Body);
        updated["value"] = value;
        updated["version"] = current.Version + 1;
        updated["lastModifiedAt"] = now;
        updated["versionModifiedAt"] = now;
        updated["lastModifiedBy"] = actor.ToClientLogging();
        JsonUtil.StripNulls(updated);
        collection.Replace(current.Id, current.Version, updated);
        return JsonHttpResult.Ok(updated);
    }

    private static string IndexKey(string container, string key) => $"{container}\u001f{key}";

    private static CtException NotFound(string container, string key) =>
        Errors.NotFoundMessage($"The CustomObject with container '{container}' and key '{key}' was not found.");

    [GeneratedRegex("^[-_~.a-zA-Z0-9]+$")]
    private static partial Regex NamePattern();
}
