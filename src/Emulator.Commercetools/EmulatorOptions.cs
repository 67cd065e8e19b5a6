namespace Emulator.Commercetools;

/// <summary>Configuration section <c>Emulator</c>.</summary>
internal sealed class EmulatorOptions
{
    public const string SectionName = "Emulator";

    public required string ProjectKey { get; init; }

    public required IReadOnlyList<ApiClient> Clients { get; init; }

    /// <summary><c>Emulator:Subscriptions:PushUrls:{subscriptionKey}</c>: where a subscription's Pub/Sub push envelopes go.</summary>
    public required IReadOnlyDictionary<string, string> PushUrls { get; init; }

    /// <summary><c>Emulator:StrictTransactionStates</c>: only forward transaction state changes (Initial → Pending → Success|Failure).</summary>
    public bool StrictTransactionStates { get; init; }

    /// <summary><c>Emulator:DataFile</c> or <c>--data</c>: SQLite file for persistence; in-memory when absent.</summary>
    public string? DataFile { get; init; }

    public static EmulatorOptions FromConfiguration(IConfiguration configuration)
    {
        var section = configuration.GetSection(SectionName);
        var projectKey = section["ProjectKey"] is { Length: > 0 } pk ? pk : CommercetoolsEmulatorDefaults.ProjectKey;
        var clients = new List<ApiClient>();
        foreach (var child in section.GetSection("Clients").GetChildren())
        {
            var id = child["ClientId"];
            var secret = child["ClientSecret"];
            if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(secret))
            {
                throw new InvalidOperationException($"Emulator:Clients:{child.Key} needs ClientId and ClientSecret.");
            }

            var scopes = (child["Scopes"] ?? $"manage_project:{projectKey}")
                .Replace("{projectKey}", projectKey, StringComparison.Ordinal)
                .Split(' ', StringSplitOptions.RemoveEmptyEntries);
            clients.Add(new ApiClient(id, secret, scopes));
        }

        if (clients.Count == 0)
        {
            clients.Add(new ApiClient(CommercetoolsEmulatorDefaults.AdminClientId, CommercetoolsEmulatorDefaults.AdminClientSecret, [$"manage_project:{projectKey}"]));
        }

        var pushUrls = section.GetSection("Subscriptions:PushUrls").GetChildren()
            .Where(c => !string.IsNullOrEmpty(c.Value))
            .ToDictionary(c => c.Key, c => c.Value!, StringComparer.OrdinalIgnoreCase);

        var dataFile = section["DataFile"] is { Length: > 0 } df ? df : configuration["data"];
        return new EmulatorOptions
        {
            ProjectKey = projectKey,
            Clients = clients,
            PushUrls = pushUrls,
            DataFile = string.IsNullOrEmpty(dataFile) ? null : dataFile,
            StrictTransactionStates = string.Equals(section["StrictTransactionStates"], "true", StringComparison.OrdinalIgnoreCase),
        };
    }
}

internal sealed record ApiClient(string ClientId, string ClientSecret, IReadOnlyList<string> Scopes);
