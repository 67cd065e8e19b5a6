using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Connector.PayPal;

/// <summary>
/// PayPal REST credentials and host. Bound from the <c>PayPal</c> section, which the host also fills from
/// <c>PAYPAL_CLIENT_ID</c>, <c>PAYPAL_CLIENT_SECRET</c>, <c>PAYPAL_ENVIRONMENT</c>, <c>PAYPAL_API_URL</c>.
/// </summary>
public sealed class PayPalOptions
{
    public const string SectionName = "PayPal";

    /// <summary>REST app client id.</summary>
    [Required]
    public string ClientId { get; set; } = "";

    /// <summary>REST app secret. Never logged.</summary>
    [Required]
    public string ClientSecret { get; set; } = "";

    /// <summary><c>sandbox</c> or <c>live</c> (<c>production</c> is accepted as live, in any case). Ignored when <see cref="ApiUrl"/> is set.</summary>
    public string? Environment { get; set; }

    /// <summary>Explicit REST base URL, e.g. an emulator. Wins over <see cref="Environment"/>.</summary>
    public string? ApiUrl { get; set; }

    /// <summary>Partner attribution (BN) code sent as <c>PayPal-Partner-Attribution-Id</c> when set.</summary>
    public string? PartnerAttributionId { get; set; }

    /// <summary>The id of the webhook registered for this connector (used to verify webhook signatures).</summary>
    public string? WebhookId { get; set; }

    /// <summary>The REST base URL, ending in <c>/</c>.</summary>
    public Uri BaseUri
    {
        get
        {
            var url = ResolveUrl() ?? throw new InvalidOperationException(ValidationMessage);
            return new Uri(url.EndsWith('/') ? url : url + "/");
        }
    }

    internal const string ValidationMessage =
        "PayPal host unknown: set PAYPAL_API_URL, or PAYPAL_ENVIRONMENT to 'sandbox' or 'live' ('production' is accepted).";

    /// <summary>Null when neither an explicit URL nor a known environment name is configured.</summary>
    public string? ResolveUrl()
    {
        if (!string.IsNullOrWhiteSpace(ApiUrl))
        {
            return Uri.TryCreate(ApiUrl, UriKind.Absolute, out _) ? ApiUrl : null;
        }

        // The TypeScript connector treated anything but exactly "production" as sandbox; we refuse unknown names.
        return Environment?.Trim().ToUpperInvariant() switch
        {
            "SANDBOX" => "https://api-m.sandbox.paypal.com",
            "LIVE" or "PRODUCTION" => "https://api-m.paypal.com",
            _ => null,
        };
    }
}

/// <summary>The data-annotation checks of <see cref="PayPalOptions"/>, generated at compile time (trim- and AOT-safe).</summary>
[OptionsValidator]
internal sealed partial class PayPalOptionsValidator : IValidateOptions<PayPalOptions>;
