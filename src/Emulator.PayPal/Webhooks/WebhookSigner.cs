using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Emulator.PayPal.Webhooks;

/// <summary>
/// Signs deliveries like PayPal: RSA-SHA256 over <c>transmissionId|transmissionTime|webhookId|crc32(body)</c>, with a
/// self-signed certificate the emulator serves at <see cref="CertPath"/>.
/// </summary>
internal sealed class WebhookSigner(TimeProvider time)
{
    public const string CertName = "CERT-360caa42-fca2a594-emulator";
    public const string CertPath = "/v1/notifications/certs/" + CertName;
    public const string AuthAlgo = "SHA256withRSA";

    // One key per process: generating RSA keys is slow, and every emulator instance may as well share it.
    private static readonly Lock KeyGate = new();
    private static (RSA Key, X509Certificate2 Certificate, string Pem)? _shared;

    private (RSA Key, X509Certificate2 Certificate, string Pem) Material
    {
        get
        {
            lock (KeyGate)
            {
                if (_shared is null)
                {
                    var key = RSA.Create(2048);
                    var request = new CertificateRequest("CN=messageverificationcerts.paypal.emulator, O=PayPal Emulator, C=US", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
                    var now = time.GetUtcNow();
                    var certificate = request.CreateSelfSigned(now.AddYears(-1), now.AddYears(10));
                    _shared = (key, certificate, certificate.ExportCertificatePem() + "\n");
                }

                return _shared.Value;
            }
        }
    }

    public string CertificatePem => Material.Pem;

    public static string SignedText(string transmissionId, string transmissionTime, string webhookId, byte[] body) =>
        string.Create(CultureInfo.InvariantCulture, $"{transmissionId}|{transmissionTime}|{webhookId}|{Crc32.Compute(body)}");

    public string Sign(string transmissionId, string transmissionTime, string webhookId, byte[] body) =>
        Convert.ToBase64String(Material.Key.SignData(Encoding.UTF8.GetBytes(SignedText(transmissionId, transmissionTime, webhookId, body)), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

    public bool Verify(string transmissionId, string transmissionTime, string webhookId, byte[] body, string signature)
    {
        byte[] signatureBytes;
        try
        {
            signatureBytes = Convert.FromBase64String(signature);
        }
        catch (FormatException)
        {
            return false;
        }

        using var publicKey = Material.Certificate.GetRSAPublicKey()!;
        return publicKey.VerifyData(Encoding.UTF8.GetBytes(SignedText(transmissionId, transmissionTime, webhookId, body)), signatureBytes, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }
}

/// <summary>CRC-32 (IEEE 802.3, the one zlib and PayPal's samples use).</summary>
internal static class Crc32
{
    private static readonly uint[] Table = Build();

    public static uint Compute(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc ^ 0xFFFFFFFFu;
    }

    private static uint[] Build()
    {
        var table = new uint[256];
        for (var i = 0u; i < 256; i++)
        {
            var c = i;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[i] = c;
        }

        return table;
    }
}
