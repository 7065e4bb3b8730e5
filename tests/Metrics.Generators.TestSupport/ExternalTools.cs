using System.Diagnostics;

namespace Metrics.Generators.Tests.Support;

/// <summary>
/// ExternalTools finds and runs the real peers (promtool, prometheus, Python's prometheus_client, clang) on our
/// output. A missing tool goes through <see cref="Require"/>: skipped with the install hint on a developer
/// machine, a failure under METRICS_REQUIRE_TOOLS=1 (CI).
/// </summary>
public static class ExternalTools
{
    public const string PromtoolMissing = "promtool not found: install Debian package prometheus";
    public const string PrometheusMissing = "prometheus not found: install Debian package prometheus";
    public const string PythonClientMissing = "python3 with prometheus_client not found: install Debian package python3-prometheus-client";
    public const string ClangMissing = "clang not found (the NativeAOT linker): install Debian package clang";
    public const string PostgresMissing = "PostgreSQL server binaries (initdb, postgres) not found under /usr/lib/postgresql/*/bin: install Debian package postgresql";

    // Debian installs prometheus_client for /usr/bin/python3; the python3 first on PATH may not see it.
    private const string DebianPython = "/usr/bin/python3";

    public static string Promtool() => Find("promtool", "/usr/bin/promtool") ?? Missing(PromtoolMissing);

    public static string Prometheus() => Find("prometheus", "/usr/bin/prometheus") ?? Missing(PrometheusMissing);

    public static string Clang() => Find("clang", "/usr/bin/clang") ?? Missing(ClangMissing);

    /// <summary>The bin directory of the newest PostgreSQL server Debian installed (it is not on PATH).</summary>
    public static string PostgresBin()
    {
        var root = "/usr/lib/postgresql";
        var bin = Directory.Exists(root)
            ? Directory.GetDirectories(root)
                .Select(version => Path.Combine(version, "bin"))
                .Where(candidate => File.Exists(Path.Combine(candidate, "postgres")) && File.Exists(Path.Combine(candidate, "initdb")))
                .OrderByDescending(candidate => int.TryParse(Path.GetFileName(Path.GetDirectoryName(candidate)), out var major) ? major : 0)
                .FirstOrDefault()
            : null;
        return bin ?? Missing(PostgresMissing);
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

    /// <summary>Runs promtool's linter on a scrape and fails on any parse error or lint problem.</summary>
    public static void AssertPromtoolClean(string exposition)
    {
        var (exitCode, stdout, stderr) = Run(Promtool(), ["check", "metrics"], exposition);
        Assert.True(exitCode == 0, $"promtool check metrics exited {exitCode}:\n{stdout}{stderr}");
    }

    /// <summary>Runs <paramref name="path"/> to its end with <paramref name="stdin"/>; killed (whole tree) after 60 s.</summary>
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
            process.Kill(entireProcessTree: true);
            throw new TimeoutException(path + " did not finish within 60 s.");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    private static string Missing(string message)
    {
        Require.Missing(message);
        return null!;
    }

    /// <summary>The preferred path if it exists, else the first <paramref name="name"/> on PATH, else null.</summary>
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
