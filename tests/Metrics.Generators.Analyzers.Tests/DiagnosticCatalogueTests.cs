using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Metrics.Generators.Analyzers.Tests;

/// <summary>
/// Walks the one catalogue (src/Shared/Diagnostics/DiagnosticDescriptors.cs): every rule enabled, a title without
/// placeholders, a help link ending in its own ID, a doc page that states its title, severity, category and message,
/// a row in the release tracking file and in the README table; and the analyzers support exactly the catalogue's
/// descriptors, no copies.
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
        var text = File.ReadAllText(page);
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        Assert.StartsWith("# " + id + ": " + descriptor.Title.ToString(invariant) + "\n", text.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("**Severity:** " + descriptor.DefaultSeverity + " · **Category:** `" + descriptor.Category + "`", text, StringComparison.Ordinal);

        // The page quotes the message the user sees: it had drifted from the code on seven pages.
        Assert.Contains("**Message:** `" + descriptor.MessageFormat.ToString(invariant) + "`", text, StringComparison.Ordinal);

        var releases = File.ReadAllText(Path.Combine(Root, "src", "Analyzers", "AnalyzerReleases.Unshipped.md"))
                       + File.ReadAllText(Path.Combine(Root, "src", "Analyzers", "AnalyzerReleases.Shipped.md"));
        Assert.Contains(id + " | " + descriptor.Category + " | " + descriptor.DefaultSeverity, releases, StringComparison.Ordinal);
        Assert.Contains("[" + id + "](docs/diagnostics/" + id + ".md)", File.ReadAllText(Path.Combine(Root, "README.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void EveryTrackedRule_IsInTheCatalogue()
    {
        var catalogued = AllDescriptors().Select(d => d.Id).ToHashSet();
        var tracked = File.ReadAllLines(Path.Combine(Root, "src", "Analyzers", "AnalyzerReleases.Unshipped.md"))
            .Where(line => line.StartsWith("MG", StringComparison.Ordinal))
            .Select(line => line.Split('|')[0].Trim())
            .ToList();
        Assert.All(tracked, id => Assert.Contains(id, catalogued));
        Assert.Equal(tracked.Count, tracked.Distinct().Count());
    }

    [Fact]
    public void Catalogue_ListsEveryDescriptorOnceInIdOrder()
    {
        var fields = CatalogueFields();
        var all = (IReadOnlyList<DiagnosticDescriptor>)CatalogueType().GetProperty("All", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;

        Assert.Equal(fields.Select(d => d.Id), all.Select(d => d.Id));
        Assert.Equal(fields.Count, fields.Select(d => d.Id).Distinct().Count());
        Assert.Equal(fields.Select(d => d.Id).Order(StringComparer.Ordinal), fields.Select(d => d.Id));
    }

    [Fact]
    public void Analyzers_SupportExactlyTheCatalogue()
    {
        var catalogue = CatalogueFields();
        var supported = SupportedDescriptors().ToList();

        // The same instances: an analyzer that built its own copy of a rule would drift from the catalogue.
        Assert.All(supported, d => Assert.Contains(catalogue, c => ReferenceEquals(c, d)));
        Assert.Equal(catalogue.Select(d => d.Id), supported.Select(d => d.Id).Distinct().Order(StringComparer.Ordinal));
    }

    private static IEnumerable<DiagnosticDescriptor> AllDescriptors() => CatalogueFields();

    private static Type CatalogueType()
        => typeof(DeclarationAnalyzer).Assembly.GetType("Metrics.Generators.Shared.Diagnostics.DiagnosticDescriptors", throwOnError: true)!;

    private static List<DiagnosticDescriptor> CatalogueFields()
        => CatalogueType().GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .ToList();

    private static IEnumerable<DiagnosticDescriptor> SupportedDescriptors()
        => typeof(DeclarationAnalyzer).Assembly.GetTypes()
            .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .SelectMany(t => ((DiagnosticAnalyzer)Activator.CreateInstance(t)!).SupportedDiagnostics)
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
