using Emulator.Commercetools.Auth;
using Emulator.Commercetools.Infrastructure;
using Emulator.Commercetools.Predicates;
using Emulator.Commercetools.Store;

namespace Emulator.Commercetools.Messages;

internal static class MessageEndpoints
{
    public static void MapMessageEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/messages").RequireScopes(ScopeArea.Messages);
        group.MapGet("/", Handlers.Of(http =>
        {
            var parameters = QueryParameters.From(http.Request);
            var items = http.Service<ResourceStore>().Collection("message").Candidates(parameters.Plan).Select(r => r.Body);
            return JsonHttpResult.Ok(ResourceEndpoints.Page(parameters, items, JsonUtil.ToObject));
        }));
        group.MapGet("/{id}", Handlers.Of(http =>
        {
            var id = http.Route("id");
            var message = http.Service<ResourceStore>().Collection("message").Get(id) ?? throw Errors.NotFound(id);
            return JsonHttpResult.Ok(JsonUtil.ToObject(message.Body));
        }));
    }
}
