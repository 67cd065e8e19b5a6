using System.Text.Json;
using System.Text.Json.Nodes;
using Connector.Commercetools;
using Connector.Commercetools.Models;
using Connector.Domain;
using Connector.Domain.Checkout;
using Connector.Domain.Contract;
using Connector.Service.ApiExtension.Operations;

namespace Connector.Service.ApiExtension;

/// <summary>
/// Who may ask for what, and how much PayPal may move. A shopper's token (password flow or anonymous session) can write a
/// payment's <c>amountPlanned</c>, its custom fields (<c>PayPalOrderId</c> and every request field) and the carts it owns,
/// so none of these decides which PayPal order is acted on or how much it moves. The connector trusts only what a shopper
/// cannot write: the payment's <c>interfaceId</c> (set by the connector when it creates the order), its interface
/// interactions, its cart as commercetools computed it, and the other payments of that cart.
/// </summary>
internal static class PaymentGuard
{
    /// <summary>The interface-interaction <c>type</c> that records the amount the connector last put on a PayPal order.</summary>
    public const string OrderAmountInteraction = "payPalOrderAmount";

    /// <summary>Operations a shopper's token may request; the rest move money back, or touch fulfilment, and are the merchant's.</summary>
    private static readonly HashSet<string> ShopperOperations =
        ["createPayPalOrder", "getClientToken", "authorizePayPalOrder", "capturePayPalOrder", "getPayPalOrder", "updatePayPalOrder"];

    /// <summary>True when a shopper's token made the change being processed.</summary>
    public static bool IsShopperChange(Payment payment) => payment.LastModifiedBy?.IsShopper == true;

    /// <summary>True when a shopper's token created the payment or made the change being processed.</summary>
    public static bool IsShopperMade(Payment payment) => payment.CreatedBy?.IsShopper == true || IsShopperChange(payment);

    /// <summary>Refuses operations a shopper's token may not request (refunds, captures of authorizations, voids, tracking, capture reads).</summary>
    public static void EnsureAllowed(Payment payment, string operation)
    {
        if (IsShopperChange(payment) && !ShopperOperations.Contains(operation))
        {
            throw new OperationRefusedException(
                $"{operation}Request cannot be set with a shopper's token; it is available to the merchant's API clients only.");
        }
    }

    /// <summary>The PayPal order the connector created for this payment (its <c>interfaceId</c>), or null.</summary>
    public static string? AnchoredOrderId(Payment payment) => string.IsNullOrEmpty(payment.InterfaceId) ? null : payment.InterfaceId;

    /// <summary>
    /// The PayPal order an operation acts on: the payment's own (its <c>interfaceId</c>). An <c>orderId</c> in the request
    /// or a <c>PayPalOrderId</c> field that names another order is refused before any PayPal call. A payment without an
    /// order of its own may adopt one only through an explicit <c>orderId</c> from the merchant's API client; the result
    /// then anchors it (<see cref="AdoptionActions"/>).
    /// </summary>
    public static string OrderId(Payment payment, JsonObject request, string field)
    {
        var requested = RequestJson.OptionalString(request, "orderId", field);
        var own = payment.Custom?.GetString(ConnectorContract.PayPalOrderIdField);
        if (AnchoredOrderId(payment) is { } anchor)
        {
            if (requested is not null && requested != anchor)
            {
                throw new OperationRefusedException($"{field}.orderId is not this payment's PayPal order; an operation acts only on the order the connector created for the payment.");
            }

            if (!string.IsNullOrEmpty(own) && own != anchor)
            {
                throw new OperationRefusedException(
                    $"{field}: the payment's {ConnectorContract.PayPalOrderIdField} does not match the PayPal order the connector created for it (its interfaceId); it cannot be changed by hand.");
            }

            return anchor;
        }

        if (requested is not null && !IsShopperChange(payment))
        {
            return requested;
        }

        throw new OperationRefusedException(
            $"{field}: the payment has no PayPal order of its own yet (set createPayPalOrderRequest first).");
    }

    /// <summary>When a merchant's request adopted an order the payment did not have, anchor it so later operations find it.</summary>
    public static IEnumerable<UpdateAction> AdoptionActions(Payment payment, string orderId)
    {
        if (AnchoredOrderId(payment) is null)
        {
            yield return new SetInterfaceId(orderId);
            if (payment.Custom?.GetString(ConnectorContract.PayPalOrderIdField) != orderId)
            {
                yield return new SetCustomField(ConnectorContract.PayPalOrderIdField, CustomFieldValues.String(orderId));
            }
        }
    }

