using System.Net;
using System.Text.Json.Nodes;
using Emulator.PayPal.Tests.Drivers;
using Emulator.PayPal.Webhooks;

namespace Emulator.PayPal.Tests.Webhooks;

/// <summary>PayPal retries a failed webhook delivery up to 25 times over 3 days; the emulator's schedule can be compressed.</summary>
public sealed class WebhookRetryScheduleTests
{
    private static async Task<(EmulatorHost Host, WebhookReceiver Receiver)> StartAsync(Dictionary<string, string?>? settings)
    {
        var receiver = new WebhookReceiver();
        var host = await EmulatorHost.StartAsync(settings, receiver.Install);
        var (status, _) = await host.CallAsync(HttpMethod.Post, "/v1/notifications/webhooks", new JsonObject
        {
            ["url"] = "https://merchant.example.com/hooks",
            ["event_types"] = new JsonArray(new JsonObject { ["name"] = "PAYMENT.CAPTURE.COMPLETED" }),
        });
        status.ShouldBe(HttpStatusCode.Created);
        return (host, receiver);
    }

    private static async Task CaptureAsync(EmulatorHost host)
    {
        var order = await host.CreateOrderAsync(Payloads.CardOrder());
        (await host.CallAsync(HttpMethod.Post, $"/v2/checkout/orders/{order["id"]}/capture", null, EmulatorHost.Representation("cap"))).Status.ShouldBe(HttpStatusCode.Created);
    }

    /// <summary>Follows one event's attempts on the fake clock until one has no next attempt; returns them in order.</summary>
    private static async Task<List<DeliveryAttempt>> FollowAsync(EmulatorHost host, int limit = 40)
    {
        var observed = host.Service<WebhookDispatcher>().Observed;
        var attempts = new List<DeliveryAttempt>();
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        guard.CancelAfter(TimeSpan.FromSeconds(60));
        while (attempts.Count < limit)
        {
            var attempt = await observed.ReadAsync(guard.Token);
            attempts.Add(attempt);
            if (attempt.NextAttemptAt is not { } next)
            {
                break;
            }

            host.Time.Advance(next - host.Time.GetUtcNow());
        }

        return attempts;
    }

    private static List<TimeSpan> Gaps(List<DeliveryAttempt> attempts) =>
        [.. attempts.Zip(attempts.Skip(1)).Select(pair => pair.Second.At - pair.First.At)];

    [Fact]
    public async Task Default_schedule_is_25_retries_within_3_days()
    {
        var (host, receiver) = await StartAsync(null);
        await using var _ = host;
        receiver.Answer = _ => HttpStatusCode.InternalServerError;
        await CaptureAsync(host);

        var attempts = await FollowAsync(host);

        attempts.Count.ShouldBe(26);
        attempts.Select(a => a.Attempt).ShouldBe(Enumerable.Range(1, 26));
        attempts.ShouldAllBe(a => !a.Delivered && a.StatusCode == 500);
        attempts[^1].NextAttemptAt.ShouldBeNull();
        var gaps = Gaps(attempts);
        gaps.ShouldBe(Emulator.PayPal.WebhookOptions.PayPalRetryDelays);
        gaps.Zip(gaps.Skip(1)).ShouldAllBe(pair => pair.Second >= pair.First);
        var span = attempts[^1].At - attempts[0].At;
        span.ShouldBeLessThanOrEqualTo(TimeSpan.FromDays(3));
        span.ShouldBeGreaterThan(TimeSpan.FromDays(2.9));
    }

    [Fact]
    public async Task Time_scale_compresses_the_schedule_and_a_recovered_listener_ends_it()
    {
        var (host, receiver) = await StartAsync(new() { ["Emulator:Webhooks:TimeScale"] = "0.001" });
        await using var _ = host;
        var calls = 0;
        receiver.Answer = _ => Interlocked.Increment(ref calls) <= 5 ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.OK;
        await CaptureAsync(host);

        var attempts = await FollowAsync(host);

        attempts.Count.ShouldBe(6);
        attempts[^1].Delivered.ShouldBeTrue();
        attempts[^1].NextAttemptAt.ShouldBeNull();
        Gaps(attempts).ShouldBe(Emulator.PayPal.WebhookOptions.PayPalRetryDelays.Take(5).Select(d => TimeSpan.FromTicks(d.Ticks / 1000)));
        Gaps(attempts)[0].ShouldBe(TimeSpan.FromMilliseconds(30));
    }

    [Fact]
    public async Task Explicit_delays_repeat_their_last_entry_up_to_max_attempts()
    {
        var (host, receiver) = await StartAsync(new()
        {
            ["Emulator:Webhooks:RetryDelays:0"] = "00:00:01",
            ["Emulator:Webhooks:RetryDelays:1"] = "00:00:05",
            ["Emulator:Webhooks:MaxAttempts"] = "5",
        });
        await using var _ = host;
        receiver.Answer = _ => HttpStatusCode.NotFound;
        await CaptureAsync(host);

        var attempts = await FollowAsync(host);

        attempts.Count.ShouldBe(5);
        Gaps(attempts).ShouldBe([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5)]);
        var (_, deliveries) = await host.CallAsync(HttpMethod.Get, "/emulator/webhooks/deliveries");
        deliveries!["deliveries"]!.AsArray().Count.ShouldBe(5);
    }
}
