using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Connector.Service.Webhooks;

/// <summary>
/// Fetches PayPal's signing certificates from <c>paypal-cert-url</c> and keeps them until they expire, so a webhook normally
/// costs no certificate download. The TLS connection to an allow-listed PayPal host is what authenticates the certificate.
/// A forged webhook cannot make us download at will: only PayPal's certificate path is fetched (the host is checked by the
/// caller); one download per URL serves every webhook waiting for it; a failed download is remembered for
/// <see cref="FailureCacheTime"/>; at most <see cref="MaxDownloadsPerMinute"/> downloads start per minute, whatever the URLs;
/// and at most <see cref="MaxEntries"/> URLs are remembered. A webhook that finds no certificate is answered 503, so PayPal
/// retries a genuine one later.
/// </summary>
internal sealed partial class WebhookCertificateCache(IHttpClientFactory httpClientFactory, TimeProvider time, ILogger<WebhookCertificateCache> logger)
{
    /// <summary>Name of the <see cref="HttpClient"/> used for downloads (tests swap its handler).</summary>
    public const string HttpClientName = "paypal-webhook-certificates";

    /// <summary>URLs remembered (certificates, downloads under way and failures); PayPal uses one URL per certificate.</summary>
    internal const int MaxEntries = 32;

    /// <summary>Downloads started per sliding minute, over all URLs (fewer than <see cref="MaxEntries"/>, so there is always room).</summary>
    internal const int MaxDownloadsPerMinute = 10;

    /// <summary>How long a failed download is answered from memory before that URL is tried again.</summary>
    internal static readonly TimeSpan FailureCacheTime = TimeSpan.FromSeconds(30);

    private const int MaxCertificateBytes = 64 * 1024;
    private static readonly TimeSpan DownloadWindow = TimeSpan.FromMinutes(1);

    private readonly Lock _lock = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Queue<DateTimeOffset> _downloadStarts = new();

    /// <summary>How many URLs are remembered now.</summary>
    internal int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    public async Task<X509Certificate2> GetAsync(string certUrl, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(certUrl, UriKind.Absolute, out var url) || !PayPalWebhookVerifier.IsCertificatePath(url))
        {
            throw new HttpRequestException("paypal-cert-url is not a PayPal certificate URL; nothing was downloaded.");
        }

        Task<X509Certificate2> download;
        lock (_lock)
        {
            var now = time.GetUtcNow();
            if (!_entries.TryGetValue(certUrl, out var entry) || !entry.Serves(now))
            {
                _entries.Remove(certUrl);
                TakeDownload(now);
                MakeRoom(now);
                entry = new Entry(now);
                entry.Download = DownloadAsync(certUrl, entry);
                _entries[certUrl] = entry;
            }

            download = entry.Download!;
        }

        return await download.WaitAsync(cancellationToken);
    }

    private void TakeDownload(DateTimeOffset now)
    {
        while (_downloadStarts.Count > 0 && _downloadStarts.Peek() <= now - DownloadWindow)
        {
            _downloadStarts.Dequeue();
        }

        if (_downloadStarts.Count >= MaxDownloadsPerMinute)
        {
            throw new HttpRequestException($"{MaxDownloadsPerMinute} certificate downloads within a minute already; not downloading another now.");
        }

        _downloadStarts.Enqueue(now);
    }

    /// <summary>Makes room for one more URL: failures go first, then expired certificates, then the oldest; downloads under way stay.</summary>
    private void MakeRoom(DateTimeOffset now)
    {
        while (_entries.Count >= MaxEntries)
        {
            var victim = _entries
                .Where(e => e.Value.Download!.IsCompleted)
                .OrderBy(e => e.Value.Download!.IsCompletedSuccessfully && e.Value.Serves(now) ? 1 : 0)
                .ThenBy(e => e.Value.Created)
                .Select(e => e.Key)
                .FirstOrDefault();
            if (victim is null)
            {
                return;
            }

            _entries.Remove(victim);
        }
    }

    private async Task<X509Certificate2> DownloadAsync(string url, Entry entry)
    {
        // Not tied to one request's cancellation: the download is shared by every webhook waiting for it.
        await Task.Yield();
        try
        {
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
            if (certificate.NotAfter.ToUniversalTime() <= time.GetUtcNow())
            {
                throw new CryptographicException($"The certificate at {url} expired at {certificate.NotAfter:o}.");
            }

            Log.CertificateFetched(logger, url, certificate.NotAfter);
            return certificate;
        }
        catch (Exception e)
        {
            entry.FailedAt = time.GetUtcNow();
            if (e is OperationCanceledException)
            {
                throw new HttpRequestException("The certificate download timed out.", e);
            }

            throw;
        }
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

    /// <summary>One URL: its download (under way, done or failed) and when it started and failed.</summary>
    private sealed class Entry(DateTimeOffset created)
    {
        public DateTimeOffset Created { get; } = created;

        public Task<X509Certificate2>? Download { get; set; }

        public DateTimeOffset? FailedAt { get; set; }

        /// <summary>Whether this entry answers now: a download under way, a certificate still valid, or a failure still remembered.</summary>
        public bool Serves(DateTimeOffset now) => Download switch
        {
            { IsCompletedSuccessfully: true } done => done.Result.NotAfter.ToUniversalTime() > now,
            { IsCompleted: true } => FailedAt is { } failed && now < failed + FailureCacheTime,
            _ => true,
        };
    }
}
