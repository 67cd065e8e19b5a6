using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Connector.Domain.Tokens;

namespace Connector.PayPal.Models;

/// <summary>PayPal money: a currency and a decimal string.</summary>
public sealed record PayPalMoney(string CurrencyCode, string Value);

/// <summary>HATEOAS link.</summary>
public sealed record LinkDescription(string Href, string Rel, string? Method);

/// <summary>An Orders v2 order, with the fields the connector reads.</summary>
public sealed record PayPalOrder
{
    [JsonRequired]
    public string Id { get; set; } = null!;

    public string? Status { get; set; }

    public string? Intent { get; set; }

    public JsonObject? PaymentSource { get; set; }

    public List<PurchaseUnit> PurchaseUnits { get; set; } = [];

    public List<LinkDescription> Links { get; set; } = [];
}

public sealed record PurchaseUnit
{
    public string? ReferenceId { get; set; }

    public PayPalMoney? Amount { get; set; }

    public string? InvoiceId { get; set; }

    public string? CustomId { get; set; }

    public PaymentCollection? Payments { get; set; }
}

public sealed record PaymentCollection
{
    public List<PayPalCapture> Captures { get; set; } = [];

    public List<PayPalAuthorization> Authorizations { get; set; } = [];

    public List<PayPalRefund> Refunds { get; set; } = [];
}

public sealed record PayPalCapture
{
    [JsonRequired]
    public string Id { get; set; } = null!;

    public string? Status { get; set; }

    public PayPalMoney? Amount { get; set; }

    public bool? FinalCapture { get; set; }
}

public sealed record PayPalAuthorization
{
    [JsonRequired]
    public string Id { get; set; } = null!;

    public string? Status { get; set; }

    public PayPalMoney? Amount { get; set; }
}

public sealed record PayPalRefund
{
    [JsonRequired]
    public string Id { get; set; } = null!;

    public string? Status { get; set; }

    public PayPalMoney? Amount { get; set; }
}

/// <summary>Body of <c>POST /v2/payments/authorizations/{id}/capture</c>.</summary>
public sealed record CaptureAuthorizationRequest
{
    public PayPalMoney? Amount { get; set; }

    public bool? FinalCapture { get; set; }

    public string? InvoiceId { get; set; }

    public string? NoteToPayer { get; set; }
}

/// <summary>Body of <c>POST /v2/payments/captures/{id}/refund</c>.</summary>
public sealed record RefundCaptureRequest
{
    public PayPalMoney? Amount { get; set; }

    public string? InvoiceId { get; set; }

    public string? NoteToPayer { get; set; }
}

/// <summary>PayPal OAuth token response.</summary>
public sealed record PayPalTokenResponse : IAccessTokenResponse
{
    public string AccessToken { get; set; } = "";

    public long ExpiresIn { get; set; }

    public string? IdToken { get; set; }
}

/// <summary>Response of <c>POST /v1/identity/generate-token</c>.</summary>
public sealed record ClientTokenResponse
{
    public string ClientToken { get; set; } = "";

    public long? ExpiresIn { get; set; }
}

/// <summary>PayPal's error envelope.</summary>
public sealed record PayPalErrorResponse
{
    public string? Name { get; set; }

    public string? Message { get; set; }

    public string? DebugId { get; set; }

    public List<PayPalErrorDetailDto>? Details { get; set; }

    public string? Error { get; set; }

    public string? ErrorDescription { get; set; }
}

public sealed record PayPalErrorDetailDto
{
    public string? Field { get; set; }

    public string? Issue { get; set; }

    public string? Description { get; set; }
}
