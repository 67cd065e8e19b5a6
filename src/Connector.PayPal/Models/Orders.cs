using System.Text.Json.Nodes;

namespace Connector.PayPal.Models;

/// <summary>PayPal money: a currency and a decimal string.</summary>
public sealed record PayPalMoney(string CurrencyCode, string Value);

/// <summary>HATEOAS link.</summary>
public sealed record LinkDescription(string Href, string Rel, string? Method);

/// <summary>An Orders v2 order, with the fields the connector reads.</summary>
public sealed record PayPalOrder
{
    public required string Id { get; init; }

    public string? Status { get; init; }

    public string? Intent { get; init; }

    public JsonObject? PaymentSource { get; init; }

    public List<PurchaseUnit> PurchaseUnits { get; init; } = [];

    public List<LinkDescription> Links { get; init; } = [];
}

public sealed record PurchaseUnit
{
    public string? ReferenceId { get; init; }

    public PayPalMoney? Amount { get; init; }

    public string? InvoiceId { get; init; }

    public string? CustomId { get; init; }

    public PaymentCollection? Payments { get; init; }
}

public sealed record PaymentCollection
{
    public List<PayPalCapture> Captures { get; init; } = [];

    public List<PayPalAuthorization> Authorizations { get; init; } = [];

    public List<PayPalRefund> Refunds { get; init; } = [];
}

public sealed record PayPalCapture
{
    public required string Id { get; init; }

    public string? Status { get; init; }

    public PayPalMoney? Amount { get; init; }

    public bool? FinalCapture { get; init; }
}

public sealed record PayPalAuthorization
{
    public required string Id { get; init; }

    public string? Status { get; init; }

    public PayPalMoney? Amount { get; init; }
}

public sealed record PayPalRefund
{
    public required string Id { get; init; }

    public string? Status { get; init; }

    public PayPalMoney? Amount { get; init; }
}

/// <summary>Body of <c>POST /v2/payments/authorizations/{id}/capture</c>.</summary>
public sealed record CaptureAuthorizationRequest
{
    public PayPalMoney? Amount { get; init; }

    public bool? FinalCapture { get; init; }

    public string? InvoiceId { get; init; }

    public string? NoteToPayer { get; init; }
}

/// <summary>Body of <c>POST /v2/payments/captures/{id}/refund</c>.</summary>
public sealed record RefundCaptureRequest
{
    public PayPalMoney? Amount { get; init; }

    public string? InvoiceId { get; init; }

    public string? NoteToPayer { get; init; }
}

/// <summary>PayPal OAuth token response.</summary>
public sealed record PayPalTokenResponse
{
    public string AccessToken { get; init; } = "";

    public long ExpiresIn { get; init; }

    public string? IdToken { get; init; }
}

/// <summary>Response of <c>POST /v1/identity/generate-token</c>.</summary>
public sealed record ClientTokenResponse
{
    public string ClientToken { get; init; } = "";

    public long? ExpiresIn { get; init; }
}

/// <summary>PayPal's error envelope.</summary>
public sealed record PayPalErrorResponse
{
    public string? Name { get; init; }

    public string? Message { get; init; }

    public string? DebugId { get; init; }

    public List<PayPalErrorDetailDto>? Details { get; init; }

    public string? Error { get; init; }

    public string? ErrorDescription { get; init; }
}

public sealed record PayPalErrorDetailDto
{
    public string? Field { get; init; }

    public string? Issue { get; init; }

    public string? Description { get; init; }
}
