using System.Globalization;

namespace Metrics.Generators.PackageTests.Support;

/// <summary>
/// PackedPackages packs the five packages once for every test in the "packages" collection, into a temporary
/// folder feed with a version of their own: a re-pack under a version the NuGet cache has seen would be silently
/// ignored. CI=true packs as CI does (deterministic paths, SourceLink).
/// </summary>
public sealed class PackedPackages : IDisposable
{
    public static readonly string[] Projects =
    [
        "src/Runtime/Metrics.Generators.csproj",
        "src/AspNetCore/Metrics.Generators.AspNetCore.csproj",
        "src/Data/Metrics.Generators.Data.csproj",
        "src/Monitoring/Metrics.Generators.Monitoring.csproj",
        "src/OpenTelemetry/Metrics.Generators.OpenTelemetry.csproj",
    ];

    private readonly DirectoryInfo _work;

    public PackedPackages()
    {
        Root = Repository.Root();
        _work = Directory.CreateTempSubdirectory("mg-package-");
        Version = "0.1.0-ci." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);
        Feed = Directory.CreateDirectory(Path.Combine(_work.FullName, "feed")).FullName;
        PackOutput = string.Empty;
        foreach (var project in Projects)
        {
            PackOutput += ChildProcess.Run(Root, "dotnet", "pack", project, "-c", "Release", "-o", Feed, $"-p:Version={Version}", "-p:CI=true");
        }
    }

    public string Root { get; }

    public string Version { get; }

    public string Feed { get; }

    /// <summary>What <c>dotnet pack</c> printed for the five projects.</summary>
    public string PackOutput { get; }

    /// <summary>A new empty directory under this fixture's temporary directory.</summary>
    public string NewDirectory(string name) => Directory.CreateDirectory(Path.Combine(_work.FullName, name)).FullName;

    /// <summary>
    /// Writes a nuget.config that puts the local feed first; <paramref name="only"/> removes every other source
    /// (what a plain consumer needs), otherwise the machine's sources stay for packages such as the NativeAOT compiler.
    /// </summary>
    public void WriteNuGetConfig(string directory, bool only = true)
        => File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                {(only ? "<clear />" : string.Empty)}
                <add key="metrics-local" value="{Feed}" />
              </packageSources>
            </configuration>
            """);

    public void Dispose() => _work.Delete(recursive: true);
}

[CollectionDefinition(Name)]
public sealed class PackagesCollection : ICollectionFixture<PackedPackages>
{
    public const string Name = "packages";
}
