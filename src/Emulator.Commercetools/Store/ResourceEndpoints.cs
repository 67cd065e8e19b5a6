using System.Text.Json;
using System.Text.Json.Nodes;
using Emulator.Commercetools.Auth;
using Emulator.Commercetools.Infrastructure;
using Emulator.Commercetools.Predicates;

namespace Emulator.Commercetools.Store;

/// <summary>The standard route set of a commercetools resource: query/HEAD/create on the collection, get/HEAD/update/delete by id or <c>key=</c>.</summary>
internal static class ResourceEndpoints
{
    public static RouteGroupBuilder MapResource(this IEndpointRouteBuilder api, string path, ResourceBehavior behavior, ScopeArea scopes,
        Func<JsonObject, JsonObject>? wrapCreated = null, bool allowDelete = true, Func<HttpContext, ResourceService, Task<IResult>>? create = null)
    {
        var group = api.MapGroup(path);
        group.RequireScopes(scopes);

        group.MapGet("/", Handlers.Of(http => Query(http, http.Service<ResourceService>(), behavior)));
        group.MapMethods("/", [HttpMethods.Head], Handlers.Of(http => Exists(http, http.Service<ResourceService>(), behavior)));
        group.MapPost("/", Handlers.Of(async http =>
        {
            var service = http.Service<ResourceService>();
            if (create is not null)
            {
                return await create(http, service);
            }

            var draft = await RequestBody.ReadObjectAsync(http.Request, http.RequestAborted);
            var created = await service.CreateStoredAsync(behavior, draft, CurrentActor(http), http.RequestAborted);
            return wrapCreated is null
                ? View(http, behavior, created.Body, StatusCodes.Status201Created)
                : JsonHttpResult.Created(wrapCreated(Expanded(http, behavior.Present(created.Body))));
        }));
        group.MapGet("/{segment}", Handlers.Of(http =>
            View(http, behavior, http.Service<ResourceService>().Resolve(behavior, http.Route("segment")).Body)));
        group.MapMethods("/{segment}", [HttpMethods.Head], Handlers.Of(http =>
        {
            http.Service<ResourceService>().Resolve(behavior, http.Route("segment"));
            return Results.Ok();
        }));
        group.MapPost("/{segment}", Handlers.Of(async http =>
        {
            var service = http.Service<ResourceService>();
            var body = await RequestBody.ReadObjectAsync(http.Request, http.RequestAborted);
            var (version, actions) = RequestBody.ReadUpdate(body);
            var current = service.Resolve(behavior, http.Route("segment"));
            return View(http, behavior, (await service.UpdateStoredAsync(behavior, current, version, actions, CurrentActor(http), http.RequestAborted)).Body);
        }));
        if (allowDelete)
        {
            group.MapDelete("/{segment}", Handlers.Of(http =>
            {
                var service = http.Service<ResourceService>();
                var version = RequestBody.ReadVersionQuery(http.Request);
                var current = service.Resolve(behavior, http.Route("segment"));
                return JsonHttpResult.Ok(service.Delete(behavior, current, version, CurrentActor(http)));
            }));
        }

        return group;
    }

    public static Actor CurrentActor(HttpContext http) => Actor.From(ApiAuthMiddleware.GetToken(http));

    public static IResult Query(HttpContext http, ResourceService service, ResourceBehavior behavior, Func<JsonElement, bool>? filter = null)
    {
        var parameters = QueryParameters.From(http.Request);
        var items = service.Store.Collection(behavior.TypeId).Candidates(parameters.Plan).Select(r => r.Body);
        if (filter is not null)
        {
            items = items.Where(filter);
        }

        return JsonHttpResult.Ok(Page(parameters, items, body => Expanded(http, behavior.Present(body))));
    }

    /// <summary>
    /// The answer for one stored document: its stored bytes when the resource is shown as stored and nothing is expanded,
    /// otherwise its presentation with the request's <c>expand</c> parameters applied.
    /// </summary>
    public static JsonHttpResult View(HttpContext http, ResourceBehavior behavior, JsonElement body, int statusCode = StatusCodes.Status200OK) =>
        behavior.PresentsStoredDocument && !http.Request.Query.ContainsKey("expand")
            ? JsonHttpResult.Stored(body, statusCode)
            : new JsonHttpResult(Expanded(http, behavior.Present(body)), statusCode);

    /// <summary>Applies the request's <c>expand</c> parameters.</summary>
    public static JsonObject Expanded(HttpContext http, JsonObject view)
    {
        var paths = http.Request.Query["expand"].Where(p => !string.IsNullOrEmpty(p)).Select(p => p!).ToList();
        return paths.Count == 0 ? view : ReferenceExpander.Expand(view, paths, http.Service<ResourceStore>());
    }

    public static JsonObject Page(QueryParameters parameters, IEnumerable<JsonElement> items, Func<JsonElement, JsonObject> present)
    {
        var filtered = items.Where(parameters.Matches);
        // Without a total and without a sort, matching stops once the page is full.
        var matching = parameters.WithTotal || parameters.Sort.Count > 0
            ? parameters.ApplySort(filtered).ToList()
            : filtered.Take(parameters.Offset + parameters.Limit).ToList();
        var results = matching.Skip(parameters.Offset).Take(parameters.Limit).Select(present).ToList();
        var page = new JsonObject
        {
            ["limit"] = parameters.Limit,
            ["offset"] = parameters.Offset,
            ["count"] = results.Count,
        };
        if (parameters.WithTotal)
        {
            page["total"] = matching.Count;
        }

        page["results"] = new JsonArray(results.Select(r => (JsonNode)r).ToArray());
        return page;
    }

    public static IResult Exists(HttpContext http, ResourceService service, ResourceBehavior behavior, Func<JsonElement, bool>? filter = null)
    {
        var parameters = QueryParameters.From(http.Request);
        var any = service.Store.Collection(behavior.TypeId).Candidates(parameters.Plan).Any(r => (filter is null || filter(r.Body)) && parameters.Matches(r.Body));
        return any ? Results.Ok() : Results.NotFound();
    }
}
