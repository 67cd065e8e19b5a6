using Connector.Service.Reconciliation;

namespace EndToEnd.Tests;

/// <summary>The reconciler's windows: consecutive background passes look at each lagging payment once per checkpoint.</summary>
public sealed class ReconcilerScopeTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan MinAge = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan Lookback = TimeSpan.FromHours(72);

    [Fact]
    public void Passes_at_irregular_times_look_at_an_untouched_payment_once_per_checkpoint()
    {
        var lastModified = Start.AddSeconds(7.25);
        var checks = new List<TimeSpan>();
        var previous = Start;
        var now = Start;
        var step = 0;
        // A pass every 5 min, give or take a late tick, for 73 hours.
        while (now < Start + Lookback + TimeSpan.FromHours(1))
        {
            now += TimeSpan.FromSeconds(300 + (step++ % 7 == 0 ? 41 : 0));
            var scope = ReconcileScope.AtCheckpoints(now, now - previous, MinAge, Lookback);
            previous = now;
            if (scope.Windows.Any(w => lastModified > w.After && lastModified <= w.AtOrBefore))
            {
                checks.Add(now - lastModified);
            }
        }

        checks.Count.ShouldBe(6, string.Join(", ", checks));
        TimeSpan[] checkpoints = [MinAge, TimeSpan.FromMinutes(10), TimeSpan.FromHours(1), TimeSpan.FromHours(6), TimeSpan.FromHours(24), Lookback];
        for (var i = 0; i < checkpoints.Length; i++)
        {
            checks[i].ShouldBeGreaterThanOrEqualTo(checkpoints[i]);
            checks[i].ShouldBeLessThan(checkpoints[i] + TimeSpan.FromSeconds(341));
        }
    }

    [Fact]
    public void A_width_wider_than_the_gap_between_checkpoints_reads_each_payment_once_per_pass()
    {
        var now = Start;
        var scope = ReconcileScope.AtCheckpoints(now, TimeSpan.FromMinutes(30), MinAge, Lookback);

        // 2 min and 10 min are 8 min apart: one window (2 min .. 40 min) instead of two overlapping ones.
        scope.Windows.Count.ShouldBe(5);
        var ordered = scope.Windows.OrderBy(w => w.After).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            ordered[i].After.ShouldBeGreaterThanOrEqualTo(ordered[i - 1].AtOrBefore);
        }

        scope.Windows[0].ShouldBe(new ReconcileWindow(now - TimeSpan.FromMinutes(40), now - MinAge));
        scope.Deep.ShouldBeFalse();
    }

    [Fact]
    public void A_one_shot_pass_covers_since_up_to_the_minimum_age_and_nothing_when_since_is_later()
    {
        var scope = ReconcileScope.Since(Start, Start.AddHours(-3), MinAge, deep: true);
        scope.Windows.ShouldBe([new ReconcileWindow(Start.AddHours(-3), Start - MinAge)]);
        scope.Deep.ShouldBeTrue();

        ReconcileScope.Since(Start, Start.AddMinutes(-1), MinAge, deep: false).Windows.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("90s", -90)]
    [InlineData("30m", -1800)]
    [InlineData("72h", -259200)]
    [InlineData("2d", -172800)]
    [InlineData("2026-03-01T11:00:00Z", -3600)]
    [InlineData("2026-03-01T12:00:00+01:00", -3600)]
    public void Since_takes_a_duration_or_an_ISO_date_time(string text, int offsetSeconds) =>
        ReconcileCommand.ParseSince(text, Start).ShouldBe(Start.AddSeconds(offsetSeconds));

    [Theory]
    [InlineData("yesterday")]
    [InlineData("72")]
    [InlineData("-5h")]
    [InlineData("5w")]
    [InlineData("h")]
    public void Since_refuses_anything_else(string text) => ReconcileCommand.ParseSince(text, Start).ShouldBeNull();
}
