namespace Emulator.Commercetools;

/// <summary>Defaults the emulator uses when configuration does not override them.</summary>
public static class CommercetoolsEmulatorDefaults
{
    /// <summary>Project key served under <c>/{projectKey}/...</c> unless <c>Emulator:ProjectKey</c> is set.</summary>
    public const string ProjectKey = "paypal-sandbox";

    /// <summary>Client id of the API client (scope <c>manage_project</c>) created when no <c>Emulator:Clients</c> are configured.</summary>
    public const string AdminClientId = "sandbox-admin";

    /// <summary>Secret of the default admin client.</summary>
    public const string AdminClientSecret = "sandbox-admin-secret";
}
