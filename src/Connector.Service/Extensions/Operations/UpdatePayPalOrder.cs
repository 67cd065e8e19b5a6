using System.Text.Json.Nodes;
using Connector.Commercetools.Models;
using Connector.Domain;
using Connector.Domain.Checkout;

namespace Connector.Service.Extensions.Operations;

/// <summary>
/// <c>updatePayPalOrderRequest</c>: applies an explicit JSON Patch to the order, or, without <c>patch</c>, re-syncs the
/// amount (and items) from the payment's cart and moves <c>amountPlanned</c> to the cart total when it changed.
/// PayPal answers 204; the response field is <c>{"status":"success"}</c>.
/// </summary>
internal sealed class UpdatePayPalOrder(OperationServices services) : IPaymentOperation
{
    public string Name => "updatePayPalOrder";

    public async Task<OperationResult> ExecuteAsync(PaymentOperationContext context, CancellationToken cancellationToken)
    {
        var field = Name + "Request";
        var request = RequestJson.ParseObject(context.RequestValue, field);
        var orderId = PaymentLookups.OrderId(context.Payment, request, field);
        var patch = RequestJson.OptionalArray(request, "patch", field);
        var actions = new List<UpdateAction>();
        if (patch is not null)
        {
            if (patch.Count == 0)
            {
                throw new DomainValidationException($"{field}.patch must not be empty.");
            }

            foreach (var operation in patch)
            {
                if (operation is not JsonObject op || op["op"] is null || op["path"] is null)
                {
                    throw new DomainValidationException($"{field}.patch must be JSON Patch operations with op and path.");
                }

                GuardAmount(op, context.Payment, field);
            }

            patch = (JsonArray)patch.DeepClone();
        }
        else
        {
            var cart = await services.Commercetools.FindCartByPaymentAsync(context.Payment.Id, cancellationToken)
                ?? throw new DomainValidationException($"{field}: without a patch the order is re-synced from the cart, but the payment belongs to no cart.");
            var checkout = CartMapping.ToCheckoutCart(cart);
            var total = Money.FromCommercetools(checkout.TotalGrossCents, checkout.CurrencyCode, checkout.FractionDigits);
            var plan = PurchaseUnitPlanner.Plan(total, checkout, new PlannerOptions());
            var unit = plan.ToPayPalJson();
            patch = [new JsonObject { ["op"] = "replace", ["path"] = "/purchase_units/@reference_id=='default'/amount", ["value"] = unit["amount"]?.DeepClone() }];
            if (unit["items"] is JsonArray items)
            {
                patch.Add(new JsonObject { ["op"] = "replace", ["path"] = "/purchase_units/@reference_id=='default'/items", ["value"] = items.DeepClone() });
            }

            if (total.MinorUnits != context.Payment.AmountPlanned.CentAmount || total.CurrencyCode != context.Payment.AmountPlanned.CurrencyCode)
            {
                actions.Add(new ChangeAmountPlanned(PaymentActions.ToTypedMoney(total)));
            }
        }

        await services.PayPal.PatchOrderAsync(orderId, patch, cancellationToken);
        return OperationResult.Success(actions);
    }

    /// <summary>
    /// Amounts come from commercetools only: an explicit patch may set the order amount solely to the payment's
    /// amountPlanned (change that first, in the same update), so no caller can make PayPal charge a different sum.
    /// </summary>
    private static void GuardAmount(JsonObject op, Payment payment, string field)
    {
        var path = op["path"]!.ToString();
        if (!path.Contains("amount", StringComparison.OrdinalIgnoreCase) && !path.Contains("items", StringComparison.OrdinalIgnoreCase)
            && path.TrimEnd('/') is not ("" or "/purchase_units" or "/purchase_units/@reference_id=='default'"))
        {
            return;
        }

        if (path.EndsWith("/items", StringComparison.OrdinalIgnoreCase))
        {
            return; // PayPal itself rejects items that do not add up to the amount (ITEM_TOTAL_MISMATCH).
        }

        if (!path.EndsWith("/amount", StringComparison.OrdinalIgnoreCase) || op["value"] is not JsonObject value)
        {
            throw new DomainValidationException($"{field}.patch: '{path}' cannot be patched; set the amount with a replace of /purchase_units/@reference_id=='default'/amount.");
        }

        var planned = PaymentActions.ToMoney(payment.AmountPlanned);
        var currency = value["currency_code"]?.ToString();
        var amount = value["value"]?.ToString();
        if (currency != planned.CurrencyCode || amount is null
            || Money.FromPayPalValue(amount, currency, planned.FractionDigits).MinorUnits != planned.MinorUnits)
        {
            throw new DomainValidationException(
                $"{field}.patch: the order amount must equal the payment's amountPlanned ({planned.ToPayPalValue()} {planned.CurrencyCode}); change amountPlanned first (changeAmountPlanned in the same update).");
        }
    }
}
