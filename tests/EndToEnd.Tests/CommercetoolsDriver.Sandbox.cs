using EndToEnd.Tests;

namespace TestDrivers;

public sealed partial class CommercetoolsDriver
{
    /// <summary>A driver on the sandbox's project with the admin client's token.</summary>
    public static async Task<CommercetoolsDriver> CreateAsync(SandboxFixture sandbox, CancellationToken cancellationToken) =>
        new(sandbox.Http, $"{sandbox.Info.Commercetools.ApiUrl}/{sandbox.Info.Commercetools.ProjectKey}", await sandbox.CommercetoolsTokenAsync(cancellationToken));
}
