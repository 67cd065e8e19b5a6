using System.Text.Json.Nodes;
using Connector.Domain;
using Connector.Service.Extensions;

namespace Connector.Service.Customers;

/// <summary>
/// <c>getPaymentTokensRequest</c>: lists the tokens in this customer's PayPal vault (apple_pay filtered out, as the
/// anchor does) and brings the customer's PaymentMethods in line. Calls: one PayPal (<c>GET /v3/vault/payment-tokens</c>),
/// one commercetools query, plus one create or delete per mirror that was out of line. A customer without a
/// <c>PayPalUserId</c> has no vault: empty list, no calls.
/// </summary>
internal sealed class GetPaymentTokens(OperationServices services, PaymentMethodMirror mirror) : ICustomerOperation
{
    // One page only (one PayPal call within the customer extension's 2 s); stale mirrors are removed only when it is complete.
    private const int PageSize = 20;

    public string Name => "getPaymentTokens";

    public async Task<OperationResult> ExecuteAsync(CustomerOperationContext context, CancellationToken cancellationToken)
    {
        if (CustomerVault.PayPalUserId(context.Customer) is not { } payPalUserId)
        {
            return OperationResult.Json(new JsonObject { ["payment_tokens"] = new JsonArray() });
        }

        var response = await services.PayPal.ListPaymentTokensAsync(payPalUserId, 1, PageSize, cancellationToken);
        var list = response.Raw as JsonObject ?? [];
        var tokens = (list["payment_tokens"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        var visible = tokens.Where(PaymentMethodMirror.IsVisible).ToList();
        var totalPages = list["total_pages"] is JsonValue pages && pages.TryGetValue<int>(out var n) ? n : 1;
        var foreign = await mirror.TrySyncAsync(context.Customer.Id, visible, complete: totalPages <= 1, cancellationToken);
        if (foreign is { Count: > 0 })
        {
            // PayPalUserId is a custom field a shopper token with manage_my_profile can write: one naming another
            // customer's vault must not reveal that vault's saved methods.
            throw new DomainValidationException($"{Name}Request: the customer's PayPalUserId holds saved payment methods of another customer.");
        }

        var result = (JsonObject)list.DeepClone();
        result["payment_tokens"] = new JsonArray([.. visible.Select(t => t.DeepClone())]);
        return OperationResult.Json(result);
    }
}
