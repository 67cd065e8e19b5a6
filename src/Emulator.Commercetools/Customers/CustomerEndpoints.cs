using System.Text.Json.Nodes;
using Emulator.Commercetools.Auth;
using Emulator.Commercetools.Infrastructure;
using Emulator.Commercetools.Store;

namespace Emulator.Commercetools.Customers;

internal static class CustomerEndpoints
{
    public static void MapCustomerEndpoints(this IEndpointRouteBuilder api)
    {
        var behavior = new CustomerBehavior();
        // POST /customers answers with a CustomerSignInResult.
        api.MapResource("/customers", behavior, ScopeArea.Customers, wrapCreated: customer => new JsonObject { ["customer"] = customer });
        api.MapMyCustomerEndpoints(behavior);

        api.MapPost("/login", Handlers.Of(async http =>
        {
            var service = http.Service<ResourceService>();
            var body = await RequestBody.ReadObjectAsync(http.Request, http.RequestAborted);
            var email = JsonUtil.ReqString(body, "email");
            var password = JsonUtil.ReqString(body, "password");
            var customer = CustomerBehavior.FindByEmail(service.Store, email);
            var hash = customer is { } c && c.TryGetProperty("password", out var p) ? p.GetString() : null;
            if (hash is null || !PasswordHasher.Verify(password, hash))
            {
                throw new CtException(400, Errors.Error("InvalidCredentials", "Account with the given credentials not found."));
            }

            return JsonHttpResult.Ok(new JsonObject { ["customer"] = JsonUtil.ToObject(customer!.Value) });
        })).RequireScopes(ScopeArea.Customers);

        api.MapPost("/customers/password", Handlers.Of(async http =>
        {
            var service = http.Service<ResourceService>();
            var body = await RequestBody.ReadObjectAsync(http.Request, http.RequestAborted);
            var current = service.Resolve(behavior, JsonUtil.ReqString(body, "id"));
            var version = JsonUtil.ReqLong(body, "version");
            var currentPassword = JsonUtil.ReqString(body, "currentPassword");
            var newPassword = JsonUtil.ReqString(body, "newPassword");
            var hash = current.Body.TryGetProperty("password", out var p) ? p.GetString() : null;
            if (!PasswordHasher.Verify(currentPassword, hash))
            {
                throw new CtException(400, Errors.Error("InvalidCurrentPassword", "The given current password does not match."));
            }

            var actions = new List<JsonObject> { new() { ["action"] = "setAuthenticationMode", ["authMode"] = "Password", ["password"] = newPassword } };
            return JsonHttpResult.Ok(await service.UpdateAsync(behavior, current, version, actions, ResourceEndpoints.CurrentActor(http), http.RequestAborted));
        })).RequireScopes(ScopeArea.Customers);
    }
}
