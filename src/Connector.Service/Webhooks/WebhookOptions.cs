using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Connector.Service.Webhooks;

/// <summary>How <c>POST /paypal-webhooks</c> checks and applies PayPal webhooks. Bound from the <c>PayPal</c> section.</summary>
public sealed class WebhookOptions
{
    public const string SectionName = "PayPal";

    /// <summary>The id PayPal gave the webhook registration (<c>PayPal:WebhookId</c>, <c>PAYPAL_WEBHOOK_ID</c>). Read per request, so it may be set after start.</summary>
    public string? WebhookId { get; set; }

    /// <summary>
    /// <c>Offline</c> (default): verify the RSA-SHA256 signature with the certificate from <c>paypal-cert-url</c>;
    /// <c>Api</c>: ask PayPal (<c>POST /v1/notifications/verify-webhook-signature</c>), one extra call per webhook.
    /// </summary>
    public WebhookVerificationMode WebhookVerification { get; set; } = WebhookVerificationMode.Offline;

    /// <summary>
    /// Where signing certificates may be fetched from (<c>PayPal:WebhookCertHosts</c>): a host name (HTTPS, default port) or
    /// an origin such as <c>http://127.0.0.1:8090</c> (scheme, host and port must all match). Defaults to PayPal's API hosts.
    /// </summary>
    public List<string> WebhookCertHosts { get; set; } = [];

    /// <summary>
    /// How far <c>paypal-transmission-time</c> may be from our clock, in either direction (seconds; default 300). PayPal stamps
    /// each delivery attempt anew, so a genuine retry is never older than this; a captured request replayed later is.
    /// </summary>
    [Range(30, 86400)]
    public int WebhookToleranceSeconds { get; set; } = 300;

    /// <summary>
    /// An event for a payment we cannot find is answered 404 (PayPal retries) while the event is younger than this (minutes;
    /// default 60: the extension that stores the order id may still be running), and 200 (dropped, logged) after.
    /// </summary>
    [Range(0, 10080)]
    public int WebhookUnknownPaymentRetryMinutes { get; set; } = 60;

    /// <summary>PayPal's own API hosts, used when <see cref="WebhookCertHosts"/> is empty.</summary>
    public static IReadOnlyList<string> DefaultCertHosts { get; } =
        ["api.paypal.com", "api.sandbox.paypal.com", "api-m.paypal.com", "api-m.sandbox.paypal.com"];

    public IReadOnlyList<string> EffectiveCertHosts => WebhookCertHosts.Count > 0 ? WebhookCertHosts : DefaultCertHosts;
}

/// <summary>How webhook signatures are verified.</summary>
public enum WebhookVerificationMode
{
    /// <summary>Locally, with PayPal's certificate (no PayPal call per webhook).</summary>
    Offline,

    /// <summary>By PayPal's <c>verify-webhook-signature</c> API.</summary>
    Api,
}

/// <summary>The data-annotation checks of <see cref="WebhookOptions"/>, generated at compile time (trim- and AOT-safe).</summary>
[OptionsValidator]
internal sealed partial class WebhookOptionsValidator : IValidateOptions<WebhookOptions>;
