using System.Net;
using System.Text.Json.Nodes;
using Connector.Commercetools;
using Connector.Commercetools.Models;
using Connector.Domain;
using Connector.Domain.Contract;
using Connector.PayPal.Models;
using Connector.Service.Configuration;
using Microsoft.Extensions.Options;
using Connector.Service.ApiExtension;
using Connector.Service.ApiExtension.Operations;

namespace Connector.Service.Vault;

/// <summary>
/// Keeps one commercetools PaymentMethod per vaulted PayPal payment token: key
/// <c>paypal-&lt;tokenId&gt;</c>, the owning customer, interface <c>PayPal</c>, method <c>card|paypal|venmo</c>,
/// <c>token.value</c> = the token id, a display name, status Active, and <c>default</c> when the customer has no
/// default PaymentMethod yet. Every method is idempotent, so webhooks, extension retries and list syncs can race.
/// Token ids are secrets for logging purposes: only commercetools ids are logged.
/// </summary>
internal sealed partial class PaymentMethodMirror(CommercetoolsClient commercetools, VaultBindings bindings, IOptions<ConnectorOptions> options, ILogger<PaymentMethodMirror> logger)
{
    public const string KeyPrefix = "paypal-";
    public const string PaymentInterface = "PayPal";

    // Payment sources PayPal can vault that the connector does not expose (the TypeScript connector filters apple_pay out too).
    private const string HiddenSource = "apple_pay";

    /// <summary>The PaymentMethod key for a PayPal token id.</summary>
    public static string KeyFor(string tokenId) => KeyPrefix + tokenId;

    /// <summary>The mirrored PaymentMethod of a token, or null. One commercetools GET.</summary>
    public Task<PaymentMethod?> FindAsync(string tokenId, CancellationToken cancellationToken) =>
        IsValidTokenId(tokenId) ? FindByKeyAsync(KeyFor(tokenId), cancellationToken) : Task.FromResult<PaymentMethod?>(null);

    /// <summary>
    /// By key through a query rather than <c>/payment-methods/key=...</c>: the key holds the token id, and request paths
    /// are logged (query strings are not). One commercetools GET.
    /// </summary>
    private async Task<PaymentMethod?> FindByKeyAsync(string key, CancellationToken cancellationToken)
    {
        var page = await commercetools.PaymentMethods.QueryAsync($"key=\"{CommercetoolsClient.EscapePredicateString(key)}\"", 1, cancellationToken);
        return page.Results.FirstOrDefault();
    }

    /// <summary>True when the mirror shows the token as a PayPal PaymentMethod of <paramref name="customerId"/>. One commercetools GET.</summary>
    public async Task<bool> IsOwnedByAsync(string tokenId, string customerId, CancellationToken cancellationToken) =>
        IsMirrorOf(await FindAsync(tokenId, cancellationToken), tokenId, customerId);

    /// <summary>Whether a PaymentMethod is the connector's mirror of <paramref name="tokenId"/> for <paramref name="customerId"/>.</summary>
    public static bool IsMirrorOf(PaymentMethod? method, string tokenId, string customerId) =>
        method is not null
        && method.Key == KeyFor(tokenId)
        && method.PaymentInterface == PaymentInterface
        && method.Token?.Value == tokenId
        && method.Customer?.Id == customerId;

    /// <summary>
    /// Creates the PaymentMethod for a PayPal payment token (<c>{id, payment_source:{&lt;kind&gt;:{...}}}</c>, as the Vault
    /// API returns it) unless it exists. Returns null for tokens the connector does not mirror (apple_pay, malformed).
    /// Calls: one query of the customer's PaymentMethods, plus one create when absent.
    /// </summary>
    public async Task<PaymentMethod?> EnsureAsync(string customerId, JsonObject paymentToken, CancellationToken cancellationToken)
    {
        if (Describe(paymentToken) is not { } token)
        {
            return null;
        }

        var existing = await CustomerMethodsAsync(customerId, cancellationToken);
        return await EnsureAsync(customerId, token, existing, cancellationToken);
    }

    /// <summary>
    /// As <see cref="EnsureAsync(string, JsonObject, CancellationToken)"/>, but a commercetools failure is logged, not
    /// thrown: the PayPal vault is the source of truth, the token already exists there, and the next getPaymentTokens
    /// (or the vault webhook) repairs the mirror. Vaulting thus also works where PaymentMethods are not available.
    /// </summary>
    public async Task<bool> TryEnsureAsync(string customerId, JsonObject paymentToken, CancellationToken cancellationToken)
    {
        try
        {
            await EnsureAsync(customerId, paymentToken, cancellationToken);
            return true;
        }
        catch (CommercetoolsApiException e)
        {
            Log.CustomerMirrorFailed(logger, customerId, (int)e.StatusCode);
            return false;
        }
    }

