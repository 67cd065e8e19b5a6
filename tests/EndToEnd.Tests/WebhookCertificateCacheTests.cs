using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Connector.Service.Webhooks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace EndToEnd.Tests;

/// <summary>
/// What a flood of forged webhooks can make the certificate cache download: counted at a fake PayPal certificate host,
/// with a fixed clock.
/// </summary>
public sealed class WebhookCertificateCacheTests : IDisposable
{
    private const string Base = "https://api.paypal.com/v1/notifications/certs/";

    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly CertificateHost _host;
    private readonly WebhookCertificateCache _cache;

    public WebhookCertificateCacheTests()
    {
        using var key = RSA.Create(2048);
        using var certificate = new CertificateRequest("CN=cache-test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(_time.GetUtcNow().AddDays(-1), _time.GetUtcNow().AddDays(30));
        _host = new CertificateHost(certificate.ExportCertificatePem());
        _cache = new WebhookCertificateCache(new Factory(_host), _time, NullLogger<WebhookCertificateCache>.Instance);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _host.Release.TrySetResult();

    [Fact]
    public async Task Many_webhooks_arriving_together_with_the_same_new_URL_cause_one_download_and_later_ones_none()
    {
        _host.Release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var waiting = Enumerable.Range(0, 50).Select(_ => _cache.GetAsync(Base + "CERT-360caa42-fca2a594-a5cafa77", Ct)).ToList();
        _host.Release.SetResult();

        var certificates = await Task.WhenAll(waiting);

        certificates.Select(c => c.Thumbprint).Distinct().Count().ShouldBe(1);
        (await _cache.GetAsync(Base + "CERT-360caa42-fca2a594-a5cafa77", Ct)).Thumbprint.ShouldBe(certificates[0].Thumbprint);
        _time.Advance(TimeSpan.FromDays(29));
        await _cache.GetAsync(Base + "CERT-360caa42-fca2a594-a5cafa77", Ct);
        _host.Downloads.ShouldBe([Base + "CERT-360caa42-fca2a594-a5cafa77"]);
    }

    [Fact]
    public async Task A_failed_download_is_remembered_briefly_so_repeating_the_URL_does_not_download_again()
    {
        var forged = Base + "CERT-00000000-forged";
        for (var i = 0; i < 20; i++)
        {
            await Should.ThrowAsync<HttpRequestException>(() => _cache.GetAsync(forged, Ct));
        }

        _host.Downloads.Count.ShouldBe(1);
        _time.Advance(WebhookCertificateCache.FailureCacheTime - TimeSpan.FromSeconds(1));
        await Should.ThrowAsync<HttpRequestException>(() => _cache.GetAsync(forged, Ct));
        _host.Downloads.Count.ShouldBe(1);

        _time.Advance(TimeSpan.FromSeconds(1));
        await Should.ThrowAsync<HttpRequestException>(() => _cache.GetAsync(forged, Ct));
        _host.Downloads.Count.ShouldBe(2);
    }

    [Theory]
    [InlineData("https://api.paypal.com/v1/oauth2/token")]
    [InlineData("https://api.paypal.com/v1/notifications/certs/CERT-1?x=1")]
    [InlineData("https://api.paypal.com/v1/notifications/certs/CERT-1#x")]
    [InlineData("https://api.paypal.com/v1/notifications/certs/CERT-1/more")]
    [InlineData("https://api.paypal.com/v1/notifications/certs/../../v2/checkout/orders")]
    [InlineData("https://api.paypal.com/v1/notifications/certs/NOT-A-CERT")]
    [InlineData("https://api.paypal.com/v1/notifications/certs/CERT-%2e%2e")]
    [InlineData("not a url")]
    public async Task A_URL_that_is_not_PayPal_s_certificate_path_is_never_downloaded(string url)
    {
        await Should.ThrowAsync<HttpRequestException>(() => _cache.GetAsync(url, Ct));

        _host.Downloads.ShouldBeEmpty();
    }

    [Fact]
    public async Task Forged_webhooks_each_with_another_URL_cause_at_most_the_download_budget_and_the_cache_stays_bounded()
    {
        // 82 forged deliveries, each naming a certificate of its own.
        for (var i = 0; i < 82; i++)
        {
            await Should.ThrowAsync<HttpRequestException>(() => _cache.GetAsync($"{Base}CERT-forged-{i}", Ct));
        }

        _host.Downloads.Count.ShouldBe(WebhookCertificateCache.MaxDownloadsPerMinute);

        // Over ten minutes of such a flood, the cache never remembers more than its bound.
        for (var minute = 0; minute < 10; minute++)
        {
            _time.Advance(TimeSpan.FromMinutes(1));
            for (var i = 0; i < 20; i++)
            {
                await Should.ThrowAsync<HttpRequestException>(() => _cache.GetAsync($"{Base}CERT-forged-{minute}-{i}", Ct));
                _cache.Count.ShouldBeLessThanOrEqualTo(WebhookCertificateCache.MaxEntries);
            }
        }

        _host.Downloads.Count.ShouldBe(11 * WebhookCertificateCache.MaxDownloadsPerMinute);

        // Once the flood stops, a genuine certificate is fetched again.
        _time.Advance(TimeSpan.FromMinutes(1));
        (await _cache.GetAsync(Base + "CERT-360caa42-fca2a594-a5cafa77", Ct)).ShouldNotBeNull();
    }

    /// <summary>Serves the certificate at <c>CERT-360caa42-fca2a594-a5cafa77</c> only and records every request.</summary>
    private sealed class CertificateHost(string pem) : HttpMessageHandler
    {
        private readonly ConcurrentQueue<string> _downloads = new();

        public TaskCompletionSource Release { get; set; } = CompletedSource();

        public IReadOnlyList<string> Downloads => [.. _downloads];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            _downloads.Enqueue(request.RequestUri!.ToString());
            await Release.Task.WaitAsync(cancellationToken);
            return request.RequestUri.AbsolutePath.EndsWith("/CERT-360caa42-fca2a594-a5cafa77", StringComparison.Ordinal)
                ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(pem, Encoding.ASCII, "application/x-pem-file") }
                : new HttpResponseMessage(HttpStatusCode.NotFound);
        }

        private static TaskCompletionSource CompletedSource()
        {
            var source = new TaskCompletionSource();
            source.SetResult();
            return source;
        }
    }

    private sealed class Factory(HttpMessageHandler handler) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(handler, disposeHandler: false);
    }
}