    /// <summary>
    /// What PayPal may be asked to authorize or capture for this payment. For a payment in a cart: what the cart still owes
    /// (its total less what its other payments cover), and <c>amountPlanned</c> must say the same. For a payment in no cart:
    /// <c>amountPlanned</c>, which only the merchant's API clients can then have set (a shopper's payment must be in a cart).
    /// </summary>
    public static Money PurchaseAmount(Payment payment, Cart? cart, string field)
    {
        var planned = PaymentActions.ToMoney(payment.AmountPlanned);
        if (cart is null)
        {
            if (IsShopperMade(payment))
            {
                throw new DomainValidationException($"{field}: a payment created or changed with a shopper's token must belong to a cart (its total is what is charged).");
            }

            return planned;
        }

        var owed = Owed(payment, cart, field);
        if (!PaymentActions.SameAmount(owed, planned))
        {
            throw new DomainValidationException(
                $"{field}: amountPlanned ({planned}) must equal what the cart still owes ({owed}: its total less what its other payments cover); change amountPlanned first.");
        }

        return owed;
    }

    /// <summary>The cart's total less what its other payments cover (needs the cart read with its payments expanded).</summary>
    public static Money Owed(Payment payment, Cart cart, string field)
    {
        var total = CartMapping.TotalGross(cart);
        var others = new List<IReadOnlyList<SettledTransaction>>();
        foreach (var reference in cart.PaymentInfo?.Payments ?? [])
        {
            if (reference.Id == payment.Id)
            {
                continue;
            }

            if (reference.Obj is not { ValueKind: JsonValueKind.Object } obj || obj.Deserialize(CommercetoolsJsonContext.Default.Payment) is not { } other)
            {
                throw new OperationRefusedException($"{field}: the cart's other payments could not be read; retry the update.");
            }

            others.Add([.. other.Transactions.Select(t => new SettledTransaction(t.Type, t.State, PaymentActions.ToMoney(t.Amount)))]);
        }

        return CartBalance.Owed(total, others);
    }

    /// <summary>An interface interaction recording the amount the connector put on a PayPal order.</summary>
    public static UpdateAction RecordOrderAmount(string interactionTypeKey, string orderId, Money amount, DateTimeOffset now) =>
        ActionEnvelope.Interaction(interactionTypeKey, OrderAmountInteraction, new JsonObject
        {
            ["orderId"] = orderId,
            ["currencyCode"] = amount.CurrencyCode,
            ["centAmount"] = amount.MinorUnits,
            ["fractionDigits"] = amount.FractionDigits,
        }.ToJsonString(), now);

    /// <summary>The amount the connector last put on <paramref name="orderId"/>, from the payment's interactions; null when unrecorded.</summary>
    public static Money? RecordedOrderAmount(Payment payment, string orderId)
    {
        for (var i = payment.InterfaceInteractions.Count - 1; i >= 0; i--)
        {
            var interaction = payment.InterfaceInteractions[i];
            if (interaction.GetString("type") != OrderAmountInteraction || interaction.GetString("data") is not { } data)
            {
                continue;
            }

            try
            {
                var node = JsonNode.Parse(data);
                if (node?["orderId"]?.GetValue<string>() == orderId)
                {
                    return new Money(node["centAmount"]!.GetValue<long>(), node["currencyCode"]!.GetValue<string>(), node["fractionDigits"]!.GetValue<int>());
                }
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or NullReferenceException or FormatException)
            {
                // Not one of ours: keep looking.
            }
        }

        return null;
    }

    /// <summary>
    /// Before an order is captured or authorized: the order's amount (as the connector last set it) must still be what
    /// the payment may move; a cart changed since then must be re-synced first with <c>updatePayPalOrderRequest</c>.
    /// </summary>
    public static void EnsureOrderAmount(Payment payment, string orderId, Money purchase, string field)
    {
        if (RecordedOrderAmount(payment, orderId) is { } recorded
            && !PaymentActions.SameAmount(recorded, purchase))
        {
            throw new OperationRefusedException(
                $"{field}: the PayPal order is for {recorded} but the payment may move {purchase} (the cart changed); send updatePayPalOrderRequest {{}} to re-sync the order first.");
        }
    }
}
