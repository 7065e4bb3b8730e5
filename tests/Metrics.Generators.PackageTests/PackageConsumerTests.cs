using Metrics.Generators.PackageTests.Support;

namespace Metrics.Generators.PackageTests;

/// <summary>
/// PackageConsumerTests restores, builds and runs tests/PackageConsumer — a project with one PackageReference and
/// TreatWarningsAsErrors — against the packed package and checks what it prints.
/// </summary>
[Collection(PackagesCollection.Name)]
public sealed class PackageConsumerTests(PackedPackages packages)
{
    [Fact]
    public void ConsumerBuiltFromPackedPackage_DeclaresRecordsAndExposes()
    {
        var consumer = CopyConsumer("consumer");
        ChildProcess.Run(consumer, "dotnet", "build", "-c", "Release", "-o", "out", $"-p:MetricsGeneratorsVersion={packages.Version}");
        var output = ChildProcess.Run(consumer, "dotnet", Path.Combine(consumer, "out", "PackageConsumer.dll"));
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
        Assert.Contains("consumer_untouched_total 0\n", text);
    }

    [Fact]
    public void RegisterDefaultsFalse_FromTheProjectFile_KeepsUntouchedMetricsOutOfTheDefaultRegistry()
    {
        // The property reaches the generator only through the package's build/Metrics.Generators.props.
        var consumer = CopyConsumer("consumer-no-defaults");
        var project = Path.Combine(consumer, "PackageConsumer.csproj");
        File.WriteAllText(project, File.ReadAllText(project).Replace(
            "<TreatWarningsAsErrors>true</TreatWarningsAsErrors>",
            "<TreatWarningsAsErrors>true</TreatWarningsAsErrors>\n    <MetricsGeneratorsRegisterDefaults>false</MetricsGeneratorsRegisterDefaults>",
            StringComparison.Ordinal));
        ChildProcess.Run(consumer, "dotnet", "build", "-c", "Release", "-o", "out", $"-p:MetricsGeneratorsVersion={packages.Version}");
        var text = ChildProcess.Run(consumer, "dotnet", Path.Combine(consumer, "out", "PackageConsumer.dll")).Split("----\n")[0];

        Assert.Contains("consumer_orders_total{status=\"created\"} 2\n", text);
        Assert.DoesNotContain("consumer_untouched_total", text);
    }

    private string CopyConsumer(string name)
    {
        // Copied out of the repository so no Directory.Build.* or project reference can leak in.
        var consumer = packages.NewDirectory(name);
        foreach (var file in new[] { "PackageConsumer.csproj", "Program.cs" })
        {
            File.Copy(Path.Combine(packages.Root, "tests", "PackageConsumer", file), Path.Combine(consumer, file));
        }

        packages.WriteNuGetConfig(consumer);
        return consumer;
    }
}
