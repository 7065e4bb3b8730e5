using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Metrics.Generators.PackageTests.Support;

namespace Metrics.Generators.PackageTests;

/// <summary>
/// PackageContentTests opens each packed package as a package site and a debugger do: what a maintained library
/// ships (license, icon, project URL, release notes, a README whose links resolve off GitHub, XML docs, symbols
/// with SourceLink) and nothing of the build machine (its paths).
/// </summary>
[Collection(PackagesCollection.Name)]
public sealed partial class PackageContentTests(PackedPackages packages)
{
    public static TheoryData<string> PackageIds => new() { "Metrics.Generators", "Metrics.Generators.AspNetCore", "Metrics.Generators.Data", "Metrics.Generators.Monitoring", "Metrics.Generators.OpenTelemetry" };

    [Fact]
    public void Pack_PrintsNoWarning()
        => Assert.DoesNotMatch(WarningLine(), packages.PackOutput);

    [Theory]
    [MemberData(nameof(PackageIds))]
    public void Package_ShipsLicenseIconReadmeDocsAndMetadata(string id)
    {
        using var package = ZipFile.OpenRead(PackagePath(id, "nupkg"));
        var files = package.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
        foreach (var expected in new[] { "LICENSE", "icon.png", "README.md", $"lib/net10.0/{id}.dll", $"lib/net10.0/{id}.xml" })
        {
            Assert.Contains(expected, files);
        }

        var metadata = Nuspec(package).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string Value(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value ?? string.Empty;
        Assert.Equal("MIT", Value("license"));
        Assert.Equal("icon.png", Value("icon"));
        Assert.Equal("README.md", Value("readme"));
        Assert.StartsWith("https://", Value("projectUrl"));
        Assert.Contains("CHANGELOG.md", Value("releaseNotes"));
        var repository = metadata.Elements().Single(e => e.Name.LocalName == "repository");
        Assert.StartsWith("https://", repository.Attribute("url")?.Value);
        Assert.Matches("^[0-9a-f]{40}$", repository.Attribute("commit")?.Value ?? string.Empty);

        // A package site shows the README outside the repository: every link must be absolute (or an anchor).
        var readme = Read(package, "README.md");
        Assert.Contains(id, readme);
        var relative = MarkdownLink().Matches(readme).Select(m => m.Groups[1].Value)
            .Where(target => !target.StartsWith("https://", StringComparison.Ordinal) && !target.StartsWith('#'))
            .ToList();
        Assert.True(relative.Count == 0, "relative links in the package README: " + string.Join(", ", relative));
    }

    [Theory]
    [MemberData(nameof(PackageIds))]
    public void SymbolPackage_HoldsThePdbWithSourceLinkAndNoMachinePaths(string id)
    {
        using var symbols = ZipFile.OpenRead(PackagePath(id, "snupkg"));
        var pdb = ReadBytes(symbols, $"lib/net10.0/{id}.pdb");
        var pdbText = Encoding.UTF8.GetString(pdb);
        Assert.Matches("\"documents\":\\{\"/_/\\*\":\"https://raw\\.githubusercontent\\.com/[^\"]+/[0-9a-f]{40}/\\*\"", pdbText);

        using var package = ZipFile.OpenRead(PackagePath(id, "nupkg"));
        var dll = ReadBytes(package, $"lib/net10.0/{id}.dll");
        foreach (var (name, bytes) in new[] { ("dll", dll), ("pdb", pdb) })
        {
            // Deterministic CI builds map the source root to /_/: the checkout's path must not be in either file.
            Assert.False(Contains(bytes, Encoding.UTF8.GetBytes(packages.Root)), $"the {name} of {id} embeds the build machine's path {packages.Root}");
        }
    }

    [Fact]
    public void CorePackage_CarriesTheGeneratorAndAnalyzers()
    {
        using var package = ZipFile.OpenRead(PackagePath("Metrics.Generators", "nupkg"));
        var files = package.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("analyzers/dotnet/cs/Metrics.Generators.Generator.dll", files);
        Assert.Contains("analyzers/dotnet/cs/Metrics.Generators.Analyzers.dll", files);
        Assert.Contains("build/Metrics.Generators.props", files);
        Assert.Contains("buildTransitive/Metrics.Generators.props", files);
    }

    private static XDocument Nuspec(ZipArchive package)
    {
        // XDocument.Load reads the byte-order mark NuGet writes; Parse of the decoded string would not.
        using var stream = package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
        return XDocument.Load(stream);
    }

    private static string Read(ZipArchive package, string name) => Encoding.UTF8.GetString(ReadBytes(package, name));

    private static byte[] ReadBytes(ZipArchive package, string name)
    {
        var entry = package.GetEntry(name);
        Assert.True(entry is not null, $"{name} is not in the package");
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;

    private string PackagePath(string id, string extension)
    {
        var path = Path.Combine(packages.Feed, $"{id}.{packages.Version}.{extension}");
        Assert.True(File.Exists(path), $"{path} was not produced");
        return path;
    }

    [GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"(?m)^.*\bwarning\b.*$")]
    private static partial Regex WarningLine();
}
