using System.Text.Json;
using Sandbox;

namespace EndToEnd.Tests;

/// <summary>Real clients nobody here wrote work unchanged against the emulators.</summary>
public sealed class SdkContractTests(SandboxFixture sandbox, ITestOutputHelper output)
{
    [Fact]
    public async Task The_official_commercetools_TypeScript_SDK_works_against_the_emulator()
    {
        var infoFile = Path.Combine(Path.GetTempPath(), $"sandbox-info-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(infoFile, JsonSerializer.Serialize(sandbox.Info, SandboxJsonContext.Default.SandboxInfo), TestContext.Current.CancellationToken);
        try
        {
            var (exitCode, text) = await NodeScript.RunAsync("tests/contracts/commercetools-sdk.mjs", [infoFile], TimeSpan.FromMinutes(2), TestContext.Current.CancellationToken);
            output.WriteLine(text);
            exitCode.ShouldBe(0, text);
            text.ShouldContain("all steps passed");
        }
        finally
        {
            File.Delete(infoFile);
        }
    }
}
