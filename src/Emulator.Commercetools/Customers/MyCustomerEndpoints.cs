using System.Text.Json.Nodes;
using Emulator.Commercetools.Auth;
using Emulator.Commercetools.Infrastructure;
using Emulator.Commercetools.Store;

namespace Emulator.Commercetools.Customers;

/// <summary>
/// <c>GET /me</c> (<c>view_my_profile</c>) and <c>POST /me</c> (<c>manage_my_profile</c>) for a password-flow token: the
/// customer named by the token's <c>customer_id</c>, updated through the normal customer pipeline (Extensions, Messages,
/// versions). Only the MyCustomerUpdateAction set is accepted; anything else (<c>setKey</c>, <c>setExternalId</c>, ...) is
/// 400 InvalidJsonInput like an unknown action.
/// </summary>
internal static class MyCustomerEndpoints
{
    public static readonly IReadOnlySet<string> AllowedActions = new HashSet<string>(StringComparer.Ordinal)
    {
        "addAddress", "addBillingAddressId", "addShippingAddressId", "changeAddress", "changeEmail", "removeAddress",
        "removeBillingAddressId", "removeShippingAddressId", "setCompanyName", "setCustomField", "setCustomType", "setDateOfBirth",
        "setDefaultBillingAddress", "setDefaultShippingAddress", "setFirstName", "setLastName", "setLocale", "setMiddleName",
        "setSalutation", "setTitle", "setVatId",
    };

    public static void MapMyCustomerEndpoints(this IEndpointRouteBuilder api, CustomerBehavior customers)
    {
        api.MapGet("/me", Handlers.Of(http =>
            JsonHttpResult.Ok(ResourceEndpoints.Expanded(http, customers.Present(Find(http).Body))))).RequireScopes(ScopeArea.MyProfile);
        api.MapPost("/me", Handlers.Of(async http =>
        {
            var current = Find(http);
            var body = await RequestBody.ReadObjectAsync(http.Request, http.RequestAborted);
            var (version, actions) = RequestBody.ReadUpdate(body);
            foreach (var action in actions)
            {
                var name = (string)action["action"]!;
                if (!AllowedActions.Contains(name))
                {
                    throw Errors.UnknownAction(name);
                }
            }

            var service = http.Service<ResourceService>();
            var updated = await service.UpdateAsync(customers, current, version, actions, ResourceEndpoints.CurrentActor(http), http.RequestAborted);
            return JsonHttpResult.Ok(ResourceEndpoints.Expanded(http, updated));
        })).RequireScopes(ScopeArea.MyProfile);
    }

    private static StoredResource Find(HttpContext http)
    {
        var token = ApiAuthMiddleware.GetToken(http);
        if (token.CustomerId is null)
        {
            throw ApiAuthMiddleware.InsufficientScope(["customer_id"], http.Service<EmulatorOptions>().ProjectKey);
        }

        return http.Service<ResourceService>().Store.Collection("customer").Get(token.CustomerId)
            ?? throw Errors.NotFoundMessage($"The Customer with ID '{token.CustomerId}' was not found.");
    }
}
