using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Connector.Commercetools;
using Connector.Commercetools.Models;
using Connector.Domain.Settings;

namespace Connector.Service.Admin;

/// <summary>
/// Logged-out login cookies. The cookie itself is signed and stateless, so a logout is recorded here until the cookie
/// would have expired anyway: in the custom object <c>paypal-commercetools-connector/admin-revoked-sessions</c> (session id
/// to expiry), which every instance reads for each cookie-authenticated request, so a logout on one instance holds on all
/// of them at once (no sticky sessions needed), and in memory, so it holds on this instance even when commercetools
/// could not be written.
/// </summary>
internal sealed partial class AdminSessionRevocations(CommercetoolsClient commercetools, TimeProvider time, ILogger<AdminSessionRevocations> logger)
{
    public const string Key = "admin-revoked-sessions";

    // Logouts are rare (one per login at most); the bound only keeps a runaway object small. The soonest-expiring go first.
    private const int MaxEntries = 1000;
    private const int WriteAttempts = 5;

    private readonly ConcurrentDictionary<string, DateTimeOffset> _local = new(StringComparer.Ordinal);

    /// <summary>Whether this login cookie was logged out (here or on another instance). Throws <see cref="CommercetoolsApiException"/>.</summary>
    public async Task<bool> IsRevokedAsync(AdminSession session, CancellationToken cancellationToken)
    {
        if (_local.ContainsKey(session.Id))
        {
            return true;
        }

        var stored = await commercetools.GetCustomObjectAsync(SettingsDefaults.Container, Key, cancellationToken);
        return stored is not null && stored.Value.ValueKind == JsonValueKind.Object && stored.Value.TryGetProperty(session.Id, out _);
    }

    /// <summary>
    /// Ends the login: at once on this instance, and for all instances once the custom object is written (retried on a
    /// concurrent change). Throws <see cref="CommercetoolsApiException"/> when commercetools cannot be written.
    /// </summary>
    public async Task RevokeAsync(AdminSession session, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var (id, expires) in _local)
        {
            if (expires <= now)
            {
                _local.TryRemove(KeyValuePair.Create(id, expires));
            }
        }

        _local[session.Id] = session.Expires;
        for (var attempt = 1; ; attempt++)
        {
            var stored = await commercetools.GetCustomObjectAsync(SettingsDefaults.Container, Key, cancellationToken);
            var revoked = (stored is null ? null : JsonNode.Parse(stored.Value.GetRawText()) as JsonObject) ?? new JsonObject();
            var kept = revoked
                .Select(p => (p.Key, Expires: p.Value is JsonValue v && v.TryGetValue(out long seconds) ? seconds : 0))
                .Where(p => p.Expires > now.ToUnixTimeSeconds() && p.Key != session.Id)
                .OrderByDescending(p => p.Expires)
                .Take(MaxEntries - 1)
                .ToList();
            var value = new JsonObject { [session.Id] = session.Expires.ToUnixTimeSeconds() };
            foreach (var (id, expires) in kept)
            {
                value[id] = expires;
            }

            try
            {
                await commercetools.UpsertCustomObjectAsync(new CustomObjectDraft
                {
                    Container = SettingsDefaults.Container,
                    Key = Key,
                    Value = JsonSerializer.SerializeToElement(value, AdminJsonContext.Default.JsonObject),
                    Version = stored?.Version ?? 0,
                }, cancellationToken);
                Log.LoggedOut(logger, session.Expires.ToString("o", CultureInfo.InvariantCulture));
                return;
            }
            catch (ConcurrentModificationException) when (attempt < WriteAttempts)
            {
                // Another instance recorded a logout meanwhile: read its version and add ours again.
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 7004, Level = LogLevel.Information, Message = "Admin login ended by logout (its cookie would have expired at {Expires})")]
        public static partial void LoggedOut(ILogger logger, string expires);
    }
}
