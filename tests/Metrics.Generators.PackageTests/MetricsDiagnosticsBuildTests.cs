using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Metrics.Generators.PackageTests.Support;
using Metrics.Generators.Shared.Diagnostics;
using Microsoft.CodeAnalysis;

namespace Metrics.Generators.PackageTests;

/// <summary>
/// MetricsDiagnosticsBuildTests run a real <c>dotnet build</c> on service-like projects restored from the packed
/// package, where the in-memory harness cannot look: csc runs no analyzer at all in a compilation with declaration
/// errors, so one skipped declaration used to hide every other MG diagnostic of the project.
/// tests/BuildCorpus/Mistakes marks each expected diagnostic with <c>// expect: MGxxxx</c> on its line;
/// tests/BuildCorpus/Clean uses the metrics as intended and must build with warnings as errors.
/// </summary>
[Collection(PackagesCollection.Name)]
public sealed partial class MetricsDiagnosticsBuildTests(PackedPackages packages)
{
    private const int MinimumWarningCases = 10;

    [Fact]
    public void ProjectFullOfMistakes_ReportsEveryMGDiagnosticOnItsLine_AndNoCompilerError()
    {
        var project = Copy("Mistakes");
        var sarif = Path.Combine(project, "build.sarif");
        var (exitCode, console) = ChildProcess.RunToEnd(
            project, "dotnet", "build", "-c", "Release", "--nologo", "-clp:NoSummary",
            $"-p:MetricsGeneratorsVersion={packages.Version}", $"-p:ErrorLog={sarif}%2Cversion=2.1");

        var expected = ExpectedDiagnostics(project);
        var severities = Severities();
        Assert.NotEqual(0, exitCode);

        // Every error-level rule has a case, and there are enough warnings to show they all still arrive.
        var missing = severities.Where(r => r.Value == DiagnosticSeverity.Error && expected.All(e => e.Id != r.Key)).Select(r => r.Key).ToList();
        Assert.True(missing.Count == 0, "No case in tests/BuildCorpus/Mistakes for the error-level rules " + string.Join(", ", missing));
        var warningCases = expected.Count(e => severities.GetValueOrDefault(e.Id) == DiagnosticSeverity.Warning);
        Assert.True(warningCases >= MinimumWarningCases, $"{warningCases} warning-level cases; the corpus needs at least {MinimumWarningCases}");

        var fromConsole = ConsoleDiagnostics(console, project);
        Assert.True(!fromConsole.Any(d => d.Id.StartsWith("CS", StringComparison.Ordinal) && d.Severity == "error"),
            "Compiler errors (a user mistake must surface as an MG diagnostic only):\n" + console);

        // The console shows warnings and errors; info-level rules reach the SARIF log only.
        var shown = expected.Where(e => severities.GetValueOrDefault(e.Id) is DiagnosticSeverity.Warning or DiagnosticSeverity.Error).ToHashSet();
        var consoleMg = fromConsole.Where(d => d.Id.StartsWith("MG", StringComparison.Ordinal)).Select(d => d.Key).ToHashSet();
        AssertSame(shown, consoleMg, "console", console);

        var sarifMg = SarifDiagnostics(sarif, project);
        var sarifText = string.Join("\n", sarifMg.Select(d => d.ToString()));
        Assert.DoesNotContain(sarifMg, d => d.Id.StartsWith("CS", StringComparison.Ordinal) && d.Severity == "error");
        AssertSame(expected.ToHashSet(), sarifMg.Where(d => d.Id.StartsWith("MG", StringComparison.Ordinal)).Select(d => d.Key).ToHashSet(), "SARIF log", sarifText);

        // Each is reported once: the generator reports errors, the analyzers the rest.
        var consoleLines = fromConsole.Where(d => d.Id.StartsWith("MG", StringComparison.Ordinal)).ToList();
        Assert.Equal(consoleLines.Count, consoleLines.Select(d => (d.Key, d.Column)).Distinct().Count());
        var sarifLines = sarifMg.Where(d => d.Id.StartsWith("MG", StringComparison.Ordinal)).ToList();
        Assert.Equal(sarifLines.Count, sarifLines.Select(d => (d.Key, d.Column)).Distinct().Count());
    }

    [Fact]
    public void CleanOrderService_BuildsWithNoMGDiagnosticAndNoWarning()
    {
        var project = Copy("Clean");
        var sarif = Path.Combine(project, "build.sarif");
        var (exitCode, console) = ChildProcess.RunToEnd(
            project, "dotnet", "build", "-c", "Release", "--nologo",
            $"-p:MetricsGeneratorsVersion={packages.Version}", $"-p:ErrorLog={sarif}%2Cversion=2.1");

        Assert.True(exitCode == 0, console);
        Assert.Contains(" 0 Warning(s)", console, StringComparison.Ordinal);
        Assert.Empty(ConsoleDiagnostics(console, project));
        Assert.DoesNotContain(SarifDiagnostics(sarif, project), d => d.Id.StartsWith("MG", StringComparison.Ordinal) || d.Severity is "warning" or "error");
    }

