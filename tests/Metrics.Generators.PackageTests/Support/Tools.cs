namespace Metrics.Generators.PackageTests.Support;

/// <summary>
/// Tools finds the external programs some tests need. A missing tool skips the test with the install hint, unless
/// METRICS_REQUIRE_TOOLS=1 (CI), where it fails: CI must not go green by skipping the checks that matter.
/// </summary>
internal static class Tools
{
    public static string Promtool() => Find("/usr/bin/promtool", "promtool not found: install Debian package prometheus");

    public static string Clang() => Find("/usr/bin/clang", "clang not found (the NativeAOT linker): install Debian package clang");

    /// <summary>Runs promtool's linter on a scrape and fails on any parse error or lint problem.</summary>
    public static void AssertPromtoolClean(string exposition)
    {
        var start = Processes.StartInfo(Path.GetTempPath(), Promtool(), "check", "metrics");
        start.RedirectStandardInput = true;
        using var process = System.Diagnostics.Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(exposition);
        process.StandardInput.Close();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(60)), "promtool did not finish");
        Assert.True(process.ExitCode == 0, $"promtool check metrics exited {process.ExitCode}:\n{stdout.Result}{stderr.Result}");
    }

    private static string Find(string path, string missing)
    {
        if (File.Exists(path))
        {
            return path;
        }

        Assert.SkipWhen(Environment.GetEnvironmentVariable("METRICS_REQUIRE_TOOLS") != "1", missing);
        Assert.Fail(missing + " (METRICS_REQUIRE_TOOLS=1 makes this a failure)");
        return null!;
    }
}
