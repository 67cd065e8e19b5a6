using System.Diagnostics;

namespace EndToEnd.Tests;

/// <summary>Runs a Node script from the repository (bounded in time) and returns its exit code and output.</summary>
public static class NodeScript
{
    /// <summary>The checkout holding the tests (<see cref="TestDrivers.Repository.Root"/>).</summary>
    public static string RepositoryRoot => TestDrivers.Repository.Root;

    public static async Task<(int ExitCode, string Output)> RunAsync(string script, IEnumerable<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var path = Path.Combine(RepositoryRoot, script);
        File.Exists(path).ShouldBeTrue($"{path} is missing");
        Directory.Exists(Path.Combine(Path.GetDirectoryName(path)!, "node_modules")).ShouldBeTrue($"run ./test.sh (it installs them) or .ci/install-deps: {Path.GetDirectoryName(script)}/node_modules is missing");
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Any(d => d.Length > 0 && File.Exists(Path.Combine(d, "node")));
        onPath.ShouldBeTrue("node is not on PATH: this test runs a node script (./test.sh installs node through .ci/install-deps)");
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(path)! };
        start.ArgumentList.Add(path);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("node could not be started");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{script} did not finish within {timeout}: {await stdout}");
        }

        return (process.ExitCode, (await stdout) + (await stderr));
    }
}