    /// <summary>
    /// As <see cref="SyncAsync"/>, logging instead of throwing commercetools failures (see <see cref="TryEnsureAsync"/>).
    /// Returns the ids of tokens mirrored for another customer, or null when commercetools could not be read.
    /// </summary>
    public async Task<IReadOnlyList<string>?> TrySyncAsync(string customerId, IEnumerable<JsonObject> paymentTokens, bool complete, CancellationToken cancellationToken)
    {
        try
        {
            return await SyncAsync(customerId, paymentTokens, complete, cancellationToken);
        }
        catch (CommercetoolsApiException e)
        {
            Log.CustomerMirrorFailed(logger, customerId, (int)e.StatusCode);
            return null;
        }
    }

    /// <summary>
    /// <c>VAULT.PAYMENT-TOKEN.CREATED</c>: mirrors a token for the commercetools customer bound to the token's
    /// <c>customer.id</c>. Returns null (nothing to do) when no customer is bound to that vault customer.
    /// Calls: one binding query, then as <see cref="EnsureAsync(string, JsonObject, CancellationToken)"/>.
    /// </summary>
    public async Task<PaymentMethod?> EnsureForPayPalCustomerAsync(JsonObject paymentToken, CancellationToken cancellationToken)
    {
        if (paymentToken["customer"]?["id"] is not JsonValue v || !v.TryGetValue<string>(out var payPalCustomerId) || payPalCustomerId.Length == 0)
        {
            return null;
        }

        // The binding, not the shopper-writable PayPalUserId field, says whose vault this is.
        if (await bindings.FindCustomerAsync(payPalCustomerId, cancellationToken) is not { } customerId)
        {
            Log.NoCustomerForToken(logger, 0);
            return null;
        }

        return await EnsureAsync(customerId, paymentToken, cancellationToken);
    }

    /// <summary>
    /// Removes the mirror of a token (deletePaymentToken, <c>VAULT.PAYMENT-TOKEN.DELETED</c>). Returns whether one was removed.
    /// Calls: one GET, plus one DELETE when present.
    /// </summary>
    public async Task<bool> RemoveAsync(string tokenId, CancellationToken cancellationToken) =>
        await RemoveAsync(await FindAsync(tokenId, cancellationToken), cancellationToken);

    /// <summary>Removes an already-read mirror (one DELETE). A mirror deleted meanwhile counts as removed.</summary>
    public async Task<bool> RemoveAsync(PaymentMethod? method, CancellationToken cancellationToken)
    {
        if (method is null || method.PaymentInterface != PaymentInterface || method.Key?.StartsWith(KeyPrefix, StringComparison.Ordinal) != true)
        {
            return false;
        }

        try
        {
            await commercetools.PaymentMethods.DeleteAsync(method.Id, method.Version, cancellationToken);
            Log.Removed(logger, method.Id);
            return true;
        }
        catch (CommercetoolsApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return true;
        }
    }

    /// <summary>
    /// Brings the customer's PayPal PaymentMethods in line with PayPal's token list: creates missing mirrors, and when
    /// <paramref name="complete"/> (the list holds every token) deletes mirrors of tokens PayPal no longer has.
    /// Calls: one query, plus one create or delete per difference. Returns the ids of listed tokens whose mirror belongs
    /// to another customer (never re-assigned, nothing deleted then).
    /// </summary>
    public async Task<IReadOnlyList<string>> SyncAsync(string customerId, IEnumerable<JsonObject> paymentTokens, bool complete, CancellationToken cancellationToken)
    {
        var existing = await CustomerMethodsAsync(customerId, cancellationToken);
        var keep = new HashSet<string>(StringComparer.Ordinal);
        var foreign = new List<string>();
        foreach (var paymentToken in paymentTokens)
        {
            if (Describe(paymentToken) is { } token)
            {
                keep.Add(KeyFor(token.Id));
                var mirror = await EnsureAsync(customerId, token, existing, cancellationToken);
                if (mirror is not null && mirror.Customer?.Id != customerId)
                {
                    // The key is taken by another customer's mirror: this PayPal customer is not (only) this customer's.
                    foreign.Add(token.Id);
                }
                else if (mirror is not null && !existing.Any(m => m.Id == mirror.Id))
                {
                    existing.Add(mirror);
                }
            }
        }

        if (!complete || foreign.Count > 0)
        {
            return foreign;
        }

        foreach (var stale in existing.Where(m => IsOurs(m) && !keep.Contains(m.Key!)).ToList())
        {
            await RemoveAsync(stale, cancellationToken);
        }

        return foreign;
    }

