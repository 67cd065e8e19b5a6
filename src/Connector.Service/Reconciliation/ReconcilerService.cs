using Microsoft.Extensions.Options;

namespace Connector.Service.Reconciliation;

/// <summary>
/// Runs a reconciliation pass every <see cref="ReconcilerOptions.IntervalSeconds"/> when
/// <see cref="ReconcilerOptions.Enabled"/>. Each pass looks at the payments whose age crossed a checkpoint since the
/// previous pass (<see cref="ReconcileScope.AtCheckpoints"/>). It is safe on every replica at once: nothing is locked
/// and nothing is remembered but the time of this process's previous pass.
/// </summary>
internal sealed partial class ReconcilerService(
    IServiceProvider services,
    IOptionsMonitor<ReconcilerOptions> options,
    TimeProvider time,
    ILogger<ReconcilerService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.CurrentValue;
        if (!o.Enabled)
        {
            return;
        }

        Log.Started(logger, o.IntervalSeconds, o.MinAgeSeconds, o.LookbackHours);
        using var timer = new PeriodicTimer(o.Interval, time);
        var previous = time.GetUtcNow();
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var current = options.CurrentValue;
                var now = time.GetUtcNow();
                // The window is the time since this process's previous pass, so passes tile each checkpoint even when a
                // tick comes late; never more than the lookback.
                var width = now - previous;
                if (width > current.Lookback)
                {
                    width = current.Lookback;
                }

                previous = now;
                try
                {
                    // Resolved per pass: its typed HTTP clients then follow the factory's handler rotation.
                    await services.GetRequiredService<PaymentReconciler>().RunAsync(ReconcileScope.AtCheckpoints(now, width, current.MinAge, current.Lookback), stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // One failed pass must not stop the next: the windows it missed come round again at the next checkpoint.
                    Log.PassThrew(logger, e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3310, Level = LogLevel.Information, Message = "Reconciler on: a pass every {IntervalSeconds} s over payments older than {MinAgeSeconds} s, back {LookbackHours} h")]
        public static partial void Started(ILogger logger, int intervalSeconds, int minAgeSeconds, int lookbackHours);

        [LoggerMessage(EventId = 3311, Level = LogLevel.Error, Message = "Reconciler pass failed")]
        public static partial void PassThrew(ILogger logger, Exception exception);
    }
}
