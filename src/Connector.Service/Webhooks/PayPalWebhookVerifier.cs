using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;

namespace Connector.Service.Webhooks;

/// <summary>The outcome of a webhook check: valid, or the precise reason it is not (logged, never sent back).</summary>
internal sealed record WebhookVerification(bool IsValid, string? Failure)
{
    public static WebhookVerification Valid { get; } = new(true, null);

    public static WebhookVerification Invalid(string failure) => new(false, failure);
}

/// <summary>
/// PayPal webhook signature checks as pure functions: everything they depend on, the clock included, is a parameter
/// (https://developer.paypal.com/api/rest/webhooks/rest/#link-selfverificationmethod).
/// </summary>
internal static partial class PayPalWebhookVerifier
{
    private const string SupportedAlgorithm = "SHA256withRSA";

    /// <summary>
    /// The header checks shared by both verification modes: all five headers present, a supported algorithm, and a
    /// transmission time within <paramref name="tolerance"/> of <paramref name="now"/> (either direction, for clock skew).
    /// </summary>
    public static WebhookVerification CheckHeaders(WebhookHeaders headers, DateTimeOffset now, TimeSpan tolerance)
    {
        if (headers.TransmissionId is null || headers.TransmissionTime is null || headers.TransmissionSig is null
            || headers.CertUrl is null || headers.AuthAlgo is null)
        {
            return WebhookVerification.Invalid("a paypal-transmission-* / paypal-cert-url / paypal-auth-algo header is missing");
        }

        if (!string.Equals(headers.AuthAlgo, SupportedAlgorithm, StringComparison.OrdinalIgnoreCase))
        {
            return WebhookVerification.Invalid($"paypal-auth-algo '{headers.AuthAlgo}' is not {SupportedAlgorithm}");
        }

        if (!DateTimeOffset.TryParse(headers.TransmissionTime, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var sent))
        {
            return WebhookVerification.Invalid("paypal-transmission-time is not a timestamp");
        }

        var age = now - sent;
        return age.Duration() > tolerance
            ? WebhookVerification.Invalid($"paypal-transmission-time is {age.TotalSeconds:F0} s from now (tolerance {tolerance.TotalSeconds:F0} s)")
            : WebhookVerification.Valid;
    }

    /// <summary>
    /// The offline check: headers as in <see cref="CheckHeaders"/>, the certificate valid at <paramref name="now"/>, and
    /// <c>paypal-transmission-sig</c> an RSA-SHA256 (PKCS#1 v1.5) signature by it over
    /// <c>transmissionId|transmissionTime|webhookId|crc32(body)</c>.
    /// </summary>
    public static WebhookVerification Verify(WebhookHeaders headers, ReadOnlySpan<byte> body, string webhookId, X509Certificate2 certificate,
        DateTimeOffset now, TimeSpan tolerance)
    {
        var headerCheck = CheckHeaders(headers, now, tolerance);
        if (!headerCheck.IsValid)
        {
            return headerCheck;
        }

        if (now < certificate.NotBefore.ToUniversalTime() || now > certificate.NotAfter.ToUniversalTime())
        {
            return WebhookVerification.Invalid("the signing certificate is not valid now");
        }

        byte[] signature;
        try
        {
            signature = Convert.FromBase64String(headers.TransmissionSig!);
        }
        catch (FormatException)
        {
            return WebhookVerification.Invalid("paypal-transmission-sig is not base64");
        }

        using var rsa = certificate.GetRSAPublicKey();
        if (rsa is null)
        {
            return WebhookVerification.Invalid("the signing certificate has no RSA key");
        }

        var signed = Encoding.UTF8.GetBytes(SignedText(headers.TransmissionId!, headers.TransmissionTime!, webhookId, body));
        return rsa.VerifyData(signed, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            ? WebhookVerification.Valid
            : WebhookVerification.Invalid("the signature does not match");
    }

    /// <summary>The text PayPal signs; the CRC is the unsigned decimal CRC-32 of the raw body bytes.</summary>
    public static string SignedText(string transmissionId, string transmissionTime, string webhookId, ReadOnlySpan<byte> body) =>
        string.Create(CultureInfo.InvariantCulture, $"{transmissionId}|{transmissionTime}|{webhookId}|{Crc32.Compute(body)}");

    /// <summary>
    /// Whether a certificate URL points at an allowed host (a bare host means HTTPS on the default port; an origin must match
    /// exactly) and at PayPal's certificate path (<see cref="IsCertificatePath"/>).
    /// </summary>
    public static bool IsAllowedCertUrl(string certUrl, IEnumerable<string> allowed)
    {
        if (!Uri.TryCreate(certUrl, UriKind.Absolute, out var url) || !string.IsNullOrEmpty(url.UserInfo) || !IsCertificatePath(url))
        {
            return false;
        }

        foreach (var entry in allowed)
        {
            if (entry.Contains("://", StringComparison.Ordinal))
            {
                if (Uri.TryCreate(entry, UriKind.Absolute, out var origin)
                    && string.Equals(origin.Scheme, url.Scheme, StringComparison.OrdinalIgnoreCase)
                    && string.Equals(origin.Host, url.Host, StringComparison.OrdinalIgnoreCase)
                    && origin.Port == url.Port)
                {
                    return true;
                }
            }
            else if (url.Scheme == Uri.UriSchemeHttps && url.IsDefaultPort && string.Equals(entry, url.Host, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the URL has the shape of PayPal's <c>paypal-cert-url</c>: path <c>/v1/notifications/certs/CERT-...</c> (letters,
    /// digits and hyphens, e.g. <c>CERT-360caa42-fca2a594-a5cafa77</c>), no query, no fragment.
    /// </summary>
    public static bool IsCertificatePath(Uri url) =>
        url.IsAbsoluteUri && url.Query.Length == 0 && url.Fragment.Length == 0 && CertificatePath().IsMatch(url.AbsolutePath);

    [GeneratedRegex(@"^/v1/notifications/certs/CERT-[A-Za-z0-9-]{1,100}\z", RegexOptions.CultureInvariant)]
    private static partial Regex CertificatePath();
}
