using System.Text.Json.Serialization;

namespace Connector.Commercetools.Models;

/// <summary>
/// A commercetools PaymentMethod (<c>/payment-methods</c>, public beta since 2025-07): a saved, reusable payment
/// instrument of a customer. The connector mirrors each vaulted PayPal payment token as one of these.
/// </summary>
public sealed record PaymentMethod : IVersionedResource
{
    public required string Id { get; init; }

    public long Version { get; init; }

    public string? Key { get; init; }

    /// <summary>LocalizedString.</summary>
    public Dictionary<string, string>? Name { get; init; }

    public Reference? Customer { get; init; }

    public string? Method { get; init; }

    public string? PaymentInterface { get; init; }

    public string? InterfaceAccount { get; init; }

    /// <summary>The PSP token; sensitive: never log its value.</summary>
    public PaymentMethodToken? Token { get; init; }

    /// <summary><c>Active</c> or <c>Inactive</c>.</summary>
    public string? PaymentMethodStatus { get; init; }

    public bool Default { get; init; }
}

/// <summary>Tokenized representation of a PaymentMethod; masked in messages and reference expansion.</summary>
public sealed record PaymentMethodToken(string Value);

/// <summary>A PaymentMethod to create.</summary>
public sealed record PaymentMethodDraft
{
    public string? Key { get; init; }

    public Dictionary<string, string>? Name { get; init; }

    public Reference? Customer { get; init; }

    public string? Method { get; init; }

    public string? PaymentInterface { get; init; }

    public PaymentMethodToken? Token { get; init; }

    public string? PaymentMethodStatus { get; init; }

    public bool Default { get; init; }
}

/// <summary>PaymentMethod update actions the connector sends.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "action")]
[JsonDerivedType(typeof(PaymentMethodSetDefault), "setDefault")]
[JsonDerivedType(typeof(PaymentMethodSetName), "setName")]
[JsonDerivedType(typeof(PaymentMethodSetMethod), "setMethod")]
[JsonDerivedType(typeof(PaymentMethodSetStatus), "setPaymentMethodStatus")]
public abstract record PaymentMethodUpdateAction;

public sealed record PaymentMethodSetDefault(bool Default) : PaymentMethodUpdateAction;

public sealed record PaymentMethodSetName(Dictionary<string, string>? Name) : PaymentMethodUpdateAction;

public sealed record PaymentMethodSetMethod(string? Method) : PaymentMethodUpdateAction;

public sealed record PaymentMethodSetStatus(string PaymentMethodStatus) : PaymentMethodUpdateAction;
