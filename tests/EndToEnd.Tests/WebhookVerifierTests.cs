using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Connector.Service.Webhooks;

namespace EndToEnd.Tests;

/// <summary>The webhook signature check as the pure function it is: fixed clock, fixed inputs, no host.</summary>
public sealed class WebhookVerifierTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    private readonly RSA _key = RSA.Create(2048);
    private readonly X509Certificate2 _certificate;

    public WebhookVerifierTests()
    {
        var request = new CertificateRequest("CN=verifier-test", _key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        _certificate = request.CreateSelfSigned(Now.AddDays(-1), Now.AddDays(1));
    }

    public void Dispose()
    {
        _certificate.Dispose();
        _key.Dispose();
    }

    [Fact]
    public void Crc32_matches_the_IEEE_check_value_and_the_independent_implementation()
    {
        WebhookSigner.Crc32(Encoding.ASCII.GetBytes("123456789")).ShouldBe(0xCBF43926u);
        var body = Encoding.UTF8.GetBytes("{\"id\":\"WH-1\",\"event_type\":\"PAYMENT.CAPTURE.COMPLETED\",\"résumé\":true}");
        PayPalWebhookVerifier.SignedText("t-1", "2026-11-23T12:00:00Z", "WH", body)
            .ShouldBe($"t-1|2026-11-23T12:00:00Z|WH|{WebhookSigner.Crc32(body)}");
    }

    [Fact]
    public void A_genuine_signature_within_the_window_is_valid()
    {
        var body = Body();
        PayPalWebhookVerifier.Verify(Sign(body, Now.AddSeconds(-299)), body, "WH-1", _certificate, Now, Tolerance).IsValid.ShouldBeTrue();
        PayPalWebhookVerifier.Verify(Sign(body, Now.AddSeconds(299)), body, "WH-1", _certificate, Now, Tolerance).IsValid.ShouldBeTrue();
    }

    [Theory]
    [InlineData(-301, "from now")]
    [InlineData(301, "from now")]
    [InlineData(-86400, "from now")]
    public void A_transmission_outside_the_window_is_rejected(int offsetSeconds, string reason)
    {
        var body = Body();
        var result = PayPalWebhookVerifier.Verify(Sign(body, Now.AddSeconds(offsetSeconds)), body, "WH-1", _certificate, Now, Tolerance);
        result.IsValid.ShouldBeFalse();
        result.Failure!.ShouldContain(reason);
    }

    [Fact]
    public void Any_change_to_body_webhook_id_transmission_or_signature_is_rejected()
    {
        var body = Body();
        var headers = Sign(body, Now);

        Verify(headers, Encoding.UTF8.GetBytes("{\"id\":\"WH-2\"}"), "WH-1").ShouldBe("the signature does not match");
        Verify(headers, body, "WH-OTHER").ShouldBe("the signature does not match");
        Verify(headers with { TransmissionId = "other" }, body, "WH-1").ShouldBe("the signature does not match");
        Verify(headers with { TransmissionTime = Now.AddSeconds(1).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture) }, body, "WH-1")
            .ShouldBe("the signature does not match");
        Verify(headers with { TransmissionSig = "not base64!" }, body, "WH-1").ShouldBe("paypal-transmission-sig is not base64");
        Verify(headers with { AuthAlgo = "SHA1withRSA" }, body, "WH-1")!.ShouldContain("is not SHA256withRSA");
        Verify(headers with { CertUrl = null }, body, "WH-1")!.ShouldContain("header is missing");
        Verify(headers with { TransmissionTime = "yesterday" }, body, "WH-1").ShouldBe("paypal-transmission-time is not a timestamp");
        Verify(headers, body, "WH-1").ShouldBeNull();
    }

    [Fact]
    public void A_certificate_that_is_not_valid_at_the_transmission_is_rejected()
    {
        var body = Body();
        using var expired = new CertificateRequest("CN=expired", _key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(Now.AddDays(-30), Now.AddDays(-1));
        PayPalWebhookVerifier.Verify(Sign(body, Now), body, "WH-1", expired, Now, Tolerance).Failure.ShouldBe("the signing certificate is not valid now");
    }

    [Theory]
    [InlineData("https://api.paypal.com/v1/notifications/certs/CERT-1", true)]
    [InlineData("https://API.SANDBOX.PAYPAL.COM/v1/notifications/certs/CERT-1", true)]
    [InlineData("https://api-m.paypal.com/v1/notifications/certs/CERT-1", true)]
    [InlineData("http://api.paypal.com/v1/notifications/certs/CERT-1", false)]
    [InlineData("https://api.paypal.com:8443/cert", false)]
    [InlineData("https://api.paypal.com.evil.example/cert", false)]
    [InlineData("https://evil.example/api.paypal.com", false)]
    [InlineData("https://user@api.paypal.com/cert", false)]
    [InlineData("http://127.0.0.1:8090/v1/notifications/certs/CERT-1", true)]
    [InlineData("http://127.0.0.1:8091/v1/notifications/certs/CERT-1", false)]
    [InlineData("https://127.0.0.1:8090/cert", false)]
    [InlineData("not a url", false)]
    [InlineData("https://api.paypal.com/v1/oauth2/token", false)]
    [InlineData("https://api.paypal.com/v1/notifications/certs/CERT-1?download=1", false)]
    [InlineData("https://api.paypal.com/v1/notifications/certs/", false)]
    [InlineData("https://api.paypal.com/v1/notifications/certs/CERT-1/../../../v2/checkout/orders", false)]
    [InlineData("https://api.sandbox.paypal.com/v1/notifications/certs/CERT-360caa42-fca2a594-a5cafa77", true)]
    public void Certificates_come_only_from_allowed_hosts_and_PayPal_s_certificate_path(string url, bool allowed)
    {
        var hosts = WebhookOptions.DefaultCertHosts.Append("http://127.0.0.1:8090");
        PayPalWebhookVerifier.IsAllowedCertUrl(url, hosts).ShouldBe(allowed);
    }

    [Fact]
    public void The_first_certificate_of_a_PEM_chain_is_the_signing_one()
    {
        using var otherKey = RSA.Create(2048);
        using var issuer = new CertificateRequest("CN=issuer", otherKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1).CreateSelfSigned(Now.AddDays(-1), Now.AddDays(1));
        var pem = _certificate.ExportCertificatePem() + "\n" + issuer.ExportCertificatePem() + "\n";

        using var parsed = WebhookCertificateCache.Parse(Encoding.ASCII.GetBytes(pem));

        parsed.Thumbprint.ShouldBe(_certificate.Thumbprint);
    }

    private static byte[] Body() => Encoding.UTF8.GetBytes("{\"id\":\"WH-EVT-1\",\"event_type\":\"PAYMENT.CAPTURE.COMPLETED\",\"resource\":{}}");

    private string? Verify(WebhookHeaders headers, byte[] body, string webhookId) =>
        PayPalWebhookVerifier.Verify(headers, body, webhookId, _certificate, Now, Tolerance).Failure;

    private WebhookHeaders Sign(byte[] body, DateTimeOffset sentAt)
    {
        var time = sentAt.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        var signed = $"tx-1|{time}|WH-1|{WebhookSigner.Crc32(body)}";
        var signature = Convert.ToBase64String(_key.SignData(Encoding.UTF8.GetBytes(signed), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        return new WebhookHeaders("tx-1", time, signature, "https://api.paypal.com/v1/notifications/certs/CERT-1", "SHA256withRSA");
    }
}
