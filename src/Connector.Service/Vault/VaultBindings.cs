using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Connector.Commercetools;
using Connector.Commercetools.Models;
using Connector.Domain;
using Connector.Domain.Contract;
using Connector.Service.ApiExtension;
using Connector.Service.ApiExtension.Operations;

namespace Connector.Service.Vault;

/// <summary>
/// Which PayPal vault customer belongs to which commercetools customer. The customer's <c>PayPalUserId</c> field is an
/// ordinary custom field a shopper can write on their own profile, so it never decides whose vault is used; this binding
/// does. It is a custom object (container <see cref="Container"/>, key = the commercetools customer id,
/// value <c>{"payPalCustomerId": ...}</c>) that only the connector's API client writes, created once and never changed,
/// which is also why it can be cached in memory for good on every replica.
/// </summary>
internal sealed partial class VaultBindings(CommercetoolsClient commercetools, ILogger<VaultBindings> logger)
{
    public const string Container = ConnectorContract.VaultBindingContainer;

    private const string ValueProperty = ConnectorContract.VaultBindingProperty;
    private const int MaxCached = 100_000;

    private readonly ConcurrentDictionary<string, string> _byCustomer = new(StringComparer.Ordinal);

    /// <summary>The PayPal vault customer bound to a commercetools customer, or null. One commercetools GET until cached.</summary>
    public async Task<string?> GetAsync(string customerId, CancellationToken cancellationToken)
    {
        if (_byCustomer.TryGetValue(customerId, out var cached))
        {
            return cached;
        }

        var stored = await commercetools.GetCustomObjectAsync(Container, customerId, cancellationToken);
        var payPalCustomerId = Read(stored);
        if (payPalCustomerId is not null)
        {
            Remember(customerId, payPalCustomerId);
        }

        return payPalCustomerId;
    }

    /// <summary>
    /// Binds a PayPal vault customer that PayPal just created for this commercetools customer (create-only, so two replicas
    /// racing agree on one). Returns the bound id; throws when the customer is already bound to a different vault customer.
    /// </summary>
    /// <param name="customerId">The commercetools customer.</param>
    /// <param name="payPalCustomerId">The vault customer PayPal created for it.</param>
    /// <param name="knownUnbound">The caller has just read the binding and found none (saves a read).</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    public async Task<string> BindAsync(string customerId, string payPalCustomerId, bool knownUnbound, CancellationToken cancellationToken)
    {
        var existing = knownUnbound ? null : await GetAsync(customerId, cancellationToken);
        if (existing is null)
        {
            try
            {
                await commercetools.UpsertCustomObjectAsync(new CustomObjectDraft
                {
                    Container = Container,
                    Key = customerId,
                    Value = Element(new JsonObject { [ValueProperty] = payPalCustomerId }),
                    Version = 0,
                }, cancellationToken);
                Remember(customerId, payPalCustomerId);
                Log.Bound(logger, customerId);
                return payPalCustomerId;
            }
            catch (ConcurrentModificationException)
            {
                existing = await GetAsync(customerId, cancellationToken);
            }
        }

        if (existing != payPalCustomerId)
        {
            Log.Conflict(logger, customerId);
            throw new OperationRefusedException("The customer's PayPal vault changed concurrently; send the request again.");
        }

        return payPalCustomerId;
    }

    /// <summary>The commercetools customer bound to a PayPal vault customer (vault webhooks), or null. One query.</summary>
    public async Task<string?> FindCustomerAsync(string payPalCustomerId, CancellationToken cancellationToken)
    {
        var where = $"value({ValueProperty}=\"{CommercetoolsClient.EscapePredicateString(payPalCustomerId)}\")";
        var page = await commercetools.QueryCustomObjectsAsync(Container, where, 2, cancellationToken);
        return page.Results.Count == 1 && Read(page.Results[0]) == payPalCustomerId ? page.Results[0].Key : null;
    }

    private static JsonElement Element(JsonObject value)
    {
        using var document = JsonDocument.Parse(value.ToJsonString());
        return document.RootElement.Clone();
    }

    private void Remember(string customerId, string payPalCustomerId)
    {
        if (_byCustomer.Count >= MaxCached)
        {
            _byCustomer.Clear();
        }

        _byCustomer[customerId] = payPalCustomerId;
    }

    private static string? Read(CustomObject? stored) =>
        stored?.Value is { ValueKind: JsonValueKind.Object } value
        && value.TryGetProperty(ValueProperty, out var id) && id.ValueKind == JsonValueKind.String && id.GetString() is { Length: > 0 } text
            ? text
            : null;

    private static partial class Log
    {
        [LoggerMessage(EventId = 5201, Level = LogLevel.Information, Message = "Bound customer {CustomerId} to a new PayPal vault customer")]
        public static partial void Bound(ILogger logger, string customerId);

        [LoggerMessage(EventId = 5202, Level = LogLevel.Warning, Message = "Customer {CustomerId} was bound to another PayPal vault customer concurrently")]
        public static partial void Conflict(ILogger logger, string customerId);
    }
}
