using System.Globalization;
using Microsoft.Extensions.Options;

namespace Connector.Service.Reconciliation;

/// <summary>
/// <c>reconcile [--since &lt;ISO date-time | 72h | 30m | 2d&gt;] [--deep]</c>: one pass over the payments changed since then
/// (default: the lookback) and older than the minimum age, with the same configuration and services as the web app but
/// without starting the web server; for a scheduled job. Without <c>--deep</c> it checks the payments that may lag
/// PayPal; with it, every payment of the connector in the window (this finds refunds, and captures or voids of an
/// authorization, whose answer and webhook were both lost). Prints one summary line. Exit code: 0 all in line,
/// 1 some payments failed or the pass could not run, 2 bad arguments or configuration, 3 the per-pass bound
/// (<c>Connector:Reconciler:MaxPaymentsPerRun</c>) stopped the pass early.
/// </summary>
internal static class ReconcileCommand
{
    public const string Name = "reconcile";

    public const string Usage = "usage: reconcile [--since <ISO date-time | 72h | 30m | 2d>] [--deep] [configuration overrides such as --Connector:Reconciler:MaxPaymentsPerRun=5000]";

    public static bool Matches(string[] args) => args.Length > 0 && args[0] == Name;

    /// <param name="args">The arguments after <c>reconcile</c>; others than ours are configuration, as for the web app.</param>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, Action<WebApplicationBuilder>? configure = null,
        CancellationToken cancellationToken = default)
    {
        string? sinceText = null;
        var deep = false;
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--deep":
                    deep = true;
                    break;
                case "--since" when i + 1 < args.Length:
                    sinceText = args[++i];
                    break;
                case "--since":
                    await error.WriteLineAsync("--since needs a value. " + Usage);
                    return 2;
                case "--help" or "-h":
                    await output.WriteLineAsync(Usage);
                    return 0;
                default:
                    rest.Add(args[i]);
                    break;
            }
        }

        await using var app = ConnectorApp.Build([.. rest], configure);
        var time = app.Services.GetRequiredService<TimeProvider>();
        var now = time.GetUtcNow();
        ReconcilerOptions options;
        try
        {
            options = app.Services.GetRequiredService<IOptionsMonitor<ReconcilerOptions>>().CurrentValue;
            _ = app.Services.GetRequiredService<IOptions<Configuration.ConnectorOptions>>().Value;
        }
        catch (OptionsValidationException e)
        {
            await error.WriteLineAsync("configuration: " + string.Join("; ", e.Failures));
            return 2;
        }

        DateTimeOffset since;
        if (sinceText is null)
        {
            since = now - options.Lookback;
        }
        else if (ParseSince(sinceText, now) is { } parsed)
        {
            since = parsed;
        }
        else
        {
            await error.WriteLineAsync($"--since: '{sinceText}' is neither an ISO 8601 date-time nor a duration such as 72h, 30m, 2d. " + Usage);
            return 2;
        }

        var summary = await app.Services.GetRequiredService<PaymentReconciler>()
            .RunAsync(ReconcileScope.Since(now, since, options.MinAge, deep), cancellationToken);
        await output.WriteLineAsync(summary.ToString());
        return !summary.Succeeded ? 1 : summary.Truncated ? 3 : 0;
    }

    /// <summary>An ISO 8601 date-time (UTC unless it says otherwise), or a duration back from now: <c>90s</c>, <c>30m</c>, <c>72h</c>, <c>2d</c>.</summary>
    internal static DateTimeOffset? ParseSince(string text, DateTimeOffset now)
    {
        if (text.Length >= 2 && long.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            TimeSpan? span = text[^1] switch
            {
                's' => TimeSpan.FromSeconds(amount),
                'm' => TimeSpan.FromMinutes(amount),
                'h' => TimeSpan.FromHours(amount),
                'd' => TimeSpan.FromDays(amount),
                _ => null,
            };
            return span is { } s ? now - s : null;
        }

        return text.Contains('T', StringComparison.Ordinal)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;
    }
}
