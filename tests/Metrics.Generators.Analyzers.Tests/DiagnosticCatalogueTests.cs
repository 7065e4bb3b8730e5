using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Metrics.Generators.Analyzers.Tests;

/// <summary>
/// Walks every descriptor every analyzer supports: enabled, a title without placeholders, a help link ending in
/// its own ID, a doc page, a row in the release tracking file and in the README table.
/// </summary>
public class DiagnosticCatalogueTests
{
    private static readonly string Root = RepositoryRoot();

    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var descriptor in AllDescriptors())
        {
            data.Add(descriptor.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Descriptor_IsDocumentedAndTracked(string id)
    {
        var descriptor = AllDescriptors().Single(d => d.Id == id);
        Assert.True(descriptor.IsEnabledByDefault);
        Assert.DoesNotContain("{", descriptor.Title.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.EndsWith("/docs/diagnostics/" + id + ".md", descriptor.HelpLinkUri, StringComparison.Ordinal);
        Assert.NotEqual(descriptor.Title.ToString(System.Globalization.CultureInfo.InvariantCulture), descriptor.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var page = Path.Combine(Root, "docs", "diagnostics", id + ".md");
        Assert.True(File.Exists(page), "missing doc page " + page);
        Assert.StartsWith("# " + id, File.ReadAllText(page), StringComparison.Ordinal);

        var releases = File.ReadAllText(Path.Combine(Root, "src", "Analyzers", "AnalyzerReleases.Unshipped.md"))
                       + File.ReadAllText(Path.Combine(Root, "src", "Analyzers", "AnalyzerReleases.Shipped.md"));
        Assert.Contains(id + " | " + descriptor.Category + " | " + descriptor.DefaultSeverity, releases, StringComparison.Ordinal);
        Assert.Contains("[" + id + "](docs/diagnostics/" + id + ".md)", File.ReadAllText(Path.Combine(Root, "README.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void EveryTrackedRule_IsSupportedByAnAnalyzer()
    {
        var supported = AllDescriptors().Select(d => d.Id).ToHashSet();
        var tracked = File.ReadAllLines(Path.Combine(Root, "src", "Analyzers", "AnalyzerReleases.Unshipped.md"))
            .Where(line => line.StartsWith("MG", StringComparison.Ordinal))
            .Select(line => line.Split('|')[0].Trim());
        Assert.All(tracked, id => Assert.Contains(id, supported));
    }

    private static IEnumerable<DiagnosticDescriptor> AllDescriptors()
        => typeof(DeclarationAnalyzer).Assembly.GetTypes()
            .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .SelectMany(t => ((DiagnosticAnalyzer)Activator.CreateInstance(t)!).SupportedDiagnostics)
            .DistinctBy(d => d.Id)
            .OrderBy(d => d.Id, StringComparer.Ordinal);

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Metrics.Generators.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("repository root not found");
    }
}
