using Connector.PayPal.Models;
using System.Text.Json.Nodes;
using Connector.Domain;
using Connector.Service.ApiExtension;
using Connector.Service.Vault;
using Connector.Service.Disputes;

namespace Connector.Service.ApiExtension.Operations;

/// <summary>
/// <c>createVaultSetupTokenRequest</c>: <c>{payment_source:{card|paypal|venmo|...}}</c>. A caller-supplied
/// <c>customer</c> is ignored: the vault customer is always the one bound to this customer (PayPal makes a new one when
/// it has none, and the connector binds it). One PayPal call (<c>POST /v3/vault/setup-tokens</c>); commercetools: the
/// binding (read once per replica, written once per customer).
/// </summary>
internal sealed class CreateVaultSetupToken(OperationServices services, VaultBindings bindings) : ICustomerOperation
{
    private static readonly HashSet<string> Sources = ["card", "paypal", "venmo", "apple_pay", "token"];

    public async Task<OperationResult> ExecuteAsync(CustomerOperationContext context, CancellationToken cancellationToken)
    {
        var field = context.Field;
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

        var bound = await bindings.GetAsync(context.Customer.Id, cancellationToken);
        var body = new SetupTokenRequest(source.DeepClone().AsObject(), bound is null ? null : new VaultCustomer(bound));

        var response = await services.PayPal.Vault.CreateSetupTokenAsync(body, CustomerVault.RequestId(context, context.Operation), cancellationToken);
        if (CustomerVault.ReportedCustomer(response.Raw) is { } reported)
        {
            // First vaulting: PayPal made a vault customer for this customer; bind it (only the connector can).
            bound = bound is null ? await bindings.BindAsync(context.Customer.Id, reported, knownUnbound: true, cancellationToken)
                : reported == bound ? bound
                : throw new OperationRefusedException($"{field}: PayPal filed the setup token under another vault customer.");
        }

        return OperationResult.Json(response, [.. CustomerVault.ShowPayPalUserId(context.Customer, bound)]);
    }
}
