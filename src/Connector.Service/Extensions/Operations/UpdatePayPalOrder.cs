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
}
