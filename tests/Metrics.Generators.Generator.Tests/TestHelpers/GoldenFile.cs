using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace Metrics.Generators.Generator.Tests.TestHelpers;

/// <summary>
/// GoldenFile compares generated source with a checked-in file under <c>Golden/</c>, reporting the first line
/// that differs. The generator version in <c>[GeneratedCode]</c> is replaced by <c>{version}</c>, so a version
/// bump does not touch the files.
/// </summary>
/// <remarks>
/// Accept mode: run the tests with the environment variable <c>ACCEPT_GOLDEN=1</c>
/// (<c>ACCEPT_GOLDEN=1 dotnet test tests/Metrics.Generators.Generator.Tests</c>) to (re)write every golden file
/// from the current output, then review the diff with git before committing it.
/// </remarks>
internal static partial class GoldenFile
{
    /// <summary>
    /// True when the run should rewrite golden files instead of comparing. Never on CI (<c>CI=true</c>): a CI run
    /// that rewrote the files would pass whatever the generator emits.
    /// </summary>
    public static bool AcceptMode
        => Environment.GetEnvironmentVariable("ACCEPT_GOLDEN") == "1" && Environment.GetEnvironmentVariable("CI") != "true";

    /// <summary>Asserts <paramref name="actual"/> equals <c>Golden/<paramref name="name"/>.cs</c> (or writes it in accept mode).</summary>
    public static void AssertMatches(string name, string actual, [CallerFilePath] string callerPath = "")
    {
        var directory = Path.Combine(FindProjectDirectory(callerPath), "Golden");
        var path = Path.Combine(directory, name + ".cs");
        var normalized = Normalize(actual);
        if (AcceptMode)
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(path, normalized);
            return;
        }

        Assert.True(File.Exists(path), "Golden file " + path + " is missing; run with ACCEPT_GOLDEN=1 to create it.");
        var expected = File.ReadAllText(path).Replace("\r\n", "\n");
        if (expected == normalized)
        {
            return;
        }

        var expectedLines = expected.Split('\n');
        var actualLines = normalized.Split('\n');
        for (var i = 0; i < Math.Max(expectedLines.Length, actualLines.Length); i++)
        {
            var e = i < expectedLines.Length ? expectedLines[i] : "<end of file>";
            var a = i < actualLines.Length ? actualLines[i] : "<end of file>";
            if (e != a)
            {
                Assert.Fail(
                    "Generated source differs from " + path + " at line " + (i + 1) + ":\n" +
                    "  expected: " + e + "\n" +
                    "  actual:   " + a + "\n" +
                    "If the change is intended, run with ACCEPT_GOLDEN=1 and review the diff.");
            }
        }
    }

    /// <summary>Line endings to <c>\n</c> and the generator version to <c>{version}</c>.</summary>
    public static string Normalize(string source)
        => VersionPattern().Replace(source.Replace("\r\n", "\n"), "GeneratedCode(\"Metrics.Generators\", \"{version}\")");

    [GeneratedRegex("GeneratedCode\\(\"Metrics\\.Generators\", \"[^\"]*\"\\)")]
    private static partial Regex VersionPattern();

    // The golden files live in the source tree, not in bin/: found from this file's compile-time path, or — when
    // a deterministic build mapped that path to /_/ — from the test assembly's directory inside the checkout.
    private static string FindProjectDirectory(string callerPath)
        => FindUpwards(Path.GetDirectoryName(callerPath)) ?? FindUpwards(AppContext.BaseDirectory)
            ?? throw new InvalidOperationException("Cannot find the test project directory from " + callerPath + " or " + AppContext.BaseDirectory);

    private static string? FindUpwards(string? start)
    {
        var directory = start;
        while (directory is not null && !File.Exists(Path.Combine(directory, "Metrics.Generators.Generator.Tests.csproj")))
        {
            directory = Path.GetDirectoryName(directory);
        }

        return directory;
    }
}