    /// <summary>
    /// A capture or authorization with vault-on-success returned <c>payment_source.&lt;kind&gt;.attributes.vault</c>
    /// <c>{id, status:VAULTED, customer{id}}</c>: mirror the new token for the payment's customer, and remember the
    /// PayPal customer id on the customer when it has none yet. Best effort: money has moved and the Charge must be
    /// recorded, so failures are logged, not thrown; getPaymentTokens and the vault webhook repair the mirror later.
    /// Calls: none unless vaulted; then one customer GET, maybe one customer update, and <see cref="EnsureAsync(string, JsonObject, CancellationToken)"/>.
    /// </summary>
    public async Task MirrorVaultedOrderAsync(Payment payment, PayPalOrder order, CancellationToken cancellationToken)
    {
        if (order.PaymentSource?.FirstOrDefault() is not { Key: var kind, Value: JsonObject source }
            || source["attributes"]?["vault"] is not JsonObject vault
            || vault["status"]?.GetValue<string>() != "VAULTED"
            || vault["id"]?.GetValue<string>() is not { Length: > 0 } tokenId
            || payment.Customer?.Id is not { } customerId)
        {
            return;
        }

        var view = (JsonObject)source.DeepClone();
        view.Remove("attributes");
        var payPalCustomerId = vault["customer"]?["id"]?.GetValue<string>();
        var paymentToken = new JsonObject
        {
            ["id"] = tokenId,
            ["customer"] = payPalCustomerId is null ? null : new JsonObject { ["id"] = payPalCustomerId },
            ["payment_source"] = new JsonObject { [kind] = view },
        };
        try
        {
            if (payPalCustomerId is not null)
            {
                var bound = await bindings.GetAsync(customerId, cancellationToken) ?? await bindings.BindAsync(customerId, payPalCustomerId, knownUnbound: true, cancellationToken);
                if (bound != payPalCustomerId)
                {
                    Log.ForeignVault(logger, payment.Id);
                    return;
                }

                await RememberPayPalUserIdAsync(customerId, payPalCustomerId, cancellationToken);
            }

            await EnsureAsync(customerId, paymentToken, cancellationToken);
        }
        catch (CommercetoolsApiException e)
        {
            Log.MirrorFailed(logger, payment.Id, (int)e.StatusCode);
        }
        catch (OperationRefusedException)
        {
            Log.ForeignVault(logger, payment.Id);
        }
    }

    /// <summary>Method and display name of a PayPal token, or null when it is not mirrored.</summary>
    public static MirroredToken? Describe(JsonObject paymentToken)
    {
        if (paymentToken["id"] is not JsonValue idValue || !idValue.TryGetValue<string>(out var id) || !IsValidTokenId(id))
        {
            return null;
        }

        if (paymentToken["payment_source"] is not JsonObject { Count: > 0 } source)
        {
            return null;
        }

        var (kind, value) = source.First();
        if (kind == HiddenSource)
        {
            return null;
        }

        var detail = value as JsonObject;
        var name = kind switch
        {
            "card" => CardName(detail),
            "paypal" or "venmo" => Text(detail, "email_address") ?? Text(detail, "user_name"),
            _ => null,
        };
        return new MirroredToken(id, kind, name ?? kind);
    }

    /// <summary>Whether the source kind is one a shopper sees (apple_pay is filtered out of lists, as the TypeScript connector does).</summary>
    public static bool IsVisible(JsonObject paymentToken) =>
        paymentToken["payment_source"] is not JsonObject source || !source.ContainsKey(HiddenSource);

    /// <summary>PayPal token ids are short <c>[A-Za-z0-9_-]</c> strings; anything else cannot be a key suffix.</summary>
    public static bool IsValidTokenId(string tokenId) =>
        tokenId.Length is > 0 and <= 200 && tokenId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static string? CardName(JsonObject? card)
    {
        var brand = Text(card, "brand");
        var last = Text(card, "last_digits");
        return (brand, last) switch
        {
            (not null, not null) => $"{brand} •••• {last}",
            (null, not null) => $"•••• {last}",
            (not null, null) => brand,
            _ => null,
        };
    }

    private static string? Text(JsonObject? obj, string property) =>
        obj?[property] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 ? s : null;

