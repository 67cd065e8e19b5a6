using System.Text.Json;
using System.Text.Json.Nodes;
using Emulator.Commercetools.Infrastructure;
using Emulator.Commercetools.Store;

namespace Emulator.Commercetools.Payments;

/// <summary>Payments: every current update action, with the Messages each one emits.</summary>
internal sealed class PaymentBehavior(bool strictTransactionStates = false) : ResourceBehavior
{
    public static readonly string[] TransactionTypes = ["Authorization", "CancelAuthorization", "Charge", "Refund", "Chargeback"];
    public static readonly string[] TransactionStates = ["Initial", "Pending", "Success", "Failure"];

    private static readonly string[] InterfaceIdPath = ["interfaceId"];

    public override string TypeId => "payment";

    /// <summary>
    /// setMethodInfo runs, in the payload's order, the single-field action for each paymentMethodInfo field it names:
    /// field → (action, the action's payload property).
    /// </summary>
    private static readonly Dictionary<string, (string Action, string Property)> MethodInfoActions = new(StringComparer.Ordinal)
    {
        ["paymentInterface"] = ("setMethodInfoInterface", "interface"),
        ["method"] = ("setMethodInfoMethod", "method"),
        ["name"] = ("setMethodInfoName", "name"),
        ["token"] = ("setMethodInfoToken", "token"),
        ["interfaceAccount"] = ("setMethodInfoInterfaceAccount", "interfaceAccount"),
    };

    public override string? ExtensionTypeId => "payment";

    public override JsonObject CreateFromDraft(JsonObject draft, ResourceContext context)
    {
        var key = KeyOf(draft);
        var customer = References.ResolveOptional(context.Store, draft, "customer", "customer");
        var anonymousId = JsonUtil.OptString(draft, "anonymousId");
        var payment = new JsonObject
        {
            ["key"] = key,
            ["customer"] = customer,
            ["anonymousId"] = anonymousId,
            ["interfaceId"] = JsonUtil.OptString(draft, "interfaceId"),
            ["externalId"] = JsonUtil.OptString(draft, "externalId"),
            ["amountPlanned"] = Currencies.FromDraft(draft["amountPlanned"], "amountPlanned"),
            ["paymentMethodInfo"] = MethodInfoFromDraft(JsonUtil.OptObject(draft, "paymentMethodInfo"), context),
            ["paymentStatus"] = StatusFromDraft(JsonUtil.OptObject(draft, "paymentStatus")),
            ["transactions"] = JsonUtil.ReadObjects(draft, "transactions", t => TransactionFromDraft(t, context)),
            ["interfaceInteractions"] = JsonUtil.ReadObjects(draft, "interfaceInteractions", i => context.CustomFields.FromDraft(i, "payment-interface-interaction", "interfaceInteractions")!),
            ["custom"] = context.CustomFields.FromDraft(JsonUtil.OptObject(draft, "custom"), "payment"),
        };
        EnsureUniqueTransactionInterfaceIds((JsonArray)payment["transactions"]!);
        return payment;
    }

    public override void OnCreated(JsonObject resource, ResourceContext context) =>
        context.AddMessage("PaymentCreated", new JsonObject { ["payment"] = MaskToken(resource.DeepClone().AsObject()) });

    public override void ValidateCommit(JsonObject resource, ResourceCollection collection)
    {
        var interfaceId = (string?)resource["interfaceId"];
        var paymentInterface = (string?)resource["paymentMethodInfo"]?["paymentInterface"];
        if (interfaceId is null || paymentInterface is null)
        {
            return;
        }

        foreach (var other in collection.WithValue(InterfaceIdPath, interfaceId))
        {
            if (other.Id != (string?)resource["id"]
                && other.Body.TryGetProperty("interfaceId", out var oi) && oi.GetString() == interfaceId
                && other.Body.GetProperty("paymentMethodInfo").TryGetProperty("paymentInterface", out var pi) && pi.GetString() == paymentInterface)
            {
                throw Errors.DuplicateField("interfaceId", interfaceId);
            }
        }
    }

