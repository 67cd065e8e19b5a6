using Connector.Service.Extensions;

namespace Connector.Service.Customers;

/// <summary>
/// <c>getUserIDTokenRequest</c>: an id token for the JS SDK so a returning payer sees their saved methods. One PayPal
/// call (<c>POST /v1/oauth2/token</c> with <c>response_type=id_token</c> and <c>target_customer_id</c> = the customer's
/// own <c>PayPalUserId</c>, omitted when it has none); the response field holds the raw id token.
/// </summary>
internal sealed class GetUserIdToken(OperationServices services) : ICustomerOperation
{
    public string Name => "getUserIDToken";

    public async Task<OperationResult> ExecuteAsync(CustomerOperationContext context, CancellationToken cancellationToken)
    {
        var idToken = await services.PayPalTokens.GetIdTokenAsync(CustomerVault.PayPalUserId(context.Customer), cancellationToken);
        return OperationResult.Text(idToken);
    }
}
