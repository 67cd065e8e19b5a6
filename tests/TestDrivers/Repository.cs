using System.Runtime.CompilerServices;

namespace TestDrivers;

/// <summary>The checkout holding the tests, for tests that read or run its files (docs, scripts, manifests).</summary>
internal static class Repository
{
    /// <summary>Found above the test binaries, or above this source file when the binaries were built into an artifacts
    /// folder outside the repository.</summary>
    public static string Root => FindRoot(AppContext.BaseDirectory) ?? FindRoot(SourceDirectory()) ??
        throw new InvalidOperationException("Repository root (PayPalConnector.slnx) not found above " + AppContext.BaseDirectory);

    private static string? FindRoot(string start)
    {
        var dir = new DirectoryInfo(start);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PayPalConnector.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName;
    }

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path) ?? "";
}