    public override bool Apply(JsonObject payment, string action, JsonObject payload, ResourceContext context)
    {
        var methodInfo = (JsonObject)payment["paymentMethodInfo"]!;
        var status = (JsonObject)payment["paymentStatus"]!;
        var transactions = (JsonArray)payment["transactions"]!;
        switch (action)
        {
            case "setCustomType":
                return context.CustomFields.SetCustomType(payment, payload, "payment");
            case "setCustomField":
                return context.CustomFields.SetCustomField(payment, payload);
            case "addTransaction":
                var transaction = TransactionFromDraft(JsonUtil.ReqObject(payload, "transaction"), context);
                transactions.Add(transaction);
                EnsureUniqueTransactionInterfaceIds(transactions);
                context.AddMessage("PaymentTransactionAdded", new JsonObject { ["transaction"] = transaction.DeepClone() });
                return true;
            case "changeTransactionState":
                var state = JsonUtil.ReqString(payload, "state");
                if (!TransactionStates.Contains(state))
                {
                    throw Errors.InvalidField("state", state, null, new JsonArray(TransactionStates.Select(s => (JsonNode?)s).ToArray()));
                }

                var changed = FindTransaction(transactions, payload);
                var from = (string?)changed["state"];
                if (strictTransactionStates && from != state && !IsForward(from, state))
                {
                    throw Errors.InvalidOperation($"The transaction state cannot change from '{from}' to '{state}' (strict transaction states).");
                }

                if (!JsonUtil.SetIfChanged(changed, "state", state))
                {
                    return false;
                }

                context.AddMessage("PaymentTransactionStateChanged", new JsonObject { ["transactionId"] = changed["id"]!.DeepClone(), ["state"] = state });
                return true;
            case "changeTransactionTimestamp":
                var timestamp = JsonUtil.ReqString(payload, "timestamp");
                return JsonUtil.SetIfChanged(FindTransaction(transactions, payload), "timestamp",
                    Timestamps.Normalize(timestamp) ?? throw Errors.InvalidField("timestamp", timestamp));
            case "changeTransactionInteractionId":
                return JsonUtil.SetIfChanged(FindTransaction(transactions, payload), "interactionId", JsonUtil.ReqString(payload, "interactionId"));
            case "setTransactionCustomType":
                return context.CustomFields.SetCustomType(FindTransaction(transactions, payload), payload, "transaction");
            case "setTransactionCustomField":
                return context.CustomFields.SetCustomField(FindTransaction(transactions, payload), payload);
            case "setTransactionInterfaceId":
                var target = FindTransaction(transactions, payload);
                var oldInterfaceId = (string?)target["interfaceId"];
                var newInterfaceId = JsonUtil.OptString(payload, "interfaceId");
                if (!JsonUtil.SetIfChanged(target, "interfaceId", newInterfaceId))
                {
                    return false;
                }

                EnsureUniqueTransactionInterfaceIds(transactions);
                context.AddMessage("PaymentTransactionInterfaceIdSet", new JsonObject
                {
                    ["transactionId"] = target["id"]!.DeepClone(),
                    ["newInterfaceId"] = newInterfaceId,
                    ["oldInterfaceId"] = oldInterfaceId,
                });
                return true;
            case "addInterfaceInteraction":
                var typeIdentifier = JsonUtil.OptObject(payload, "type") ?? throw Errors.MissingValue("type");
                var interaction = context.CustomFields.FromDraft(
                    new JsonObject { ["type"] = typeIdentifier.DeepClone(), ["fields"] = payload["fields"]?.DeepClone() }, "payment-interface-interaction")!;
                ((JsonArray)(payment["interfaceInteractions"] ??= new JsonArray())).Add(interaction);
                context.AddMessage("PaymentInteractionAdded", new JsonObject { ["interaction"] = interaction.DeepClone() });
                return true;
            case "setStatusInterfaceCode":
                var code = JsonUtil.OptString(payload, "interfaceCode");
                if (!JsonUtil.SetIfChanged(status, "interfaceCode", code))
                {
                    return false;
                }

                context.AddMessage("PaymentStatusInterfaceCodeSet", new JsonObject { ["paymentId"] = payment["id"]!.DeepClone(), ["interfaceCode"] = code });
                return true;
            case "setStatusInterfaceText":
                var text = JsonUtil.OptString(payload, "interfaceText");
                return JsonUtil.SetIfChanged(status, "interfaceText", string.IsNullOrEmpty(text) ? null : text);
            case "transitionState":
                var stateRef = JsonUtil.OptObject(payload, "state") ?? throw Errors.MissingValue("state");
                var stateId = JsonUtil.OptString(stateRef, "id") ?? throw Errors.InvalidInput("state: the emulator resolves States by id only.");
                var force = JsonUtil.OptBool(payload, "force") ?? false;
                if (!JsonUtil.SetIfChanged(status, "state", JsonUtil.Reference("state", stateId)))
                {
                    return false;
                }

                context.AddMessage("PaymentStatusStateTransition", new JsonObject { ["state"] = JsonUtil.Reference("state", stateId), ["force"] = force });
                return true;
            case "setInterfaceId":
                var interfaceId = JsonUtil.OptString(payload, "interfaceId");
                var currentInterfaceId = (string?)payment["interfaceId"];
                if (currentInterfaceId is not null && currentInterfaceId != interfaceId)
                {
                    throw Errors.InvalidOperation("The interfaceId of a Payment cannot be changed once it is set.");
                }

                if (!JsonUtil.SetIfChanged(payment, "interfaceId", interfaceId))
                {
                    return false;
                }

                context.AddMessage("PaymentInterfaceIdSet", new JsonObject { ["interfaceId"] = interfaceId, ["oldInterfaceId"] = currentInterfaceId });
                return true;
            case "setMethodInfoInterface":
                var newInterface = JsonUtil.ReqString(payload, "interface");
                var oldInterface = (string?)methodInfo["paymentInterface"];
                if (oldInterface is not null && oldInterface != newInterface)
                {
                    throw Errors.InvalidOperation("The paymentInterface of paymentMethodInfo cannot be changed once it is set.");
                }

                return SetMethodInfo(methodInfo, "paymentInterface", newInterface, "PaymentMethodInfoInterfaceSet", "interface", context);
            case "setMethodInfoMethod":
                return SetMethodInfo(methodInfo, "method", JsonUtil.OptString(payload, "method"), "PaymentMethodInfoMethodSet", "method", context);
            case "setMethodInfoName":
                return SetMethodInfo(methodInfo, "name", JsonUtil.OptLocalizedString(payload, "name"), "PaymentMethodInfoNameSet", "name", context);
            case "setMethodInfoToken":
                var token = JsonUtil.OptObject(payload, "token");
                var tokenValue = token is null ? null : new JsonObject { ["value"] = JsonUtil.ReqString(token, "value", "token.value") };
                return SetMethodInfo(methodInfo, "token", tokenValue, "PaymentMethodInfoTokenSet", "token", context, mask: true);
            case "setMethodInfoInterfaceAccount":
                return SetMethodInfo(methodInfo, "interfaceAccount", JsonUtil.OptString(payload, "interfaceAccount"), "PaymentMethodInfoInterfaceAccountSet", "interfaceAccount", context);
            case "setMethodInfoCustomType":
                var hadType = methodInfo["custom"] is not null;
                if (!context.CustomFields.SetCustomType(methodInfo, payload, "payment-method-info"))
                {
                    return false;
                }

                context.AddMessage(methodInfo["custom"] is null ? "PaymentMethodInfoCustomTypeRemoved" : "PaymentMethodInfoCustomTypeSet",
                    methodInfo["custom"] is JsonObject mc ? new JsonObject { ["customFields"] = mc.DeepClone() } : new JsonObject { ["previousTypeId"] = hadType ? "type" : null });
                return true;
            case "setMethodInfoCustomField":
                var existed = methodInfo["custom"]?["fields"]?[JsonUtil.ReqString(payload, "name")] is not null;
                if (!context.CustomFields.SetCustomField(methodInfo, payload))
                {
                    return false;
                }

                context.AddMessage(JsonUtil.IsNull(payload["value"]) ? "PaymentMethodInfoCustomFieldRemoved" : existed ? "PaymentMethodInfoCustomFieldChanged" : "PaymentMethodInfoCustomFieldAdded",
                    new JsonObject { ["name"] = payload["name"]!.DeepClone(), ["value"] = payload["value"]?.DeepClone() });
                return true;
            case "setMethodInfo":
                var any = false;
                foreach (var (name, value) in payload)
                {
                    if (MethodInfoActions.TryGetValue(name, out var set))
                    {
                        any |= Apply(payment, set.Action, new JsonObject { [set.Property] = value?.DeepClone() }, context);
                    }
                    else if (name == "custom")
                    {
                        var custom = value as JsonObject;
                        any |= Apply(payment, "setMethodInfoCustomType", new JsonObject { ["type"] = custom?["type"]?.DeepClone(), ["fields"] = custom?["fields"]?.DeepClone() }, context);
                    }
                }

                return any;
            case "changeAmountPlanned":
                return JsonUtil.SetIfChanged(payment, "amountPlanned", Currencies.FromDraft(payload["amount"], "amount"));
            case "setKey":
                return SetKey(payment, payload);
            case "setCustomer":
                var customer = References.ResolveOptional(context.Store, payload, "customer", "customer");
                return JsonUtil.SetIfChanged(payment, "customer", customer);
            case "setAnonymousId":
                var anonymousId = JsonUtil.OptString(payload, "anonymousId");
                if (anonymousId is not null && payment["customer"] is not null)
                {
                    throw Errors.InvalidOperation("A Payment with a customer cannot have an anonymousId.");
                }

                return JsonUtil.SetIfChanged(payment, "anonymousId", anonymousId);
            case "setExternalId":
                return JsonUtil.SetIfChanged(payment, "externalId", JsonUtil.OptString(payload, "externalId"));
            case "setAuthorization":
                var amount = payload["amount"] is { } a && !JsonUtil.IsNull(a) ? Currencies.FromDraft(a, "amount") : null;
                var changedAmount = JsonUtil.SetIfChanged(payment, "amountAuthorized", amount);
                var until = JsonUtil.OptString(payload, "until");
                return JsonUtil.SetIfChanged(payment, "authorizedUntil", until is null ? null : Timestamps.Normalize(until)) | changedAmount;
            case "setAmountPaid":
                return JsonUtil.SetIfChanged(payment, "amountPaid", payload["amount"] is { } paid && !JsonUtil.IsNull(paid) ? Currencies.FromDraft(paid, "amount") : null);
            case "setAmountRefunded":
                return JsonUtil.SetIfChanged(payment, "amountRefunded", payload["amount"] is { } refunded && !JsonUtil.IsNull(refunded) ? Currencies.FromDraft(refunded, "amount") : null);
            default:
                throw UnknownAction(action);
        }
    }

