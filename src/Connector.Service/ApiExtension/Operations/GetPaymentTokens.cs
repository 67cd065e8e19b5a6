using System.Text.Json.Nodes;
using Connector.Domain;
using Connector.Service.ApiExtension;
using Connector.Service.Vault;
using Connector.Service.Disputes;

namespace Connector.Service.ApiExtension.Operations;

/// <summary>
/// <c>getPaymentTokensRequest</c>: lists the tokens in this customer's PayPal vault (apple_pay filtered out, as the TypeScript connector
/// does) and brings the customer's PaymentMethods in line. Calls: one PayPal (<c>GET /v3/vault/payment-tokens</c>),
/// one commercetools query, plus one create or delete per mirror that was out of line. A customer without a bound
/// vault has none: empty list, no PayPal call.
/// </summary>
internal sealed class GetPaymentTokens(OperationServices services, PaymentMethodMirror mirror, VaultBindings bindings) : ICustomerOperation
{
    // One page only (one PayPal call within the customer extension's 2 s); stale mirrors are removed only when it is complete.
    private const int PageSize = 20;

    public async Task<OperationResult> ExecuteAsync(CustomerOperationContext context, CancellationToken cancellationToken)
    {
        if (await bindings.GetAsync(context.Customer.Id, cancellationToken) is not { } payPalUserId)
        {
            return OperationResult.Json(new JsonObject { ["payment_tokens"] = new JsonArray() });
        }

        var response = await services.PayPal.Vault.ListPaymentTokensAsync(payPalUserId, 1, PageSize, cancellationToken);
        var list = response.Raw as JsonObject ?? [];
        var tokens = (list["payment_tokens"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        var visible = tokens.Where(PaymentMethodMirror.IsVisible).ToList();
        var totalPages = list["total_pages"] is JsonValue pages && pages.TryGetValue<int>(out var n) ? n : 1;
        var foreign = await mirror.TrySyncAsync(context.Customer.Id, visible, complete: totalPages <= 1, cancellationToken);
        if (foreign is { Count: > 0 })
        {
            // The bound vault holds tokens mirrored for another customer (data written before bindings existed):
            // reveal none of them.
            throw new OperationRefusedException($"{context.Field}: the customer's PayPal vault holds saved payment methods of another customer.");
        }

        var result = (JsonObject)list.DeepClone();
        result["payment_tokens"] = new JsonArray([.. visible.Select(t => t.DeepClone())]);
        return OperationResult.Json(result, [.. CustomerVault.ShowPayPalUserId(context.Customer, payPalUserId)]);
    }
}
