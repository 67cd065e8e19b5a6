using Connector.PayPal.Models;
using System.Text.Json.Nodes;
using Connector.PayPal;
using Microsoft.Extensions.Options;

namespace Connector.Service.Webhooks;

/// <summary>Whether a delivery is genuine: yes, no (401), or we cannot tell right now (503, PayPal retries).</summary>
internal enum WebhookAuthenticity
{
    Genuine,
    Forged,
    Unknown,
}

/// <summary>
/// Runs the configured check (<see cref="WebhookVerificationMode"/>) on one delivery, before anything else is looked at.
/// </summary>
internal sealed partial class WebhookAuthenticator(
    IOptionsMonitor<WebhookOptions> options,
    WebhookCertificateCache certificates,
    PayPalClient payPal,
    TimeProvider time,
    ILogger<WebhookAuthenticator> logger)
{
    public async Task<WebhookAuthenticity> CheckAsync(WebhookHeaders headers, byte[] body, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var tolerance = TimeSpan.FromSeconds(settings.WebhookToleranceSeconds);
        var now = time.GetUtcNow();
        var headerCheck = PayPalWebhookVerifier.CheckHeaders(headers, now, tolerance);
        if (!headerCheck.IsValid)
        {
            return Reject(headers, headerCheck.Failure!);
        }

        if (string.IsNullOrEmpty(settings.WebhookId))
        {
            // Without the registration id no signature can be checked; 503 so PayPal retries once deploy has set it.
            Log.NoWebhookId(logger);
            return WebhookAuthenticity.Unknown;
        }

        return settings.WebhookVerification == WebhookVerificationMode.Api
            ? await CheckWithPayPalAsync(headers, body, settings.WebhookId, cancellationToken)
            : await CheckOfflineAsync(headers, body, settings, now, tolerance, cancellationToken);
    }

    private async Task<WebhookAuthenticity> CheckOfflineAsync(WebhookHeaders headers, byte[] body, WebhookOptions settings, DateTimeOffset now, TimeSpan tolerance,
        CancellationToken cancellationToken)
    {
        if (!PayPalWebhookVerifier.IsAllowedCertUrl(headers.CertUrl!, settings.EffectiveCertHosts))
        {
            return Reject(headers, "paypal-cert-url is not on an allowed host");
        }

        System.Security.Cryptography.X509Certificates.X509Certificate2 certificate;
        try
        {
            certificate = await certificates.GetAsync(headers.CertUrl!, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Security.Cryptography.CryptographicException or FormatException)
        {
            Log.CertificateUnavailable(logger, headers.TransmissionId, e.Message);
            return WebhookAuthenticity.Unknown;
        }

        var result = PayPalWebhookVerifier.Verify(headers, body, settings.WebhookId!, certificate, now, tolerance);
        return result.IsValid ? WebhookAuthenticity.Genuine : Reject(headers, result.Failure!);
    }

    private async Task<WebhookAuthenticity> CheckWithPayPalAsync(WebhookHeaders headers, byte[] body, string webhookId, CancellationToken cancellationToken)
    {
        JsonNode? webhookEvent;
        try
        {
            webhookEvent = JsonNode.Parse(body);
        }
        catch (System.Text.Json.JsonException)
        {
            return Reject(headers, "the body is not JSON");
        }

        var request = new VerifyWebhookSignatureRequest(headers.AuthAlgo, headers.CertUrl, headers.TransmissionId, headers.TransmissionSig,
            headers.TransmissionTime, webhookId, webhookEvent);
        try
        {
            var response = await payPal.Webhooks.VerifySignatureAsync(request, cancellationToken);
            var status = response.Value?.VerificationStatus;
            return status == "SUCCESS" ? WebhookAuthenticity.Genuine : Reject(headers, $"PayPal answered verification_status {status}");
        }
        catch (PayPalApiException e) when (e.IsTransient)
        {
            Log.CertificateUnavailable(logger, headers.TransmissionId, e.Message);
            return WebhookAuthenticity.Unknown;
        }
        catch (PayPalApiException e)
        {
            return Reject(headers, $"PayPal refused the verification request ({(int)e.StatusCode} {e.Name})");
        }
    }

    private WebhookAuthenticity Reject(WebhookHeaders headers, string reason)
    {
        Log.Rejected(logger, headers.TransmissionId, reason);
        return WebhookAuthenticity.Forged;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3102, Level = LogLevel.Warning, Message = "Webhook transmission {TransmissionId} rejected: {Reason}")]
        public static partial void Rejected(ILogger logger, string? transmissionId, string reason);

        [LoggerMessage(EventId = 3103, Level = LogLevel.Warning, Message = "Webhook transmission {TransmissionId} could not be verified now: {Reason}")]
        public static partial void CertificateUnavailable(ILogger logger, string? transmissionId, string reason);

        [LoggerMessage(EventId = 3104, Level = LogLevel.Error, Message = "A webhook arrived but PayPal:WebhookId is not configured; answering 503 so PayPal retries")]
        public static partial void NoWebhookId(ILogger logger);
    }
}
