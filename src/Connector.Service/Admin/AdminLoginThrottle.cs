using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace Connector.Service.Admin;

/// <summary>What became of a presented admin credential.</summary>
internal enum CredentialOutcome
{
    Accepted,
    Refused,

    /// <summary>Not even looked at: the client address used up its failures (<see cref="CredentialCheck.RetryAfter"/>).</summary>
    Blocked,
}

internal readonly record struct CredentialCheck(CredentialOutcome Outcome, TimeSpan RetryAfter);

/// <summary>
/// Limits wrong admin credentials per client address: at most <see cref="AdminOptions.AdminLoginFailureLimit"/> failures in
/// a sliding window of <see cref="AdminOptions.AdminLoginFailureWindowSeconds"/>; after that every credential from the
/// address is refused unchecked until the oldest failure leaves the window. Only failures count, so a merchant using the
/// API all day is never limited. The check and the counting happen under one lock per address, so parallel guesses cannot
/// overshoot the limit. The address is the connection's (<see cref="ConnectionInfo.RemoteIpAddress"/>):
/// <c>X-Forwarded-For</c> is only believed when ASP.NET Core's forwarded-headers handling is enabled. IPv6 clients count
/// per /64, the block a single host usually has.
/// </summary>
internal sealed partial class AdminLoginThrottle(IOptions<AdminOptions> options, TimeProvider time, ILogger<AdminLoginThrottle> logger)
{
    // Above this many tracked addresses, addresses without a failure in the window are dropped (at most once a second).
    private const int TrimAbove = 10_000;

    private readonly ConcurrentDictionary<string, FailureLog> _addresses = new(StringComparer.Ordinal);
    private long _nextTrimTicks;

    /// <summary>Runs <paramref name="verify"/> unless the address is blocked; a false answer counts as a failure.</summary>
    public CredentialCheck Check(IPAddress? address, Func<bool> verify)
    {
        var o = options.Value;
        var window = TimeSpan.FromSeconds(o.AdminLoginFailureWindowSeconds);
        var key = PartitionKey(address);
        while (true)
        {
            var failures = _addresses.GetOrAdd(key, _ => new FailureLog());
            CredentialCheck result;
            DateTimeOffset now;
            lock (failures)
            {
                if (failures.Dropped)
                {
                    continue;
                }

                now = time.GetUtcNow();
                failures.Forget(now - window);
                if (failures.Count >= o.AdminLoginFailureLimit)
                {
                    return new CredentialCheck(CredentialOutcome.Blocked, RoundUp(failures.Oldest + window - now));
                }

                if (verify())
                {
                    return new CredentialCheck(CredentialOutcome.Accepted, TimeSpan.Zero);
                }

                failures.Add(now);
                if (failures.Count == o.AdminLoginFailureLimit)
                {
                    Log.Blocked(logger, key, o.AdminLoginFailureLimit, o.AdminLoginFailureWindowSeconds);
                }

                result = new CredentialCheck(CredentialOutcome.Refused, TimeSpan.Zero);
            }

            TrimIfLarge(now - window, now);
            return result;
        }
    }

    /// <summary>The address failures are counted for: IPv4 (also when mapped into IPv6), an IPv6 /64, or "unknown".</summary>
    internal static string PartitionKey(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    /// <summary>Whole seconds, at least one (what <c>Retry-After</c> can say).</summary>
    private static TimeSpan RoundUp(TimeSpan wait) => TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling(wait.TotalSeconds)));

    private void TrimIfLarge(DateTimeOffset cutoff, DateTimeOffset now)
    {
        var next = Interlocked.Read(ref _nextTrimTicks);
        if (_addresses.Count <= TrimAbove || now.UtcTicks < next
            || Interlocked.CompareExchange(ref _nextTrimTicks, now.AddSeconds(1).UtcTicks, next) != next)
        {
            return;
        }

        foreach (var (key, failures) in _addresses)
        {
            lock (failures)
            {
                failures.Forget(cutoff);
                if (failures.Count == 0)
                {
                    failures.Dropped = true;
                    _addresses.TryRemove(KeyValuePair.Create(key, failures));
                }
            }
        }
    }

    /// <summary>The failure times of one address inside the window, oldest first (never more than the limit).</summary>
    private sealed class FailureLog
    {
        private readonly Queue<DateTimeOffset> _times = new();

        public bool Dropped { get; set; }

        public int Count => _times.Count;

        public DateTimeOffset Oldest => _times.Peek();

        public void Add(DateTimeOffset at) => _times.Enqueue(at);

        public void Forget(DateTimeOffset cutoff)
        {
            while (_times.Count > 0 && _times.Peek() <= cutoff)
            {
                _times.Dequeue();
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 7003, Level = LogLevel.Warning,
            Message = "Admin credentials from {RemoteAddress} refused unchecked: {Limit} failures within {WindowSeconds} s")]
        public static partial void Blocked(ILogger logger, string remoteAddress, int limit, int windowSeconds);
    }
}
