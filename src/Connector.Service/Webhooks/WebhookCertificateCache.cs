using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Connector.Service.Webhooks;

/// <summary>
/// Fetches PayPal's signing certificates from <c>paypal-cert-url</c> (only from allow-listed hosts, checked by the caller) and
/// keeps them until they expire, so a webhook normally costs no certificate download. The TLS connection to an allow-listed
/// PayPal host is what authenticates the certificate; PayPal rotates it rarely, and a new URL is simply fetched.
/// </summary>
internal sealed partial class WebhookCertificateCache(IHttpClientFactory httpClientFactory, TimeProvider time, ILogger<WebhookCertificateCache> logger)
{
    /// <summary>Name of the <see cref="HttpClient"/> used for downloads (tests swap its handler).</summary>
    public const string HttpClientName = "paypal-webhook-certificates";

    // PayPal uses one URL per certificate; a bound keeps a flood of distinct (allow-listed) URLs from growing the cache.
    private const int MaxEntries = 32;
    private const int MaxCertificateBytes = 64 * 1024;

    private readonly ConcurrentDictionary<string, Lazy<Task<X509Certificate2>>> _entries = new(StringComparer.Ordinal);

    public async Task<X509Certificate2> GetAsync(string certUrl, CancellationToken cancellationToken)
    {
        if (_entries.TryGetValue(certUrl, out var cached))
        {
            try
            {
                var certificate = await cached.Value;
                if (certificate.NotAfter.ToUniversalTime() > time.GetUtcNow())
                {
                    return certificate;
                }
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                // A failed download is not cached: fall through and try again.
            }

            _entries.TryRemove(KeyValuePair.Create(certUrl, cached));
        }

        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        var entry = _entries.GetOrAdd(certUrl, url => new Lazy<Task<X509Certificate2>>(() => DownloadAsync(url)));
        try
        {
            return await entry.Value.WaitAsync(cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            _entries.TryRemove(KeyValuePair.Create(certUrl, entry));
            throw;
        }
    }

    private async Task<X509Certificate2> DownloadAsync(string url)
    {
        // Not tied to one request's cancellation: the download is shared by every webhook waiting for it.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var http = httpClientFactory.CreateClient(HttpClientName);
        using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        response.EnsureSuccessStatusCode();
        if (response.Content.Headers.ContentLength > MaxCertificateBytes)
        {
            throw new CryptographicException("The certificate download is too large.");
        }

        var bytes = await response.Content.ReadAsByteArrayAsync(timeout.Token);
        var certificate = Parse(bytes);
        Log.CertificateFetched(logger, url, certificate.NotAfter);
        return certificate;
    }

    /// <summary>The first certificate of a PEM bundle (PayPal serves the leaf first, then its chain), or a DER certificate.</summary>
    internal static X509Certificate2 Parse(byte[] bytes)
    {
        var text = System.Text.Encoding.ASCII.GetString(bytes);
        var span = text.AsSpan();
        while (PemEncoding.TryFind(span, out var fields))
        {
            if (span[fields.Label].SequenceEqual("CERTIFICATE"))
            {
                var der = Convert.FromBase64String(span[fields.Base64Data].ToString());
                return X509CertificateLoader.LoadCertificate(der);
            }

            span = span[fields.Location.End.Value..];
        }

        return X509CertificateLoader.LoadCertificate(bytes);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Webhook signing certificate fetched from {Url}, valid until {NotAfter:o}")]
        public static partial void CertificateFetched(ILogger logger, string url, DateTime notAfter);
    }
}
