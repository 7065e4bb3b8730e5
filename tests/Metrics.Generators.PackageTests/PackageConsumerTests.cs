using System.Diagnostics;

namespace Metrics.Generators.PackageTests;

/// <summary>
/// PackageConsumerTests packs the real package into a temporary folder feed with a version of its own
/// (a re-pack under a seen version would be silently ignored by the NuGet cache), then restores, builds
/// and runs tests/PackageConsumer — a project with one PackageReference and TreatWarningsAsErrors —
/// and checks what it prints.
/// </summary>
public sealed class PackageConsumerTests
{
    [Fact]
    public void ConsumerBuiltFromPackedPackage_DeclaresRecordsAndExposes()
    {
        var root = RepositoryRoot();
        var work = Directory.CreateTempSubdirectory("mg-package-");
        try
        {
            var version = "0.1.0-ci." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", System.Globalization.CultureInfo.InvariantCulture);
            var feed = Directory.CreateDirectory(Path.Combine(work.FullName, "feed")).FullName;
            Run(root, "dotnet", "pack", "src/Runtime/Metrics.Generators.csproj", "-c", "Release", "-o", feed, $"-p:Version={version}");
            Assert.True(File.Exists(Path.Combine(feed, $"Metrics.Generators.{version}.nupkg")), "the package was not produced");

            // Copy the consumer out of the repository so no Directory.Build.* or project reference can leak in.
            var consumer = Directory.CreateDirectory(Path.Combine(work.FullName, "consumer")).FullName;
            foreach (var file in new[] { "PackageConsumer.csproj", "Program.cs" })
            {
                File.Copy(Path.Combine(root, "tests", "PackageConsumer", file), Path.Combine(consumer, file));
            }

            File.WriteAllText(Path.Combine(consumer, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <clear />
                    <add key="local" value="{feed}" />
                  </packageSources>
                </configuration>
                """);

            Run(consumer, "dotnet", "build", "-c", "Release", "-o", "out", $"-p:MetricsGeneratorsVersion={version}");
            var output = Run(consumer, "dotnet", Path.Combine(consumer, "out", "PackageConsumer.dll"));
            var parts = output.Split("----\n");
            Assert.Equal(2, parts.Length);
            var text = parts[0];
            var openMetrics = parts[1];

            Assert.Contains("# TYPE consumer_orders_total counter\n", text);
            Assert.Contains("consumer_orders_total{status=\"created\"} 2\n", text);
            Assert.Contains("consumer_orders_total{status=\"failed\"} 1\n", text);
            Assert.Contains("consumer_orders_in_flight 1\n", text);
            Assert.Contains("consumer_request_duration_seconds_bucket{route=\"/orders/{id}\",le=\"0.05\"} 1\n", text);
            Assert.Contains("consumer_request_duration_seconds_count{route=\"/orders\"} 1\n", text);
            Assert.Contains("consumer_payment_duration_seconds_count 1\n", text);
            Assert.Contains("# UNIT consumer_request_duration_seconds seconds\n", openMetrics);
            Assert.EndsWith("# EOF\n", openMetrics);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static string Run(string directory, string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Inherited MSBuild variables from the test host would point the child build at the wrong SDK pieces.
        foreach (var name in new[] { "MSBuildExtensionsPath", "MSBUILD_EXE_PATH", "MSBuildSDKsPath" })
        {
            start.Environment.Remove(name);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"'{file} {string.Join(' ', arguments)}' did not finish in 5 minutes");
        }

        Assert.True(process.ExitCode == 0, $"'{file} {string.Join(' ', arguments)}' exited {process.ExitCode}:\n{stdout.Result}\n{stderr.Result}");
        return stdout.Result;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Metrics.Generators.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Metrics.Generators.sln not found above " + AppContext.BaseDirectory);
    }
}
