using Connector.Service.ApiExtension;
using Connector.Service.Vault;
using Connector.Service.Disputes;

namespace Connector.Service.ApiExtension.Operations;

/// <summary>
/// <c>getUserIDTokenRequest</c>: an id token for the JS SDK so a returning payer sees their saved methods. One PayPal
/// call (<c>POST /v1/oauth2/token</c> with <c>response_type=id_token</c> and <c>target_customer_id</c> = the vault
/// customer bound to this customer, omitted when it has none, never the <c>PayPalUserId</c> field); the response field
/// holds the raw id token.
/// </summary>
internal sealed class GetUserIDToken(OperationServices services, VaultBindings bindings) : ICustomerOperation
{
    public async Task<OperationResult> ExecuteAsync(CustomerOperationContext context, CancellationToken cancellationToken)
    {
        var idToken = await services.PayPalTokens.GetIdTokenAsync(await bindings.GetAsync(context.Customer.Id, cancellationToken), cancellationToken);
        return OperationResult.Text(idToken);
    }
}
