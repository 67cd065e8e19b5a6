using System.Text.Json.Nodes;
using Connector.Commercetools.Models;
using Connector.Domain;
using Connector.Domain.Checkout;
using Connector.Service.Vault;
using Connector.Service.Disputes;
using Connector.Service.ApiExtension;

namespace Connector.Service.ApiExtension.Operations;

/// <summary>
/// <c>updatePayPalOrderRequest</c>: without <c>patch</c>, re-syncs the payment's own order from its cart (amount and items
/// as the connector computes them from what the cart still owes) and moves <c>amountPlanned</c> there; with a JSON Patch,
/// applies only what a storefront may change: shipping details and descriptions from an allowlist, and the amount only to
/// what the connector computes (then the connector's own amount and items are sent). Amount, items, payee and payment
/// instructions are otherwise refused. PayPal answers 204; the response field is <c>{"status":"success"}</c>.
/// </summary>
internal sealed class UpdatePayPalOrder(OperationServices services) : IPaymentOperation
{
    private const string Unit = "/purchase_units/@reference_id=='default'";
    private const string AmountPath = Unit + "/amount";
    private const string ItemsPath = Unit + "/items";

    // What a storefront may patch on its own order: where it ships and how it is described, never who is paid or how much.
    private static readonly HashSet<string> Allowed =
    [
        "/shipping/name", "/shipping/address", "/shipping/email_address", "/shipping/phone_number", "/shipping/options", "/shipping/type",
        "/description", "/soft_descriptor",
    ];

    // Identifiers PayPal reports back (disputes, refunds): the merchant's API clients only.
    private static readonly HashSet<string> MerchantOnly = ["/custom_id", "/invoice_id"];

    public async Task<OperationResult> ExecuteAsync(PaymentOperationContext context, CancellationToken cancellationToken)
    {
        var field = context.Field;
        var payment = context.Payment;
        var request = RequestJson.ParseObject(context.RequestValue, field);
        var orderId = PaymentLookups.OrderId(payment, request, field);
        var patch = RequestJson.OptionalArray(request, "patch", field);
        var actions = new List<UpdateAction>(PaymentGuard.AdoptionActions(payment, orderId));
        var outgoing = new JsonArray();
        var setsAmount = patch is null;
        if (patch is not null)
        {
            if (patch.Count == 0)
            {
                throw new DomainValidationException($"{field}.patch must not be empty.");
            }

            foreach (var operation in patch)
            {
                if (operation is not JsonObject op || op["op"] is not JsonValue opName || op["path"] is not JsonValue pathValue
                    || !pathValue.TryGetValue<string>(out var path) || !opName.TryGetValue<string>(out var verb)
                    || verb is not ("add" or "replace" or "remove"))
                {
                    throw new DomainValidationException($"{field}.patch must be JSON Patch operations with op (add, replace or remove) and path.");
                }

                if (path == AmountPath && verb == "replace" && op["value"] is JsonObject)
                {
                    setsAmount = true;
                    continue; // checked against the computed amount below, then sent as the connector computes it
                }

                if (path == ItemsPath || path.StartsWith(ItemsPath + "/", StringComparison.Ordinal) || path.StartsWith(AmountPath, StringComparison.Ordinal))
                {
                    throw new OperationRefusedException(
                        $"{field}.patch: '{path}' cannot be patched; amount and items follow the cart (send updatePayPalOrderRequest {{}} to re-sync them).");
                }

                var suffix = path.StartsWith(Unit + "/", StringComparison.Ordinal) ? path[Unit.Length..] : null;
                var allowed = suffix is not null && (Allowed.Any(a => suffix == a || suffix.StartsWith(a + "/", StringComparison.Ordinal))
                    || (MerchantOnly.Contains(suffix) && !PaymentGuard.IsShopperChange(payment)));
                if (!allowed)
                {
                    throw new OperationRefusedException(
                        $"{field}.patch: '{path}' cannot be patched (allowed: {string.Join(", ", Allowed.Select(a => Unit + a))}).");
                }

                outgoing.Add(op.DeepClone());
            }
        }

        if (setsAmount)
        {
            var (amountOps, computed, changePlanned) = await ComputedAmountAsync(payment, patch is null, field, cancellationToken);
            if (patch is not null && patch.OfType<JsonObject>().FirstOrDefault(o => o["path"]?.GetValue<string>() == AmountPath) is { } requested)
            {
                EnsureRequestedAmount(requested["value"]!.AsObject(), computed, field);
            }

            foreach (var op in amountOps)
            {
                outgoing.Add((JsonNode)op);
            }

            if (changePlanned)
            {
                actions.Add(new ChangeAmountPlanned(PaymentActions.ToTypedMoney(computed)));
            }

            actions.Add(PaymentGuard.RecordOrderAmount(services.Options.InteractionTypeKey, orderId, computed, services.Time.GetUtcNow()));
        }

        await services.PayPal.Orders.PatchAsync(orderId, outgoing, cancellationToken);
        return OperationResult.Success(actions);
    }

    /// <summary>
    /// The amount (and items) the order should have: for a payment in a cart, what the cart still owes, planned with the
    /// cart's lines; for one in no cart, <c>amountPlanned</c>. A re-sync moves <c>amountPlanned</c> to it; an explicit
    /// patch needs <c>amountPlanned</c> to agree already.
    /// </summary>
    private async Task<(List<JsonObject> Ops, Money Amount, bool ChangePlanned)> ComputedAmountAsync(Payment payment, bool resync, string field, CancellationToken cancellationToken)
    {
        var cart = await services.Commercetools.FindCartByPaymentAsync(payment.Id, cancellationToken);
        if (cart is null && resync)
        {
            throw new DomainValidationException($"{field}: without a patch the order is re-synced from the cart, but the payment belongs to no cart.");
        }

        Money amount;
        var changePlanned = false;
        if (resync)
        {
            amount = PaymentGuard.Owed(payment, cart!, field);
            var planned = PaymentActions.ToMoney(payment.AmountPlanned);
            changePlanned = !PaymentActions.SameAmount(planned, amount);
        }
        else
        {
            amount = PaymentGuard.PurchaseAmount(payment, cart, field);
        }

        var plan = PurchaseUnitPlanner.Plan(amount, cart is null ? null : CartMapping.ToCheckoutCart(cart), new PlannerOptions());
        var unit = plan.ToPayPalJson();
        var ops = new List<JsonObject> { new() { ["op"] = "replace", ["path"] = AmountPath, ["value"] = unit["amount"]?.DeepClone() } };
        if (unit["items"] is JsonArray items)
        {
            ops.Add(new JsonObject { ["op"] = "replace", ["path"] = ItemsPath, ["value"] = items.DeepClone() });
        }

        return (ops, amount, changePlanned);
    }

    private static void EnsureRequestedAmount(JsonObject value, Money computed, string field)
    {
        var currency = value["currency_code"]?.ToString();
        var text = value["value"]?.ToString();
        if (currency != computed.CurrencyCode || text is null
            || Money.FromPayPalValue(text, currency, computed.FractionDigits).CompareTo(computed) != 0)
        {
            throw new OperationRefusedException(
                $"{field}.patch: the order amount can only be what the payment may move ({computed.ToPayPalValue()} {computed.CurrencyCode}: what its cart still owes, or amountPlanned without a cart).");
        }
    }
}
