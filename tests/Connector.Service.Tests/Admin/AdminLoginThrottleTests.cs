using System.Net;
using Connector.Service.Admin;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Connector.Service.Tests.Admin;

public sealed class AdminLoginThrottleTests
{
    private static readonly IPAddress Attacker = IPAddress.Parse("203.0.113.7");
    private static readonly IPAddress Merchant = IPAddress.Parse("198.51.100.20");

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    private AdminLoginThrottle Create(int limit = 10, int windowSeconds = 60) =>
        new(Options.Create(new AdminOptions { AdminLoginFailureLimit = limit, AdminLoginFailureWindowSeconds = windowSeconds }), _time,
            NullLogger<AdminLoginThrottle>.Instance);

    [Fact]
    public void The_failure_after_the_limit_is_blocked_unchecked_with_the_time_until_the_oldest_failure_leaves_the_window()
    {
        var throttle = Create();
        for (var i = 0; i < 10; i++)
        {
            throttle.Check(Attacker, () => false).Outcome.ShouldBe(CredentialOutcome.Refused);
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        var checkedAgain = false;
        var blocked = throttle.Check(Attacker, () => checkedAgain = true);

        blocked.Outcome.ShouldBe(CredentialOutcome.Blocked);
        checkedAgain.ShouldBeFalse();
        // The first failure was at 0 s; it is now 10 s: 50 s until the window no longer holds ten.
        blocked.RetryAfter.ShouldBe(TimeSpan.FromSeconds(50));
        throttle.Check(Merchant, () => true).Outcome.ShouldBe(CredentialOutcome.Accepted);

        _time.Advance(TimeSpan.FromSeconds(49));
        throttle.Check(Attacker, () => true).Outcome.ShouldBe(CredentialOutcome.Blocked);
        _time.Advance(TimeSpan.FromSeconds(1));
        throttle.Check(Attacker, () => true).Outcome.ShouldBe(CredentialOutcome.Accepted);
        // The window slides: one failure has left it, so exactly one more may be made before the block returns.
        throttle.Check(Attacker, () => false).Outcome.ShouldBe(CredentialOutcome.Refused);
        throttle.Check(Attacker, () => false).Outcome.ShouldBe(CredentialOutcome.Blocked);
    }

    [Fact]
    public void Only_failures_count_so_a_busy_merchant_is_never_limited()
    {
        var throttle = Create(limit: 3);
        for (var i = 0; i < 1000; i++)
        {
            throttle.Check(Merchant, () => true).Outcome.ShouldBe(CredentialOutcome.Accepted);
        }

        throttle.Check(Merchant, () => false).Outcome.ShouldBe(CredentialOutcome.Refused);
        throttle.Check(Merchant, () => false).Outcome.ShouldBe(CredentialOutcome.Refused);
        throttle.Check(Merchant, () => true).Outcome.ShouldBe(CredentialOutcome.Accepted);
        throttle.Check(Merchant, () => false).Outcome.ShouldBe(CredentialOutcome.Refused);
        throttle.Check(Merchant, () => true).Outcome.ShouldBe(CredentialOutcome.Blocked);
    }

    [Fact]
    public async Task Parallel_guesses_cannot_overshoot_the_limit()
    {
        var throttle = Create(limit: 10);
        var checks = 0;
        await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => Task.Run(() => throttle.Check(Attacker, () =>
        {
            Interlocked.Increment(ref checks);
            return false;
        }), TestContext.Current.CancellationToken)));

        checks.ShouldBe(10);
    }

    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:3::1", "2001:db8:1:3::/64")]
    public void IPv6_clients_count_per_64_block_and_mapped_IPv4_as_IPv4(string address, string key) =>
        AdminLoginThrottle.PartitionKey(IPAddress.Parse(address)).ShouldBe(key);

    [Fact]
    public void Without_a_known_address_all_such_clients_share_one_budget() =>
        AdminLoginThrottle.PartitionKey(null).ShouldBe("unknown");
}
