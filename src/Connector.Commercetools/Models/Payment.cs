using System.Text.Json;
using System.Text.Json.Serialization;

namespace Connector.Commercetools.Models;

/// <summary>A commercetools Payment, with the fields the connector reads.</summary>
public sealed record Payment
{
    [JsonRequired]
    public string Id { get; set; } = null!;

    public long Version { get; set; }

    public string? Key { get; set; }

    public Reference? Customer { get; set; }

    public string? AnonymousId { get; set; }

    public string? InterfaceId { get; set; }

    [JsonRequired]
    public TypedMoney AmountPlanned { get; set; } = null!;

    public PaymentMethodInfo? PaymentMethodInfo { get; set; }

    public PaymentStatus? PaymentStatus { get; set; }

    public List<Transaction> Transactions { get; set; } = [];

    private List<CustomFields>? _interactions;

    /// <summary>
    /// Interface interactions as commercetools sent them. They grow with every operation (each one logs its request and
    /// PayPal's answer) and few calls read them, so they stay JSON until <see cref="InterfaceInteractions"/> is read.
    /// </summary>
    [JsonPropertyName("interfaceInteractions")]
    public JsonElement? InterfaceInteractionsJson { get; set; }

    /// <summary>Interface interactions; written only through the merchant's API clients (My Payments cannot add them).</summary>
    [JsonIgnore]
    public List<CustomFields> InterfaceInteractions
    {
        get => _interactions ??= InterfaceInteractionsJson is { ValueKind: JsonValueKind.Array } json
            ? json.Deserialize(Connector.Commercetools.CommercetoolsJsonContext.Default.ListCustomFields) ?? []
            : [];
        set => _interactions = value;
    }

    public CustomFields? Custom { get; set; }

    /// <summary>Who created the payment; a shopper for payments made through My Payments.</summary>
    public ClientLogging? CreatedBy { get; set; }

    /// <summary>Who made the change now being processed (the extension sees the resource as it would be persisted).</summary>
    public ClientLogging? LastModifiedBy { get; set; }

    /// <summary>When the payment last changed (millisecond precision); the reconciler pages by it.</summary>
    public DateTimeOffset? LastModifiedAt { get; set; }
}

/// <summary>How the payment is made.</summary>
public sealed record PaymentMethodInfo
{
    public string? PaymentInterface { get; set; }

    public string? Method { get; set; }

    public Dictionary<string, string>? Name { get; set; }
}

/// <summary>The PSP-side status of a payment.</summary>
public sealed record PaymentStatus
{
    public string? InterfaceCode { get; set; }

    public string? InterfaceText { get; set; }
}

/// <summary>A payment transaction.</summary>
public sealed record Transaction
{
    [JsonRequired]
    public string Id { get; set; } = null!;

    public DateTimeOffset? Timestamp { get; set; }

    [JsonRequired]
    public string Type { get; set; } = null!;

    [JsonRequired]
    public TypedMoney Amount { get; set; } = null!;

    public string? InteractionId { get; set; }

    [JsonRequired]
    public string State { get; set; } = null!;
}

/// <summary>A transaction to add.</summary>
public sealed record TransactionDraft
{
    public DateTimeOffset? Timestamp { get; set; }

    [JsonRequired]
    public string Type { get; set; } = null!;

    [JsonRequired]
    public TypedMoney Amount { get; set; } = null!;

    public string? InteractionId { get; set; }

    public string? State { get; set; }
}

/// <summary>Payment update actions the connector sends or returns from the extension.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "action")]
[JsonDerivedType(typeof(SetCustomField), "setCustomField")]
[JsonDerivedType(typeof(SetCustomType), "setCustomType")]
[JsonDerivedType(typeof(AddTransaction), "addTransaction")]
[JsonDerivedType(typeof(ChangeTransactionState), "changeTransactionState")]
[JsonDerivedType(typeof(AddInterfaceInteraction), "addInterfaceInteraction")]
[JsonDerivedType(typeof(SetStatusInterfaceCode), "setStatusInterfaceCode")]
[JsonDerivedType(typeof(SetStatusInterfaceText), "setStatusInterfaceText")]
[JsonDerivedType(typeof(SetInterfaceId), "setInterfaceId")]
[JsonDerivedType(typeof(SetMethodInfoMethod), "setMethodInfoMethod")]
[JsonDerivedType(typeof(SetMethodInfoInterface), "setMethodInfoInterface")]
[JsonDerivedType(typeof(ChangeAmountPlanned), "changeAmountPlanned")]
public abstract record UpdateAction;

/// <summary>Sets (or with a null value removes) a custom field; also valid on customers.</summary>
public sealed record SetCustomField(string Name, FieldValue? Value) : UpdateAction;

public sealed record SetCustomType(Reference? Type, Dictionary<string, FieldValue>? Fields) : UpdateAction;

public sealed record AddTransaction(TransactionDraft Transaction) : UpdateAction;

public sealed record ChangeTransactionState(string TransactionId, string State) : UpdateAction;

public sealed record AddInterfaceInteraction(Reference Type, Dictionary<string, FieldValue> Fields) : UpdateAction;

public sealed record SetStatusInterfaceCode(string? InterfaceCode) : UpdateAction;

public sealed record SetStatusInterfaceText(string InterfaceText) : UpdateAction;

public sealed record SetInterfaceId(string InterfaceId) : UpdateAction;

public sealed record SetMethodInfoMethod(string? Method) : UpdateAction;

public sealed record SetMethodInfoInterface(string Interface) : UpdateAction;

public sealed record ChangeAmountPlanned(TypedMoney Amount) : UpdateAction;

/// <summary>A payment to create.</summary>
public sealed record PaymentDraft
{
    public string? Key { get; set; }

    [JsonRequired]
    public TypedMoney AmountPlanned { get; set; } = null!;

    public Reference? Customer { get; set; }

    public PaymentMethodInfo? PaymentMethodInfo { get; set; }

    public CustomFieldsDraft? Custom { get; set; }
}
