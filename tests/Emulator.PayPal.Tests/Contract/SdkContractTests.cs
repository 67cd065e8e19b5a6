using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Emulator.PayPal.Tests.Contract;

/// <summary>
/// PayPal's official npm server SDK (<c>sdk/contract.mjs</c>) against the emulator over real HTTP: the SDK's models must
/// parse what the emulator answers. Needs node and npm (CI installs them); installs the SDK with <c>npm ci</c> on first run.
/// </summary>
public sealed class SdkContractTests
{
    [Fact]
    public async Task Official_server_sdk_drives_the_emulator()
    {
        var node = FindOnPath("node");
        var npm = FindOnPath("npm");
        if (node is null || npm is null)
        {
            Assert.Fail("node/npm are not on PATH: the PayPal server SDK contract test needs them (./test.sh installs them through .ci/install-deps).");
        }

        var sdkDirectory = SdkDirectory();
        var cancellation = TestContext.Current.CancellationToken;
        if (!Directory.Exists(Path.Combine(sdkDirectory, "node_modules", "@paypal", "paypal-server-sdk")))
        {
            var (installCode, installOutput) = await RunAsync(npm, ["ci", "--no-audit", "--no-fund"], sdkDirectory, [], cancellation);
            installCode.ShouldBe(0, installOutput);
        }

        await using var app = PayPalEmulatorApp.Build([], b =>
        {
            b.WebHost.UseUrls("http://127.0.0.1:0");
            b.Logging.SetMinimumLevel(LogLevel.Warning);
        });
        await app.StartAsync(cancellation);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        var (code, output) = await RunAsync(node, ["contract.mjs"], sdkDirectory, new()
        {
            ["EMULATOR_URL"] = address.TrimEnd('/'),
            ["CLIENT_ID"] = PayPalEmulatorDefaults.ClientId,
            ["CLIENT_SECRET"] = PayPalEmulatorDefaults.ClientSecret,
        }, cancellation);

        TestContext.Current.TestOutputHelper?.WriteLine(output);
        code.ShouldBe(0, output);
        output.ShouldContain(" passed, 0 failed");
    }

    private static string SdkDirectory([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "sdk"));

    private static string? FindOnPath(string name)
    {
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var candidate in OperatingSystem.IsWindows() ? new[] { name + ".cmd", name + ".exe" } : [name])
            {
                var path = Path.Combine(directory, candidate);
                if (File.Exists(path))
                {
                    return path;
                }
            }
        }

        return null;
    }

    private static async Task<(int Code, string Output)> RunAsync(string file, string[] arguments, string directory, Dictionary<string, string> environment, CancellationToken cancellation)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellation);
        var stderr = process.StandardError.ReadToEndAsync(cancellation);
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        guard.CancelAfter(TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(guard.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
