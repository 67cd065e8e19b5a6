using System.Net;
using System.Net.Http.Headers;
using Connector.Service.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Connector.Service.Tests.Events;

/// <summary>
/// The endpoints that buffer a body before looking at it (PayPal webhooks: 512 KiB, commercetools events: 256 KiB)
/// answer 413 past their bound, whether the length is announced or the body comes chunked with no length at all.
/// </summary>
public sealed class BodyLimitTests
{
    private const string EventsSecret = "events-secret-0123456789abcdef";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/paypal-commercetools-events", 256 * 1024 + 1, true)]
    [InlineData("/paypal-commercetools-events", 256 * 1024 + 1, false)]
    [InlineData("/paypal-webhooks", 512 * 1024 + 1, true)]
    [InlineData("/paypal-webhooks", 512 * 1024 + 1, false)]
    public async Task A_body_past_the_bound_is_refused_with_413(string path, int bytes, bool chunked)
    {
        var (app, http) = await StartAsync();
        await using var _ = app;
        using var __ = http;

        using var response = await http.SendAsync(Post(path, bytes, chunked), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task A_chunked_event_within_the_bound_is_read_and_judged_by_its_content()
    {
        var (app, http) = await StartAsync();
        await using var _ = app;
        using var __ = http;

        // Not a Pub/Sub push envelope: read in full, then refused as malformed (400), not as too large.
        using var response = await http.SendAsync(Post("/paypal-commercetools-events", 200 * 1024, chunked: true), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    private static async Task<(WebApplication App, HttpClient Http)> StartAsync()
    {
        var app = OfflineConnector.Build(new Dictionary<string, string?> { ["Connector:EventsSecret"] = EventsSecret });
        await app.StartAsync(Ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, new HttpClient { BaseAddress = new Uri(address) });
    }

    private static HttpRequestMessage Post(string path, int bytes, bool chunked)
    {
        var body = new byte[bytes];
        Array.Fill(body, (byte)'a');
        HttpContent content = chunked ? new StreamContent(new UnknownLengthStream(body)) : new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", EventsSecret);
        request.Headers.TransferEncodingChunked = chunked;
        if (chunked)
        {
            content.Headers.ContentLength.ShouldBeNull("no length is announced");
        }

        return request;
    }

    /// <summary>A stream that cannot say its length, so the client sends it chunked.</summary>
    private sealed class UnknownLengthStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();
    }
}