    private static bool IsOurs(PaymentMethod method) =>
        method.PaymentInterface == PaymentInterface && method.Key?.StartsWith(KeyPrefix, StringComparison.Ordinal) == true;

    private async Task<List<PaymentMethod>> CustomerMethodsAsync(string customerId, CancellationToken cancellationToken)
    {
        // All of the customer's PaymentMethods, not only ours: "default" is per customer across interfaces.
        var where = $"customer(id=\"{CommercetoolsClient.EscapePredicateString(customerId)}\")";
        var page = await commercetools.PaymentMethods.QueryAsync(where, 500, cancellationToken);
        return page.Results;
    }

    private async Task<PaymentMethod?> EnsureAsync(string customerId, MirroredToken token, List<PaymentMethod> existing, CancellationToken cancellationToken)
    {
        var key = KeyFor(token.Id);
        if (existing.FirstOrDefault(m => m.Key == key) is { } present)
        {
            return present;
        }

        var draft = new PaymentMethodDraft
        {
            Key = key,
            Name = new Dictionary<string, string> { ["en"] = token.Name },
            Customer = new Reference { TypeId = "customer", Id = customerId },
            Method = token.Method,
            PaymentInterface = PaymentInterface,
            Token = new PaymentMethodToken(token.Id),
            PaymentMethodStatus = "Active",
            Default = !existing.Any(m => m.Default),
        };
        try
        {
            var created = await commercetools.PaymentMethods.CreateAsync(draft, cancellationToken);
            Log.Created(logger, created.Id, customerId);
            return created;
        }
        catch (CommercetoolsApiException e) when (e.Errors.Any(x => x.Code == "DuplicateField"))
        {
            // Created concurrently (webhook and extension racing): the key is unique, so read the winner.
            return await FindByKeyAsync(key, cancellationToken);
        }
    }

    private async Task RememberPayPalUserIdAsync(string customerId, string payPalCustomerId, CancellationToken cancellationToken)
    {
        var customer = await commercetools.GetCustomerAsync(customerId, cancellationToken);
        if (customer is null || customer.Custom?.GetString(ConnectorContract.PayPalUserIdField) is { Length: > 0 })
        {
            return;
        }

        UpdateAction action = customer.Custom is null
            ? new SetCustomType(Reference.TypeByKey(options.Value.CustomerTypeKey),
                new() { [ConnectorContract.PayPalUserIdField] = CustomFieldValues.String(payPalCustomerId) })
            : new SetCustomField(ConnectorContract.PayPalUserIdField, CustomFieldValues.String(payPalCustomerId));
        try
        {
            await commercetools.UpdateCustomerAsync(customer.Id, customer.Version, [action], cancellationToken);
        }
        catch (ConcurrentModificationException)
        {
            // The customer changed meanwhile; the next vaulting or getPaymentTokens call sets it.
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "Mirrored a vaulted PayPal token as PaymentMethod {PaymentMethodId} of customer {CustomerId}")]
        public static partial void Created(ILogger logger, string paymentMethodId, string customerId);

        [LoggerMessage(EventId = 5102, Level = LogLevel.Information, Message = "Removed PaymentMethod {PaymentMethodId}, the mirror of a deleted PayPal token")]
        public static partial void Removed(ILogger logger, string paymentMethodId);

        [LoggerMessage(EventId = 5103, Level = LogLevel.Information, Message = "No single customer holds the token's PayPal customer id ({Count} found); not mirrored")]
        public static partial void NoCustomerForToken(ILogger logger, int count);

        [LoggerMessage(EventId = 5105, Level = LogLevel.Warning, Message = "Could not bring the PaymentMethods of customer {CustomerId} in line (commercetools {Status}); a later sync repairs them")]
        public static partial void CustomerMirrorFailed(ILogger logger, string customerId, int status);

        [LoggerMessage(EventId = 5106, Level = LogLevel.Warning, Message = "The token vaulted by payment {PaymentId} is in a PayPal vault not bound to the payment's customer; not mirrored")]
        public static partial void ForeignVault(ILogger logger, string paymentId);

        [LoggerMessage(EventId = 5104, Level = LogLevel.Warning, Message = "Could not mirror the token vaulted by payment {PaymentId} (commercetools {Status}); a later sync repairs it")]
        public static partial void MirrorFailed(ILogger logger, string paymentId, int status);
    }
}

/// <summary>What the mirror keeps of a PayPal token: its id, the source kind (method) and a display name.</summary>
internal sealed record MirroredToken(string Id, string Method, string Name);
