using System.Diagnostics;

namespace EndToEnd.Tests;

/// <summary>Runs a Node script from the repository (bounded in time) and returns its exit code and output.</summary>
public static class NodeScript
{
    public static string RepositoryRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PayPalConnector.slnx")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("Repository root (PayPalConnector.slnx) not found above " + AppContext.BaseDirectory);
        }
    }

    public static async Task<(int ExitCode, string Output)> RunAsync(string script, IEnumerable<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var path = Path.Combine(RepositoryRoot, script);
        File.Exists(path).ShouldBeTrue($"{path} is missing");
        Directory.Exists(Path.Combine(Path.GetDirectoryName(path)!, "node_modules")).ShouldBeTrue($"run .ci/install-deps first: {Path.GetDirectoryName(script)}/node_modules is missing");
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
