using Connector.Service.Vault;
using Connector.Service.Disputes;
using Connector.Service.ApiExtension;

namespace Connector.Service.ApiExtension.Operations;

/// <summary><c>getClientTokenRequest</c>: a client token for the JS SDK; the response field holds the raw token string.</summary>
internal sealed class GetClientToken(OperationServices services) : IPaymentOperation
{
    public async Task<OperationResult> ExecuteAsync(PaymentOperationContext context, CancellationToken cancellationToken)
    {
        var response = await services.PayPal.Identity.GenerateClientTokenAsync(null, cancellationToken);
        return OperationResult.Text(response.Value?.ClientToken ?? "");
    }
}
