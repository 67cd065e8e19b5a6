using System.Text.Json.Nodes;
using Connector.Domain;
using Connector.Service.Extensions;

namespace Connector.Service.Customers;

/// <summary>
/// <c>createVaultSetupTokenRequest</c>: <c>{payment_source:{card|paypal|venmo|...}}</c>. A caller-supplied
/// <c>customer</c> is ignored: the vault customer is always this customer's <c>PayPalUserId</c> (PayPal makes a new
/// one when it has none, and it is stored). One PayPal call (<c>POST /v3/vault/setup-tokens</c>), no commercetools call.
/// </summary>
internal sealed class CreateVaultSetupToken(OperationServices services) : ICustomerOperation
{
    private static readonly HashSet<string> Sources = ["card", "paypal", "venmo", "apple_pay", "token"];

    public string Name => "createVaultSetupToken";

    public async Task<OperationResult> ExecuteAsync(CustomerOperationContext context, CancellationToken cancellationToken)
    {
        var field = Name + "Request";
        var request = RequestJson.ParseObject(context.RequestValue, field);
        foreach (var (key, _) in request)
        {
            if (key is not ("payment_source" or "paymentSource" or "customer"))
            {
                throw new DomainValidationException($"{field}.{key} is not supported (allowed: payment_source; customer is ignored).");
            }
        }

        var source = (request["payment_source"] ?? request["paymentSource"]) as JsonObject
            ?? throw new DomainValidationException($"{field}.payment_source is required and must be a JSON object.");
        if (source.Count != 1 || source.First() is not { Value: JsonObject } first)
        {
            throw new DomainValidationException($"{field}.payment_source must hold exactly one payment source object ({string.Join(", ", Sources.Order(StringComparer.Ordinal))}).");
        }

        if (!Sources.Contains(first.Key))
        {
            throw new DomainValidationException($"{field}.payment_source.{first.Key} is not a supported payment source ({string.Join(", ", Sources.Order(StringComparer.Ordinal))}).");
        }

        var body = new JsonObject { ["payment_source"] = source.DeepClone() };
        if (CustomerVault.PayPalUserId(context.Customer) is { } payPalUserId)
        {
            body["customer"] = new JsonObject { ["id"] = payPalUserId };
        }

        var response = await services.PayPal.CreateSetupTokenAsync(body, CustomerVault.RequestId(context, Name), cancellationToken);
        return OperationResult.Json(response.Raw, [.. CustomerVault.RememberPayPalUserId(context.Customer, response.Raw)]);
    }
}
