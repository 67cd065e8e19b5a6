using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace EndToEnd.Tests;

/// <summary>
/// Signs webhook deliveries the way PayPal does (RSA-SHA256 over <c>transmissionId|time|webhookId|crc32(body)</c>) with a
/// test certificate, and serves that certificate to the connector through <see cref="CertificateHandler"/>.
/// </summary>
public sealed class WebhookSigner : IDisposable
{
    public const string CertHost = "certs.paypal.test";

    private readonly RSA _key = RSA.Create(2048);

    public WebhookSigner(string webhookId)
    {
        WebhookId = webhookId;
        var request = new CertificateRequest("CN=webhook-signer.test", _key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        CertificatePem = certificate.ExportCertificatePem();
    }

    public string WebhookId { get; }

    public string CertificatePem { get; }

    public string CertUrl { get; } = $"https://{CertHost}/v1/notifications/certs/CERT-{Guid.NewGuid():N}";

    /// <summary>The five PayPal headers for <paramref name="body"/>, signed for <paramref name="webhookId"/> (default: ours) at <paramref name="sentAt"/>.</summary>
    public Dictionary<string, string> Headers(byte[] body, DateTimeOffset? sentAt = null, string? webhookId = null, RSA? key = null)
    {
        var transmissionId = Guid.NewGuid().ToString();
        var time = (sentAt ?? DateTimeOffset.UtcNow).ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var signed = $"{transmissionId}|{time}|{webhookId ?? WebhookId}|{Crc32(body).ToString(CultureInfo.InvariantCulture)}";
        var signature = (key ?? _key).SignData(Encoding.UTF8.GetBytes(signed), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return new Dictionary<string, string>
        {
            ["paypal-transmission-id"] = transmissionId,
            ["paypal-transmission-time"] = time,
            ["paypal-transmission-sig"] = Convert.ToBase64String(signature),
            ["paypal-cert-url"] = CertUrl,
            ["paypal-auth-algo"] = "SHA256withRSA",
        };
    }

    /// <summary>Independent CRC-32 (bitwise), so the test does not reuse the code under test.</summary>
    public static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var i = 0; i < 8; i++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }

    public HttpMessageHandler CertificateHandler() => new CertHandler(this);

    public void Dispose() => _key.Dispose();

    private sealed class CertHandler(WebhookSigner signer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            // Anything but our certificate URL is a request nobody expected.
            var response = request.RequestUri?.ToString() == signer.CertUrl
                ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(signer.CertificatePem, Encoding.ASCII, "application/x-pem-file") }
                : new HttpResponseMessage(HttpStatusCode.NotFound);
            return Task.FromResult(response);
        }
    }
}