    /// <summary>One diagnostic: rule, file relative to the project, line (1-based), column, and its level.</summary>
    private sealed record Found(string Id, string File, int Line, int Column, string Severity)
    {
        public (string Id, string File, int Line) Key => (Id, File, Line);
    }

    private string Copy(string name)
    {
        // Out of the repository, so no Directory.Build.* or project reference can leak in.
        var source = Path.Combine(packages.Root, "tests", "BuildCorpus", name);
        var target = packages.NewDirectory("corpus-" + name.ToLowerInvariant());
        foreach (var file in Directory.GetFiles(source).Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".csproj", StringComparison.Ordinal)))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        packages.WriteNuGetConfig(target);
        return target;
    }

    // "// expect: MG0001, MG4002" on a line: those diagnostics on that line of that file, nothing else anywhere.
    private static List<(string Id, string File, int Line)> ExpectedDiagnostics(string project)
    {
        var expected = new List<(string, string, int)>();
        foreach (var file in Directory.GetFiles(project, "*.cs").Order(StringComparer.Ordinal))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                var marker = ExpectMarker().Match(lines[i]);
                if (marker.Success)
                {
                    expected.AddRange(marker.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries).Select(id => (id, Path.GetFileName(file), i + 1)));
                }
            }
        }

        return expected;
    }

    // Every rule of the catalogue and its default severity, read from the descriptors (severities move between releases).
    private static Dictionary<string, DiagnosticSeverity> Severities()
        => typeof(DiagnosticDescriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => f.GetValue(null))
            .OfType<DiagnosticDescriptor>()
            .ToDictionary(d => d.Id, d => d.DefaultSeverity);

    private static List<Found> ConsoleDiagnostics(string console, string project)
        => ConsoleLine().Matches(console)
            .Select(m => new Found(m.Groups["id"].Value, Relative(m.Groups["file"].Value, project), int.Parse(m.Groups["line"].Value), int.Parse(m.Groups["column"].Value), m.Groups["severity"].Value))
            .Distinct()
            .ToList();

    private static List<Found> SarifDiagnostics(string sarif, string project)
    {
        using var log = JsonDocument.Parse(File.ReadAllText(sarif));
        var found = new List<Found>();
        foreach (var run in log.RootElement.GetProperty("runs").EnumerateArray())
        {
            foreach (var result in run.GetProperty("results").EnumerateArray())
            {
                var id = result.GetProperty("ruleId").GetString()!;
                var level = result.TryGetProperty("level", out var l) ? l.GetString()! : "warning";
                if (!result.TryGetProperty("locations", out var locations) || locations.GetArrayLength() == 0)
                {
                    found.Add(new Found(id, string.Empty, 0, 0, level));
                    continue;
                }

                var physical = locations[0].GetProperty("physicalLocation");
                var uri = new Uri(physical.GetProperty("artifactLocation").GetProperty("uri").GetString()!);
                var region = physical.GetProperty("region");
                found.Add(new Found(id, Relative(uri.LocalPath, project), region.GetProperty("startLine").GetInt32(), region.GetProperty("startColumn").GetInt32(), level));
            }
        }

        return found;
    }

    // A file of the project by its name; a generated or outside file keeps its full path, so it can match nothing expected.
    private static string Relative(string path, string project)
        => Path.GetDirectoryName(Path.GetFullPath(path)) == Path.GetFullPath(project).TrimEnd(Path.DirectorySeparatorChar) ? Path.GetFileName(path) : path;

    private static void AssertSame(HashSet<(string Id, string File, int Line)> expected, HashSet<(string Id, string File, int Line)> actual, string where, string output)
    {
        var absent = expected.Except(actual).Order().ToList();
        var extra = actual.Except(expected).Order().ToList();
        Assert.True(
            absent.Count == 0 && extra.Count == 0,
            $"The {where} lacks {string.Join(", ", absent)}\nand has unexpected {string.Join(", ", extra)}\n\n{output}");
    }

    [GeneratedRegex(@"//\s*expect:\s*(MG\d{4}(?:\s*,\s*MG\d{4})*)")]
    private static partial Regex ExpectMarker();

    [GeneratedRegex(@"^[^\S\n]*(?<file>[^\s(][^(\n]*?)\((?<line>\d+),(?<column>\d+)\): (?<severity>error|warning|info) (?<id>[A-Z]+\d+):", RegexOptions.Multiline)]
    private static partial Regex ConsoleLine();
}
