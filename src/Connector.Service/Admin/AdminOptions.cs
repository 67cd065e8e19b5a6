namespace Connector.Service.Admin;

/// <summary>
/// Credentials of the merchant settings page (section <c>Connector</c>). Either a user and password, or a single
/// token (<c>Connector:AdminToken</c>, or the variable <c>CONNECTOR_ADMIN_TOKEN</c>), or both. With none configured the
/// page and its API do not exist (404).
/// </summary>
public sealed class AdminOptions
{
    /// <summary>The variable read when <see cref="AdminToken"/> is not configured.</summary>
    public const string TokenVariable = "CONNECTOR_ADMIN_TOKEN";

    /// <summary>Shortest accepted token (a guessable admin secret is worse than none).</summary>
    public const int MinTokenLength = 16;

    /// <summary>Shortest accepted password.</summary>
    public const int MinPasswordLength = 12;

    /// <summary>User name for the login form and HTTP Basic authentication.</summary>
    public string? AdminUser { get; set; }

    /// <summary>Password belonging to <see cref="AdminUser"/>.</summary>
    public string? AdminPassword { get; set; }

    /// <summary>A bearer token (<c>Authorization: Bearer ...</c>, or typed into the login form).</summary>
    public string? AdminToken { get; set; }

    /// <summary>How long a login lasts (minutes).</summary>
    public int AdminSessionMinutes { get; set; } = 480;

    /// <summary>
    /// Wrong credentials (login form, HTTP Basic or Bearer) one client address may present within
    /// <see cref="AdminLoginFailureWindowSeconds"/> before every credential from it is answered 429 (default 10).
    /// </summary>
    public int AdminLoginFailureLimit { get; set; } = 10;

    /// <summary>The sliding window of <see cref="AdminLoginFailureLimit"/> (seconds; default 60).</summary>
    public int AdminLoginFailureWindowSeconds { get; set; } = 60;

    public bool HasUserPassword => !string.IsNullOrEmpty(AdminUser) && !string.IsNullOrEmpty(AdminPassword);

    public bool HasToken => !string.IsNullOrEmpty(AdminToken);

    /// <summary>False when no credential is configured: every admin route then answers 404.</summary>
    public bool IsEnabled => HasUserPassword || HasToken;

    /// <summary>Configuration mistakes that must stop the start-up (a half-configured credential is not silently ignored).</summary>
    public IEnumerable<string> Validate()
    {
        if (string.IsNullOrEmpty(AdminUser) != string.IsNullOrEmpty(AdminPassword))
        {
            yield return "Connector:AdminUser and Connector:AdminPassword must be set together.";
        }

        if (!string.IsNullOrEmpty(AdminPassword) && AdminPassword.Length < MinPasswordLength)
        {
            yield return $"Connector:AdminPassword must have at least {MinPasswordLength} characters.";
        }

        if (HasToken && AdminToken!.Length < MinTokenLength)
        {
            yield return $"Connector:AdminToken ({TokenVariable}) must have at least {MinTokenLength} characters.";
        }

        if (AdminSessionMinutes is < 1 or > 10080)
        {
            yield return "Connector:AdminSessionMinutes must be between 1 and 10080.";
        }

        if (AdminLoginFailureLimit is < 1 or > 10000)
        {
            yield return "Connector:AdminLoginFailureLimit must be between 1 and 10000.";
        }

        if (AdminLoginFailureWindowSeconds is < 1 or > 86400)
        {
            yield return "Connector:AdminLoginFailureWindowSeconds must be between 1 and 86400.";
        }
    }
}
