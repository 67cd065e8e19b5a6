using System.Text.Json;
using System.Text.Json.Nodes;
using Connector.Commercetools;
using Connector.Commercetools.Models;
using Connector.Domain.Settings;
using Connector.Service.Settings;

namespace Connector.Service.Admin;

/// <summary>The settings object as stored (with its version) and merged over the defaults.</summary>
internal sealed record StoredSettings(JsonObject? Stored, long Version, JsonObject Merged);

/// <summary>Reads and writes the settings custom object for the admin page, with optimistic concurrency.</summary>
internal sealed partial class SettingsStore(CommercetoolsClient commercetools, SettingsProvider provider, ILogger<SettingsStore> logger)
{
    /// <summary>The current object; <see cref="StoredSettings.Version"/> is 0 when nothing is stored yet.</summary>
    public async Task<StoredSettings> ReadAsync(CancellationToken cancellationToken)
    {
        var obj = await commercetools.GetCustomObjectAsync(SettingsDefaults.Container, SettingsDefaults.Key, cancellationToken);
        var stored = obj is null ? null : JsonNode.Parse(obj.Value.GetRawText()) as JsonObject;
        return new StoredSettings(stored, obj?.Version ?? 0, SettingsDefaults.MergeUnder(stored));
    }

    /// <summary>
    /// Writes <paramref name="value"/> if the stored version is still <paramref name="expectedVersion"/> (0: only if
    /// nothing is stored yet), then drops this instance's settings cache so the change applies at once here.
    /// Throws <see cref="ConcurrentModificationException"/> when someone changed it meanwhile.
    /// </summary>
    public async Task<StoredSettings> WriteAsync(JsonObject value, long expectedVersion, CancellationToken cancellationToken)
    {
        var saved = await commercetools.UpsertCustomObjectAsync(new CustomObjectDraft
        {
            Container = SettingsDefaults.Container,
            Key = SettingsDefaults.Key,
            Value = JsonSerializer.SerializeToElement(value, AdminJsonContext.Default.JsonObject),
            Version = expectedVersion,
        }, cancellationToken);
        provider.Invalidate();
        Log.SettingsSaved(logger, saved.Version);
        var stored = JsonNode.Parse(saved.Value.GetRawText()) as JsonObject;
        return new StoredSettings(stored, saved.Version, SettingsDefaults.MergeUnder(stored));
    }

    /// <summary>The settings with secret-looking values masked, for display.</summary>
    public static JsonObject Masked(JsonObject settings)
    {
        var copy = settings.DeepClone().AsObject();
        foreach (var key in copy.Select(p => p.Key).Where(SettingsSchema.IsSecret).ToList())
        {
            copy[key] = SettingsSchema.SecretMask;
        }

        return copy;
    }

    /// <summary>Puts stored secrets back where the caller sent the mask (or, from the form, nothing).</summary>
    public static void Unmask(JsonObject candidate, JsonObject? stored)
    {
        foreach (var key in candidate.Select(p => p.Key).Where(SettingsSchema.IsSecret).ToList())
        {
            if (candidate[key] is JsonValue v && v.TryGetValue(out string? s) && s == SettingsSchema.SecretMask)
            {
                if (stored?[key] is { } original)
                {
                    candidate[key] = original.DeepClone();
                }
                else
                {
                    candidate.Remove(key);
                }
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "Settings saved from the admin page (version {Version})")]
        public static partial void SettingsSaved(ILogger logger, long version);
    }
}
