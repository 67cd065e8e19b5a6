using System.Text.Json.Nodes;
using Emulator.Commercetools.Auth;
using Emulator.Commercetools.Carts;
using Emulator.Commercetools.Infrastructure;
using Emulator.Commercetools.Store;

namespace Emulator.Commercetools.Orders;

internal static class OrderEndpoints
{
    public static void MapOrderEndpoints(this IEndpointRouteBuilder api, CartBehavior cartBehavior)
    {
        var behavior = new OrderBehavior();
        api.MapResource("/orders", behavior, ScopeArea.Orders, create: (http, service) => CreateFromCart(http, service, behavior, cartBehavior));
    }

    /// <summary>POST /orders with <c>{id, version}</c> of an Active cart. The cart becomes Ordered; if that loses a race the order is removed again.</summary>
    internal static async Task<IResult> CreateFromCart(HttpContext http, ResourceService service, OrderBehavior behavior, CartBehavior cartBehavior,
        Func<System.Text.Json.JsonElement, bool>? ownsCart = null, Func<JsonObject, JsonObject>? present = null)
    {
        var draft = await RequestBody.ReadObjectAsync(http.Request, http.RequestAborted);
        var cartIdentifier = JsonUtil.OptString(draft, "id") is { } id ? id : JsonUtil.OptObject(draft, "cart")?["id"]?.GetValue<string>();
        if (cartIdentifier is null)
        {
            throw Errors.InvalidJsonInput("id: Missing required value");
        }

        var version = JsonUtil.ReqLong(draft, "version");
        var cart = service.Store.Collection("cart").Get(cartIdentifier);
        if (cart is null || (ownsCart is not null && !ownsCart(cart.Body)))
        {
            throw Errors.ReferencedResourceNotFound("cart", cartIdentifier, null);
        }

        if (cart.Version != version)
        {
            throw Errors.ConcurrentModification(cart.Id, version, cart.Version);
        }

        var cartObject = JsonUtil.ToObject(cart.Body);
        if ((string?)cartObject["cartState"] is not ("Active" or "Frozen"))
        {
            throw Errors.InvalidOperation($"The cart is in state '{cartObject["cartState"]}' and cannot be ordered.");
        }

        if (((JsonArray)cartObject["lineItems"]!).Count == 0 && ((JsonArray)cartObject["customLineItems"]!).Count == 0)
        {
            throw Errors.InvalidOperation("An order cannot be created from an empty cart.");
        }

        draft[OrderBehavior.CartProperty] = cartObject;
        var actor = ResourceEndpoints.CurrentActor(http);
        var order = await service.CreateAsync(behavior, draft, actor, http.RequestAborted);
        try
        {
            cartObject["cartState"] = "Ordered";
            cartObject["version"] = cart.Version + 1;
            cartObject["lastModifiedAt"] = order["createdAt"]!.DeepClone();
            service.Store.Collection(cartBehavior.TypeId).Replace(cart.Id, cart.Version, cartObject);
        }
        catch (CtException)
        {
            var created = service.Store.Collection(behavior.TypeId).Get((string)order["id"]!);
            if (created is not null)
            {
                service.Store.Collection(behavior.TypeId).Delete(created.Id, created.Version);
            }

            throw;
        }

        return JsonHttpResult.Created(present is null ? order : present(order));
    }
}
