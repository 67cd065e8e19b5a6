using System.Net;
using System.Text.Json.Nodes;

namespace Sandbox.Demo;

/// <summary>
/// The payment steps a storefront BFF performs for the PayPal connector, all through commercetools: create a Payment of the
/// connector's custom type, attach it to the cart, and set <c>&lt;operation&gt;Request</c> fields; the connector answers
/// inside the same update (API extension), so the response fields are on the payment the update returns.
/// </summary>
internal sealed class DemoCheckout(DemoCommercetools api)
{
    public const string PaymentTypeKey = "paypal-payment-type";

    /// <summary>Creates the payment for the cart's gross total, attaches it and asks the connector for a PayPal order.</summary>
    public async Task<(JsonObject Payment, JsonObject Order)> StartAsync(DemoCartView cart, string method, JsonObject createRequest, CancellationToken cancellationToken)
    {
        var payment = (await api.PostAsync("/payments", new JsonObject
        {
            ["amountPlanned"] = DemoCatalog.Money(cart.GrossCents),
            ["paymentMethodInfo"] = new JsonObject { ["paymentInterface"] = "PayPal", ["method"] = method },
            ["custom"] = new JsonObject { ["type"] = new JsonObject { ["typeId"] = "type", ["key"] = PaymentTypeKey }, ["fields"] = new JsonObject() },
        }, cancellationToken)).EnsureSuccess("creating the payment");
        var paymentId = payment["id"]!.GetValue<string>();

        // The connector finds the cart through the payment reference, so the payment must be on the cart before the order.
        (await api.UpdateAsync($"/carts/{cart.Id}", cart.Version, cancellationToken, new JsonObject
        {
            ["action"] = "addPayment",
            ["payment"] = new JsonObject { ["typeId"] = "payment", ["id"] = paymentId },
        })).EnsureSuccess("adding the payment to the cart");

        try
        {
            payment = await SetRequestAsync(payment, "createPayPalOrder", createRequest, cancellationToken);
            return (payment, ResponseOf(payment, "createPayPalOrder"));
        }
        catch (DemoException)
        {
            // A refused order leaves the cart as it was, so the shopper can choose another way to pay.
            await RemoveFromCartAsync(cart.Id, paymentId, cancellationToken);
            throw;
        }
    }

    /// <summary>Sets <c>{operation}Request</c>, re-reading once on a version conflict; returns the updated payment.</summary>
    public async Task<JsonObject> SetRequestAsync(JsonObject payment, string operation, JsonObject request, CancellationToken cancellationToken)
    {
        var id = payment["id"]!.GetValue<string>();
        for (var attempt = 0; ; attempt++)
        {
            var response = await api.UpdateAsync($"/payments/{id}", payment["version"]!.GetValue<long>(), cancellationToken, new JsonObject
            {
                ["action"] = "setCustomField",
                ["name"] = operation + "Request",
                ["value"] = request.ToJsonString(),
            });
            if (response.Status == HttpStatusCode.Conflict && attempt == 0)
            {
                payment = await GetPaymentAsync(id, cancellationToken) ?? throw new DemoException("the payment is gone");
                continue;
            }

            return response.EnsureSuccess(operation);
        }
    }

    public async Task<JsonObject?> GetPaymentAsync(string? paymentId, CancellationToken cancellationToken)
    {
        if (paymentId is null || !Guid.TryParse(paymentId, out _))
        {
            return null;
        }

        var response = await api.GetAsync($"/payments/{paymentId}", cancellationToken);
        return response.IsSuccess ? response.Object : null;
    }

    /// <summary>The connector's <c>{operation}Response</c>; a PayPal refusal (<c>success:false</c>) becomes a message for the shopper.</summary>
    public static JsonObject ResponseOf(JsonObject payment, string operation)
    {
        var text = payment["custom"]?["fields"]?[operation + "Response"]?.GetValue<string>()
            ?? throw new DemoException($"{operation}: the connector wrote no response");
        var node = JsonNode.Parse(text) as JsonObject ?? throw new DemoException($"{operation}: the response is not a JSON object");
        if (node["success"] is JsonValue success && success.TryGetValue<bool>(out var ok) && !ok)
        {
            var issue = node["details"]?["issues"]?[0]?["issue"]?.ToString();
            throw new DemoException($"PayPal declined ({operation}): {node["message"]?.ToString() ?? "no message"}{(issue is null ? string.Empty : " (" + issue + ")")}");
        }

        return node;
    }

    /// <summary>Where PayPal wants the buyer: <c>payer-action</c> (with an experience context) or <c>approve</c>.</summary>
    public static string? ApprovalLink(JsonObject order) =>
        (order["links"] as JsonArray ?? [])
            .Where(l => l?["rel"]?.GetValue<string>() is "payer-action" or "approve")
            .OrderBy(l => l!["rel"]!.GetValue<string>() == "payer-action" ? 0 : 1)
            .Select(l => l!["href"]?.GetValue<string>())
            .FirstOrDefault();

    public async Task<JsonObject?> GetCartJsonAsync(string cartId, CancellationToken cancellationToken)
    {
        var response = await api.GetAsync($"/carts/{cartId}", cancellationToken);
        return response.IsSuccess ? response.Object : null;
    }

    public async Task RemoveFromCartAsync(string cartId, string paymentId, CancellationToken cancellationToken)
    {
        var cart = await api.GetAsync($"/carts/{cartId}", cancellationToken);
        if (cart.IsSuccess)
        {
            await api.UpdateAsync($"/carts/{cartId}", cart.Object["version"]!.GetValue<long>(), cancellationToken, new JsonObject
            {
                ["action"] = "removePayment",
                ["payment"] = new JsonObject { ["typeId"] = "payment", ["id"] = paymentId },
            });
        }
    }

    /// <summary>The connector's settings say whether an approved order is captured at once or only authorized.</summary>
    public async Task<bool> AuthorizeOnlyAsync(CancellationToken cancellationToken)
    {
        var settings = await api.GetAsync("/custom-objects/paypal-commercetools-connector/settings", cancellationToken);
        var intent = settings.IsSuccess ? settings.Object["value"]?["payPalIntent"]?.ToString() : null;
        return string.Equals(intent, "Authorize", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Turns the paid cart into an order; null (with the reason) when this commercetools API has no orders endpoint.</summary>
    public async Task<(string? OrderId, string? Problem)> CreateOrderAsync(string cartId, CancellationToken cancellationToken)
    {
        var cart = await api.GetAsync($"/carts/{cartId}", cancellationToken);
        if (!cart.IsSuccess)
        {
            return (null, "the cart is gone: " + cart.Error);
        }

        var response = await api.PostAsync("/orders", new JsonObject
        {
            ["cart"] = new JsonObject { ["typeId"] = "cart", ["id"] = cartId },
            ["version"] = cart.Object["version"]!.GetValue<long>(),
            ["orderNumber"] = "DEMO-" + cartId[..8].ToUpperInvariant(),
        }, cancellationToken);
        return response.IsSuccess
            ? (response.Object["id"]?.GetValue<string>(), null)
            : (null, response.Status == HttpStatusCode.NotFound && response.Error.Contains("endpoint", StringComparison.OrdinalIgnoreCase)
                ? "this commercetools API has no /orders endpoint yet"
                : response.Error);
    }
}