    private static bool IsForward(string? from, string to) => (from, to) switch
    {
        ("Initial", _) => true,
        ("Pending", "Success" or "Failure") => true,
        _ => false,
    };

    private static bool SetMethodInfo(JsonObject methodInfo, string property, JsonNode? value, string messageType, string messageField, ResourceContext context, bool mask = false)
    {
        var old = methodInfo[property]?.DeepClone();
        if (!JsonUtil.SetIfChanged(methodInfo, property, value))
        {
            return false;
        }

        var payload = new JsonObject
        {
            [messageField] = mask && value is not null ? new JsonObject { ["value"] = MaskValue((string?)value["value"]) } : value?.DeepClone(),
            ["old" + char.ToUpperInvariant(messageField[0]) + messageField[1..]] = mask && old is not null ? new JsonObject { ["value"] = MaskValue((string?)old["value"]) } : old,
        };
        context.AddMessage(messageType, payload);
        return true;
    }

    public static JsonObject MethodInfoFromDraft(JsonObject? draft, ResourceContext context)
    {
        var info = new JsonObject();
        if (draft is null)
        {
            return info;
        }

        JsonUtil.Set(info, "paymentInterface", JsonUtil.OptString(draft, "paymentInterface", "paymentMethodInfo.paymentInterface"));
        JsonUtil.Set(info, "method", JsonUtil.OptString(draft, "method", "paymentMethodInfo.method"));
        JsonUtil.Set(info, "name", JsonUtil.OptLocalizedString(draft, "name", "paymentMethodInfo.name"));
        JsonUtil.Set(info, "interfaceAccount", JsonUtil.OptString(draft, "interfaceAccount", "paymentMethodInfo.interfaceAccount"));
        if (JsonUtil.OptObject(draft, "token", "paymentMethodInfo.token") is { } token)
        {
            info["token"] = new JsonObject { ["value"] = JsonUtil.ReqString(token, "value", "paymentMethodInfo.token.value") };
        }

        JsonUtil.Set(info, "custom", context.CustomFields.FromDraft(JsonUtil.OptObject(draft, "custom"), "payment-method-info", "paymentMethodInfo.custom"));
        return info;
    }

