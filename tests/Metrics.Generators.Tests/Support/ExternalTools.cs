using System.Diagnostics;

namespace Metrics.Generators.Tests.Support;

/// <summary>
/// ExternalTools runs the real peers (promtool, Python's prometheus_client) on our output. A missing tool skips
/// the test with the install hint, unless METRICS_REQUIRE_TOOLS=1 (CI), where it fails: CI must not go green by
/// silently skipping the checks that matter.
/// </summary>
internal static class ExternalTools
{
    public const string PromtoolMissing = "promtool not found: install Debian package prometheus";
    public const string PythonClientMissing = "python3 with prometheus_client not found: install Debian package python3-prometheus-client";

    // Debian installs prometheus_client for /usr/bin/python3; the python3 first on PATH may not see it.
    private const string DebianPython = "/usr/bin/python3";

    public static string Promtool()
    {
        var path = Find("promtool", "/usr/bin/promtool");
        return path ?? Missing(PromtoolMissing);
    }

    public static string PythonWithPrometheusClient()
    {
        var path = File.Exists(DebianPython) ? DebianPython : Find("python3", null);
        if (path is null || Run(path, ["-c", "import prometheus_client.openmetrics.parser"], string.Empty).ExitCode != 0)
        {
            return Missing(PythonClientMissing);
        }

        return path;
    }

    public static (int ExitCode, string Stdout, string Stderr) Run(string path, string[] arguments, string stdin)
    {
        var start = new ProcessStartInfo(path)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new System.Text.UTF8Encoding(false),
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start " + path);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(stdin);
        process.StandardInput.Close();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill();
            throw new TimeoutException(path + " did not finish within 60 s.");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    private static string Missing(string message)
    {
        if (Environment.GetEnvironmentVariable("METRICS_REQUIRE_TOOLS") == "1")
        {
            Assert.Fail(message + " (METRICS_REQUIRE_TOOLS=1 makes this a failure)");
        }

        Assert.Skip(message);
        return null!;
    }

    private static string? Find(string name, string? preferred)
    {
        if (preferred is not null && File.Exists(preferred))
        {
            return preferred;
        }

        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
        {
            var candidate = Path.Combine(directory, name);
            if (directory.Length > 0 && File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
