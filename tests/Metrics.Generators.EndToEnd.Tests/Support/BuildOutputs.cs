using System.Reflection;

namespace Metrics.Generators.EndToEnd.Tests.Support;

/// <summary>BuildOutputs reads the paths and values the test project put in its assembly metadata (see the csproj).</summary>
internal static class BuildOutputs
{
    /// <summary>A path the test project put in its assembly metadata.</summary>
    public static string PathOf(string key) => Path.GetFullPath(Metadata(key));

    /// <summary>A value the test project put in its assembly metadata.</summary>
    public static string Metadata(string key)
        => typeof(BuildOutputs).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