    private static JsonObject StatusFromDraft(JsonObject? draft)
    {
        var status = new JsonObject();
        if (draft is null)
        {
            return status;
        }

        JsonUtil.Set(status, "interfaceCode", JsonUtil.OptString(draft, "interfaceCode", "paymentStatus.interfaceCode"));
        JsonUtil.Set(status, "interfaceText", JsonUtil.OptString(draft, "interfaceText", "paymentStatus.interfaceText"));
        if (JsonUtil.OptObject(draft, "state") is { } state && JsonUtil.OptString(state, "id") is { } stateId)
        {
            status["state"] = JsonUtil.Reference("state", stateId);
        }

        return status;
    }

    public static JsonObject TransactionFromDraft(JsonObject draft, ResourceContext context, string? defaultState = "Initial")
    {
        var type = JsonUtil.ReqString(draft, "type", "transaction.type");
        if (!TransactionTypes.Contains(type))
        {
            throw Errors.InvalidField("type", type, null, new JsonArray(TransactionTypes.Select(s => (JsonNode?)s).ToArray()));
        }

        var state = JsonUtil.OptString(draft, "state", "transaction.state") ?? defaultState;
        if (state is null || !TransactionStates.Contains(state))
        {
            throw Errors.InvalidField("state", state, null, new JsonArray(TransactionStates.Select(s => (JsonNode?)s).ToArray()));
        }

        var transaction = new JsonObject { ["id"] = Guid.NewGuid().ToString() };
        if (JsonUtil.OptString(draft, "timestamp", "transaction.timestamp") is { } timestamp)
        {
            transaction["timestamp"] = Timestamps.Normalize(timestamp) ?? throw Errors.InvalidField("timestamp", timestamp);
        }

        transaction["type"] = type;
        transaction["amount"] = Currencies.FromDraft(draft["amount"], "transaction.amount");
        JsonUtil.Set(transaction, "interactionId", JsonUtil.OptString(draft, "interactionId", "transaction.interactionId"));
        JsonUtil.Set(transaction, "interfaceId", JsonUtil.OptString(draft, "interfaceId", "transaction.interfaceId"));
        transaction["state"] = state;
        JsonUtil.Set(transaction, "custom", context.CustomFields.FromDraft(JsonUtil.OptObject(draft, "custom"), "transaction", "transaction.custom"));
        return transaction;
    }

    private static JsonObject FindTransaction(JsonArray transactions, JsonObject payload)
    {
        var id = JsonUtil.ReqString(payload, "transactionId");
        return transactions.OfType<JsonObject>().FirstOrDefault(t => (string?)t["id"] == id)
            ?? throw Errors.InvalidOperation($"A transaction with id '{id}' does not exist on this payment.");
    }

    private static void EnsureUniqueTransactionInterfaceIds(JsonArray transactions)
    {
        var ids = transactions.OfType<JsonObject>().Select(t => (string?)t["interfaceId"]).Where(i => i is not null).ToList();
        var duplicate = ids.GroupBy(i => i).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw Errors.DuplicateField("transactions.interfaceId", duplicate.Key);
        }
    }

    /// <summary>Token masking (undocumented format): keep the last 4 characters.</summary>
    public static string MaskValue(string? value) =>
        value is null ? "****" : value.Length <= 4 ? new string('*', value.Length) : new string('*', value.Length - 4) + value[^4..];

    public static JsonObject MaskToken(JsonObject payment)
    {
        if (payment["paymentMethodInfo"]?["token"] is JsonObject token)
        {
            token["value"] = MaskValue((string?)token["value"]);
        }

        return payment;
    }

    public static string? GetString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
