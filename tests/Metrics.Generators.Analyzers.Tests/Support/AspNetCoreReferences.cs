using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Metrics.Generators.Analyzers.Tests.Support;

/// <summary>
/// AspNetCoreReferences are the assemblies of the Microsoft.AspNetCore.App shared framework installed beside the
/// runtime the tests run on, so call-site rules are tested against the real HttpContext, HttpRequest, StringValues
/// and RouteValueDictionary rather than hand-written stand-ins that can drift from them.
/// </summary>
internal static class AspNetCoreReferences
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> s_all = new(Load);

    public static ImmutableArray<MetadataReference> All => s_all.Value;

    private static ImmutableArray<MetadataReference> Load()
    {
        // .../shared/Microsoft.NETCore.App/10.0.x/System.Private.CoreLib.dll → .../shared/Microsoft.AspNetCore.App/10.0.x/
        var netCore = new DirectoryInfo(Path.GetDirectoryName(typeof(object).Assembly.Location)!);
        var shared = netCore.Parent!.Parent!;
        var aspNet = new DirectoryInfo(Path.Combine(shared.FullName, "Microsoft.AspNetCore.App"));
        var version = aspNet.Exists
            ? aspNet.GetDirectories().Where(d => d.Name == netCore.Name).Concat(aspNet.GetDirectories().OrderByDescending(d => d.Name, StringComparer.Ordinal)).FirstOrDefault()
            : null;
        if (version is null)
        {
            throw new InvalidOperationException("The Microsoft.AspNetCore.App shared framework is not installed beside " + netCore.FullName + ".");
        }

        return [.. version.GetFiles("*.dll").OrderBy(f => f.Name, StringComparer.Ordinal).Select(f => (MetadataReference)MetadataReference.CreateFromFile(f.FullName))];
    }
}
