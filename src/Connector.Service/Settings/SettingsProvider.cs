using System.Text.Json;
using System.Text.Json.Nodes;
using Connector.Commercetools;
using Connector.Domain.Settings;
using Connector.Service.Configuration;
using Microsoft.Extensions.Options;

namespace Connector.Service.Settings;

/// <summary>
/// Reads the settings custom object, merged over the defaults, and caches it for
/// <see cref="ConnectorOptions.SettingsCacheSeconds"/> so the hot path makes no commercetools read for it.
/// When commercetools cannot be read and nothing is cached, the defaults apply (never a crash).
/// </summary>
public sealed partial class SettingsProvider(
    CommercetoolsClient commercetools,
    IOptions<ConnectorOptions> options,
    TimeProvider timeProvider,
    ILogger<SettingsProvider> logger)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile Cached? _cached;

    public async ValueTask<ConnectorSettings> GetAsync(CancellationToken cancellationToken)
    {
        var cached = _cached;
        var now = timeProvider.GetUtcNow();
        if (cached is not null && cached.Until > now)
        {
            return cached.Settings;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            cached = _cached;
            if (cached is not null && cached.Until > timeProvider.GetUtcNow())
            {
                return cached.Settings;
            }

            JsonNode? stored = null;
            try
            {
                var obj = await commercetools.GetCustomObjectAsync(SettingsDefaults.Container, SettingsDefaults.Key, cancellationToken);
                stored = obj is null ? null : JsonNode.Parse(obj.Value.GetRawText());
            }
            catch (CommercetoolsApiException e)
            {
                Log.SettingsReadFailed(logger, e.Message);
                if (cached is not null)
                {
                    return cached.Settings;
                }
            }

            var settings = new ConnectorSettings(SettingsDefaults.MergeUnder(stored));
            _cached = new Cached(settings, timeProvider.GetUtcNow().AddSeconds(options.Value.SettingsCacheSeconds));
            return settings;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Drops the cache (after the settings page saved a change).</summary>
    public void Invalidate() => _cached = null;

    private sealed record Cached(ConnectorSettings Settings, DateTimeOffset Until);

    private static partial class Log
    {
        [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Reading the settings custom object failed, using cached or default settings: {Reason}")]
        public static partial void SettingsReadFailed(ILogger logger, string reason);
    }
}

/// <summary>The merged settings and typed accessors for the keys the connector itself reads.</summary>
public sealed class ConnectorSettings(JsonObject values)
{
    public JsonObject Values { get; } = values;

    /// <summary><c>payPalIntent</c>: <c>CAPTURE</c> or <c>AUTHORIZE</c> (anything unknown means capture, as in the TypeScript connector).</summary>
    public string Intent => string.Equals(GetString("payPalIntent"), "Authorize", StringComparison.OrdinalIgnoreCase) ? "AUTHORIZE" : "CAPTURE";

    public bool StoreInVaultOnSuccess => GetBool("storeInVaultOnSuccess");

    public bool SendTrackingToPayPal => GetBool("sendTrackingToPayPal");

    /// <summary>A localized setting for a locale (falls back to the language, then to any non-empty value).</summary>
    public string? GetLocalized(string key, string? locale)
    {
        if (Values[key] is not JsonObject map)
        {
            return Values[key] is JsonValue v && v.TryGetValue(out string? s) && s.Length > 0 ? s : null;
        }

        string? Pick(string? k) => k is not null && map[k] is JsonValue jv && jv.TryGetValue(out string? s) && s.Length > 0 ? s : null;
        var language = locale?.Split('-', '_')[0];
        return Pick(locale) ?? Pick(language) ?? map.Select(p => p.Value is JsonValue jv && jv.TryGetValue(out string? s) && s.Length > 0 ? s : null).FirstOrDefault(s => s is not null);
    }

    public string? GetString(string key) => Values[key] is JsonValue v && v.TryGetValue(out string? s) ? s : null;

    public bool GetBool(string key) => Values[key] is JsonValue v && v.GetValueKind() switch
    {
        JsonValueKind.True => true,
        JsonValueKind.String => string.Equals(v.GetValue<string>(), "true", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };
}
