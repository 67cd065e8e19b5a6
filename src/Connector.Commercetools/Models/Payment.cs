using System.Text.Json;
using System.Text.Json.Serialization;

namespace Connector.Commercetools.Models;

/// <summary>A commercetools Payment, with the fields the connector reads.</summary>
public sealed record Payment
{
    public required string Id { get; init; }

    public long Version { get; init; }

    public string? Key { get; init; }

    public Reference? Customer { get; init; }

    public string? AnonymousId { get; init; }

    public string? InterfaceId { get; init; }

    public required TypedMoney AmountPlanned { get; init; }

    public PaymentMethodInfo? PaymentMethodInfo { get; init; }

    public PaymentStatus? PaymentStatus { get; init; }

    public List<Transaction> Transactions { get; init; } = [];

    /// <summary>Interface interactions; written only through the merchant's API clients (My Payments cannot add them).</summary>
    public List<CustomFields> InterfaceInteractions { get; init; } = [];

    public CustomFields? Custom { get; init; }

    /// <summary>Who created the payment; a shopper for payments made through My Payments.</summary>
    public ClientLogging? CreatedBy { get; init; }

    /// <summary>Who made the change now being processed (the extension sees the resource as it would be persisted).</summary>
    public ClientLogging? LastModifiedBy { get; init; }

    /// <summary>When the payment last changed (millisecond precision); the reconciler pages by it.</summary>
    public DateTimeOffset? LastModifiedAt { get; init; }
}

/// <summary>How the payment is made.</summary>
public sealed record PaymentMethodInfo
{
    public string? PaymentInterface { get; init; }

    public string? Method { get; init; }

    public Dictionary<string, string>? Name { get; init; }
}

/// <summary>The PSP-side status of a payment.</summary>
public sealed record PaymentStatus
{
    public string? InterfaceCode { get; init; }

    public string? InterfaceText { get; init; }
}

/// <summary>A payment transaction.</summary>
public sealed record Transaction
{
    public required string Id { get; init; }

    public DateTimeOffset? Timestamp { get; init; }

    public required string Type { get; init; }

    public required TypedMoney Amount { get; init; }

    public string? InteractionId { get; init; }

    public required string State { get; init; }
}

/// <summary>A transaction to add.</summary>
public sealed record TransactionDraft
{
    public DateTimeOffset? Timestamp { get; init; }

    public required string Type { get; init; }

    public required TypedMoney Amount { get; init; }

    public string? InteractionId { get; init; }

    public string? State { get; init; }
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
    public string? Key { get; init; }

    public required TypedMoney AmountPlanned { get; init; }

    public Reference? Customer { get; init; }

    public PaymentMethodInfo? PaymentMethodInfo { get; init; }

    public CustomFieldsDraft? Custom { get; init; }
}
