using System.Text.RegularExpressions;
using Microsoft.Extensions.Http.Logging;

namespace Connector.Service.Telemetry;

/// <summary>
/// Replaces the HttpClient factory's default request logging, whose Trace-level header lines carry the raw
/// <c>Authorization</c> header in their structured state (only the rendered message masks it), and whose URIs carry
/// vault token ids (PaymentMethod token values). Logs method, path with token ids masked, status and time.
/// </summary>
internal sealed partial class UpstreamHttpLogger(ILogger<UpstreamHttpLogger> logger) : IHttpClientLogger
{
    public object? LogRequestStart(HttpRequestMessage request) => null;

    public void LogRequestStop(object? context, HttpRequestMessage request, HttpResponseMessage response, TimeSpan elapsed)
    {
        // Every upstream call passes here: build the masked path only when the line is written at all.
        if (logger.IsEnabled(LogLevel.Debug))
        {
            Log.RequestCompleted(logger, request.Method.Method, SafePath(request.RequestUri), (int)response.StatusCode, elapsed.TotalMilliseconds);
        }
    }

    public void LogRequestFailed(object? context, HttpRequestMessage request, HttpResponseMessage? response, Exception exception, TimeSpan elapsed) =>
        Log.RequestFailed(logger, request.Method.Method, SafePath(request.RequestUri), exception.GetType().Name, elapsed.TotalMilliseconds);

    /// <summary>Host and path only (no query), with the ids of vault tokens masked.</summary>
    internal static string SafePath(Uri? uri) =>
        uri is null ? "" : VaultTokenId().Replace($"{uri.Scheme}://{uri.Authority}{uri.AbsolutePath}", "$1{id}");

    [GeneratedRegex("(/(?:payment-tokens|setup-tokens)/)[^/]+")]
    private static partial Regex VaultTokenId();

    private static partial class Log
    {
        [LoggerMessage(EventId = 8001, Level = LogLevel.Debug, Message = "{Method} {Path} answered {Status} in {ElapsedMs:0.0} ms")]
        public static partial void RequestCompleted(ILogger logger, string method, string path, int status, double elapsedMs);

        [LoggerMessage(EventId = 8002, Level = LogLevel.Warning, Message = "{Method} {Path} failed ({Error}) after {ElapsedMs:0.0} ms")]
        public static partial void RequestFailed(ILogger logger, string method, string path, string error, double elapsedMs);
    }
}
