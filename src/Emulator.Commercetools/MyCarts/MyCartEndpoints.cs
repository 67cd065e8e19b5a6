using System.Text.Json;
using System.Text.Json.Nodes;
using Emulator.Commercetools.Auth;
using Emulator.Commercetools.Carts;
using Emulator.Commercetools.Infrastructure;
using Emulator.Commercetools.MyPayments;
using Emulator.Commercetools.Orders;
using Emulator.Commercetools.Predicates;
using Emulator.Commercetools.Store;

namespace Emulator.Commercetools.MyCarts;

/// <summary>
/// <c>/me/carts</c>, <c>/me/active-cart</c> and <c>/me/orders</c> for customer and anonymous tokens (<c>manage_my_orders</c>):
/// the owner is set from the token and other owners' carts and orders look like 404. Cart Extensions fire as usual.
/// </summary>
internal static class MyCartEndpoints
{
    private static readonly HashSet<string> ForbiddenActions = ["setCustomerId", "setAnonymousId"];

    public static void MapMyCartEndpoints(this IEndpointRouteBuilder api, CartBehavior carts)
    {
        var group = api.MapGroup("/me/carts").RequireScopes(ScopeArea.MyOrders);
        group.MapGet("/", Handlers.Of(http => Query(http, "cart")));
        group.MapGet("/{id}", Handlers.Of(http => JsonHttpResult.Ok(JsonUtil.ToObject(Find(http, "cart").Body))));
        group.MapPost("/", Handlers.Of(async http =>
        {
            var owner = Owner.From(http);
            var draft = await RequestBody.ReadObjectAsync(http.Request, http.RequestAborted);
            draft.Remove("customerId");
            draft.Remove("anonymousId");
            if (owner.CustomerId is not null)
            {
                draft["customerId"] = owner.CustomerId;
            }
            else
            {
                draft["anonymousId"] = owner.AnonymousId;
            }

            return JsonHttpResult.Created(await http.Service<ResourceService>().CreateAsync(carts, draft, ResourceEndpoints.CurrentActor(http), http.RequestAborted));
        }));
        group.MapPost("/{id}", Handlers.Of(async http =>
        {
            var body = await RequestBody.ReadObjectAsync(http.Request, http.RequestAborted);
            var (version, actions) = RequestBody.ReadUpdate(body);
            var current = Find(http, "cart");
            if (actions.FirstOrDefault(a => ForbiddenActions.Contains((string)a["action"]!)) is { } forbidden)
            {
                throw Errors.UnknownAction((string)forbidden["action"]!);
            }

            return JsonHttpResult.Ok(await http.Service<ResourceService>().UpdateAsync(carts, current, version, actions, ResourceEndpoints.CurrentActor(http), http.RequestAborted));
        }));
        group.MapDelete("/{id}", Handlers.Of(http =>
        {
            var version = RequestBody.ReadVersionQuery(http.Request);
            var current = Find(http, "cart");
            return JsonHttpResult.Ok(http.Service<ResourceService>().Delete(carts, current, version, ResourceEndpoints.CurrentActor(http)));
        }));

        api.MapGet("/me/active-cart", Handlers.Of(http =>
        {
            var owner = Owner.From(http);
            var active = owner.OwnedIn(http.Service<ResourceService>().Store.Collection("cart"))
                .Where(c => c.Body.GetProperty("cartState").GetString() == "Active")
                .OrderByDescending(c => c.Body.GetProperty("lastModifiedAt").GetString(), StringComparer.Ordinal)
                .FirstOrDefault()
                ?? throw Errors.NotFoundMessage("No active cart exists.");
            return JsonHttpResult.Ok(JsonUtil.ToObject(active.Body));
        })).RequireScopes(ScopeArea.MyOrders);

        var orders = api.MapGroup("/me/orders").RequireScopes(ScopeArea.MyOrders);
        var orderBehavior = new OrderBehavior();
        orders.MapGet("/", Handlers.Of(http => Query(http, "order")));
        orders.MapGet("/{id}", Handlers.Of(http => JsonHttpResult.Ok(JsonUtil.ToObject(Find(http, "order").Body))));
        orders.MapPost("/", Handlers.Of(http =>
        {
            var owner = Owner.From(http);
            return OrderEndpoints.CreateFromCart(http, http.Service<ResourceService>(), orderBehavior, carts, owner.Owns);
        }));
    }

    private static JsonHttpResult Query(HttpContext http, string typeId)
    {
        var owner = Owner.From(http);
        var parameters = QueryParameters.From(http.Request);
        var items = owner.OwnedIn(http.Service<ResourceService>().Store.Collection(typeId)).Select(r => r.Body);
        return JsonHttpResult.Ok(ResourceEndpoints.Page(parameters, items, JsonUtil.ToObject));
    }

    private static StoredResource Find(HttpContext http, string typeId)
    {
        var owner = Owner.From(http);
        var id = http.Route("id");
        var resource = http.Service<ResourceService>().Store.Collection(typeId).Get(id);
        return resource is not null && owner.Owns(resource.Body) ? resource : throw Errors.NotFound(id);
    }
}
