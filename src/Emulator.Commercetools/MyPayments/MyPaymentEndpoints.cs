using System.Text.Json;
using System.Text.Json.Nodes;
using Emulator.Commercetools.Auth;
using Emulator.Commercetools.Infrastructure;
using Emulator.Commercetools.Payments;
using Emulator.Commercetools.Predicates;
using Emulator.Commercetools.Store;

namespace Emulator.Commercetools.MyPayments;

/// <summary>
/// <c>/me/payments</c> (commercetools My Payments): owner-scoped by the token's customer_id/anonymous_id, a restricted and token-masked
/// view, only Authorization/Charge transactions (always Initial), and no updates or deletes once a transaction exists.
/// Writes go through the normal payment pipeline, so payment Extensions and Messages apply.
/// </summary>
internal static class MyPaymentEndpoints
{
    private static readonly HashSet<string> AllowedActions =
    [
        "setMethodInfoInterface", "setMethodInfoMethod", "setMethodInfoName", "setMethodInfoInterfaceAccount", "setMethodInfoCustomType",
        "setMethodInfoCustomField", "addTransaction", "setCustomField", "setTransactionCustomField", "changeAmountPlanned",
    ];

    private static readonly string[] MyTransactionFields = ["timestamp", "type", "amount", "interactionId", "custom"];

    private static readonly string[] ViewFields = ["id", "version", "customer", "anonymousId", "amountPlanned", "paymentMethodInfo", "transactions", "custom"];

    public static void MapMyPaymentEndpoints(this IEndpointRouteBuilder api, PaymentBehavior payments)
    {
        var group = api.MapGroup("/me/payments").RequireScopes(ScopeArea.MyPayments);
        group.MapGet("/", Handlers.Of(http =>
        {
            var owner = Owner.From(http);
            var parameters = QueryParameters.From(http.Request);
            return JsonHttpResult.Ok(ResourceEndpoints.Page(parameters, OwnedViews(http, owner), JsonUtil.ToObject));
        }));
        group.MapMethods("/", [HttpMethods.Head], Handlers.Of(http =>
        {
            var owner = Owner.From(http);
            var parameters = QueryParameters.From(http.Request);
            return OwnedViews(http, owner).Any(parameters.Matches) ? Results.Ok() : Results.NotFound();
        }));
        group.MapGet("/{id}", Handlers.Of(http => JsonHttpResult.Ok(View(Find(http, Owner.From(http)).Body))));
        group.MapMethods("/{id}", [HttpMethods.Head], Handlers.Of(http =>
        {
            Find(http, Owner.From(http));
            return Results.Ok();
        }));
        group.MapPost("/", Handlers.Of(async http =>
        {
            var owner = Owner.From(http);
            var draft = await RequestBody.ReadObjectAsync(http.Request, http.RequestAborted);
            var paymentDraft = new JsonObject
            {
                ["amountPlanned"] = draft["amountPlanned"]?.DeepClone(),
                ["paymentMethodInfo"] = draft["paymentMethodInfo"]?.DeepClone(),
                ["custom"] = draft["custom"]?.DeepClone(),
            };
            if (JsonUtil.OptObject(draft, "transaction") is { } transaction)
            {
                paymentDraft["transactions"] = new JsonArray(MyTransaction(transaction));
            }

            if (owner.CustomerId is not null)
            {
                paymentDraft["customer"] = JsonUtil.Reference("customer", owner.CustomerId);
            }
            else
            {
                paymentDraft["anonymousId"] = owner.AnonymousId;
            }

            var created = await http.Service<ResourceService>().CreateStoredAsync(payments, paymentDraft, ResourceEndpoints.CurrentActor(http), http.RequestAborted);
            return JsonHttpResult.Created(View(created.Body));
        }));
        group.MapPost("/{id}", Handlers.Of(async http =>
        {
            var owner = Owner.From(http);
            var body = await RequestBody.ReadObjectAsync(http.Request, http.RequestAborted);
            var (version, actions) = RequestBody.ReadUpdate(body);
            var current = Find(http, owner);
            RequireNoTransactions(current, "updated");
            var checkedActions = actions.Select(CheckAction).ToList();
            var updated = await http.Service<ResourceService>().UpdateStoredAsync(payments, current, version, checkedActions, ResourceEndpoints.CurrentActor(http), http.RequestAborted);
            return JsonHttpResult.Ok(View(updated.Body));
        }));
        group.MapDelete("/{id}", Handlers.Of(http =>
        {
            var owner = Owner.From(http);
            var version = RequestBody.ReadVersionQuery(http.Request);
            var current = Find(http, owner);
            RequireNoTransactions(current, "deleted");
            var deleted = http.Service<ResourceService>().Delete(payments, current, version, ResourceEndpoints.CurrentActor(http));
            return JsonHttpResult.Ok(View(JsonUtil.ToElement(deleted)));
        }));
    }

    private static JsonObject CheckAction(JsonObject action)
    {
        var name = (string)action["action"]!;
        if (!AllowedActions.Contains(name))
        {
            throw Errors.UnknownAction(name);
        }

        if (name == "addTransaction")
        {
            var copy = (JsonObject)action.DeepClone();
            copy["transaction"] = MyTransaction(JsonUtil.ReqObject(action, "transaction"));
            return copy;
        }

        return action;
    }

    /// <summary>
    /// MyTransactionDraft: only Authorization or Charge, only its documented fields (no <c>interfaceId</c>, no <c>state</c>:
    /// always Initial). Other properties are dropped, so a shopper cannot write what the payment service provider owns.
    /// </summary>
    private static JsonObject MyTransaction(JsonObject draft)
    {
        var type = JsonUtil.ReqString(draft, "type", "transaction.type");
        if (type is not ("Authorization" or "Charge"))
        {
            throw Errors.InvalidField("transaction.type", type, "Only Authorization or Charge transactions can be added through My Payments.", ["Authorization", "Charge"]);
        }

        var copy = new JsonObject();
        foreach (var field in MyTransactionFields)
        {
            JsonUtil.Set(copy, field, draft[field]?.DeepClone());
        }

        copy["state"] = "Initial";
        return copy;
    }

    private static void RequireNoTransactions(StoredResource payment, string verb)
    {
        if (payment.Body.GetProperty("transactions").GetArrayLength() > 0)
        {
            throw Errors.InvalidOperation($"A Payment with transactions cannot be {verb} through My Payments.");
        }
    }

    private static IEnumerable<JsonElement> OwnedViews(HttpContext http, Owner owner) =>
        owner.OwnedIn(http.Service<ResourceService>().Store.Collection("payment")).Select(p => JsonUtil.ToElement(View(p.Body)));

    private static StoredResource Find(HttpContext http, Owner owner)
    {
        var id = http.Route("id");
        var payment = http.Service<ResourceService>().Store.Collection("payment").Get(id);
        // Other owners' payments are indistinguishable from missing ones.
        return payment is not null && owner.Owns(payment.Body) ? payment : throw Errors.NotFound(id);
    }

    public static JsonObject View(JsonElement payment)
    {
        var full = JsonUtil.ToObject(payment);
        var view = new JsonObject();
        foreach (var field in ViewFields)
        {
            JsonUtil.Set(view, field, full[field]?.DeepClone());
        }

        return PaymentBehavior.MaskToken(view);
    }
}
