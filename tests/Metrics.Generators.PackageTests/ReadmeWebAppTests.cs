using System.Text.RegularExpressions;
using Metrics.Generators.PackageTests.Support;

namespace Metrics.Generators.PackageTests;

/// <summary>
/// ReadmeWebAppTests stands where a newcomer stands: <c>dotnet new web</c>, <c>dotnet add package</c> from a folder
/// feed, the README's quick start and ASP.NET Core lines pasted verbatim (read from README.md, so the README cannot
/// drift), <c>dotnet build</c> with warnings as errors, then the app run as a real process, scraped, linted by
/// promtool and stopped with SIGTERM as a container runtime stops it. The same project is published with
/// NativeAOT, which must give no trim or AOT warning and serve the same metrics.
/// </summary>
[Collection(PackagesCollection.Name)]
public sealed class ReadmeWebAppTests(PackedPackages packages)
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    // Kestrel's start-up line: the address it bound for --urls http://127.0.0.1:0.
    private static readonly Regex ListeningLine = new(@"Now listening on: (http://127\.0\.0\.1:\d+)");

    [Fact]
    public async Task ReadmeQuickStart_InANewWebProject_ServesRedProcessAndDeclaredMetrics()
    {
        var project = CreateWebProject("web", onlyLocalFeed: false, withEverySnippet: true);
        ChildProcess.Run(project, "dotnet", "build", "-c", "Release", "-o", "out", "-p:TreatWarningsAsErrors=true");

        using var app = ChildProcess.StartApp(project, "dotnet", Path.Combine(project, "out", "web.dll"), "--urls", "http://127.0.0.1:0");
        var exposition = await ExerciseAsync(app);
        AssertReadmeMetrics(exposition);
        await app.StopWithAsync("TERM", TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task ReadmeQuickStart_PublishedWithNativeAot_HasNoTrimWarningsAndServesMetrics()
    {
        ExternalTools.Clang();
        var project = CreateWebProject("webaot", onlyLocalFeed: false);
        var output = ChildProcess.Run(project, "dotnet", "publish", "-c", "Release", "-r", "linux-x64", "-p:PublishAot=true", "-o", "aot");
        var warnings = output.Split('\n').Where(l => l.Contains("warning", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(warnings.Count == 0, "NativeAOT publish warned:\n" + string.Join('\n', warnings));

        using var app = ChildProcess.StartApp(project, Path.Combine(project, "aot", "webaot"), "--urls", "http://127.0.0.1:0");
        var exposition = await ExerciseAsync(app);
        AssertReadmeMetrics(exposition);
        await app.StopWithAsync("TERM", TestContext.Current.CancellationToken);
    }

    /// <summary>
    /// <c>dotnet new web</c> + the two packages + the README's files: the declarations as a file of their own, the
    /// ASP.NET Core block as Program.cs, and the recording block run once at start-up by a module initializer (the
    /// only line of this project the README does not show).
    /// </summary>
    private string CreateWebProject(string name, bool onlyLocalFeed = true, bool withEverySnippet = false)
    {
        var parent = packages.NewDirectory(name + "-parent");
        packages.WriteNuGetConfig(parent, onlyLocalFeed);
        ChildProcess.Run(parent, "dotnet", "new", "web", "--name", name, "--output", name);
        var project = Path.Combine(parent, name);
        ChildProcess.Run(project, "dotnet", "add", "package", "Metrics.Generators", "--version", packages.Version);
        ChildProcess.Run(project, "dotnet", "add", "package", "Metrics.Generators.AspNetCore", "--version", packages.Version);

        File.WriteAllText(Path.Combine(project, "ShopMetrics.cs"), Repository.ReadmeBlock("declarations"));
        File.WriteAllText(Path.Combine(project, "Program.cs"), Repository.ReadmeBlock("aspnetcore"));
        var recording = string.Join('\n', Repository.ReadmeBlock("recording").Split('\n').Select(l => "        " + l));
        File.WriteAllText(Path.Combine(project, "QuickStartRecording.cs"), $$"""
            internal static class QuickStartRecording
            {
                [System.Runtime.CompilerServices.ModuleInitializer]
                internal static void Record()
                {
            {{recording}}
                }
            }
            """);
        if (withEverySnippet)
        {
            AddEverySnippet(project);
        }

        return project;
    }

    /// <summary>
    /// The README's other C# blocks, each compiled (warnings as errors) in the project kind it is written for: its
    /// <c>using</c> lines at the top of a file of its own and the rest as the body of a method whose parameters are
    /// the names the block takes from its surroundings (<c>builder</c>, <c>app</c>, …). Their behaviour is tested
    /// where it is built; here the README's lines are shown to compile as written.
    /// </summary>
    private void AddEverySnippet(string project)
    {
        ChildProcess.Run(project, "dotnet", "add", "package", "Metrics.Generators.Data", "--version", packages.Version);
        ChildProcess.Run(project, "dotnet", "add", "package", "Metrics.Generators.Monitoring", "--version", packages.Version);
        ChildProcess.Run(project, "dotnet", "add", "package", "Microsoft.Data.Sqlite", "--version", "10.0.0");
        ChildProcess.Run(project, "dotnet", "add", "package", "Metrics.Generators.OpenTelemetry", "--version", packages.Version);
        ChildProcess.Run(project, "dotnet", "add", "package", "OpenTelemetry.Extensions.Hosting", "--version", "1.20.1");
        ChildProcess.Run(project, "dotnet", "add", "package", "OpenTelemetry.Exporter.OpenTelemetryProtocol", "--version", "1.20.1");
        (string Block, string Parameters, bool Async)[] snippets =
        [
            ("aspnetcore-options", "WebApplicationBuilder builder", false),
            ("separate-port", "WebApplicationBuilder builder, WebApplication app", false),
            ("metricserver-auth", "WebApplicationBuilder builder, System.Security.Cryptography.X509Certificates.X509Certificate2 certificate, string password", false),
            ("collectors", "Metrics.Generators.MetricRegistry registry", false),
            ("database", "string connectionString", true),
            ("monitoring", string.Empty, false),
            ("overrides", string.Empty, false),
            ("opentelemetry", "WebApplicationBuilder builder", false),
            ("import-meters", "WebApplicationBuilder builder, Metrics.Generators.MetricRegistry registry", false),
        ];
        foreach (var (block, parameters, isAsync) in snippets)
        {
            var lines = Repository.ReadmeBlock(block).TrimEnd('\n').Split('\n');
            var usings = lines.TakeWhile(l => l.StartsWith("using ", StringComparison.Ordinal) || l.Length == 0).ToList();
            var body = string.Join('\n', lines.Skip(usings.Count).Select(l => "        " + l));
            var type = "Readme" + string.Concat(block.Split('-').Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
            File.WriteAllText(Path.Combine(project, type + ".cs"), $$"""
                {{string.Join('\n', usings)}}

                internal static class {{type}}
                {
                    internal static {{(isAsync ? "async Task" : "void")}} Run({{parameters}})
                    {
                {{body}}
                    }
                }
                """);
        }
    }

    private static async Task<string> ExerciseAsync(ChildProcess app)
    {
        var address = new Uri((await app.WaitForOutputAsync(ListeningLine, TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken)).Groups[1].Value);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal("Hello World!", await Http.GetStringAsync(new Uri(address, "/")));
        }

        using (var missing = await Http.GetAsync(new Uri(address, "/no-such-page")))
        {
            Assert.Equal(System.Net.HttpStatusCode.NotFound, missing.StatusCode);
        }

        var exposition = await Http.GetStringAsync(new Uri(address, "/metrics"));
        ExternalTools.AssertPromtoolClean(exposition);
        return exposition;
    }

    private static void AssertReadmeMetrics(string exposition)
    {
        // The two ASP.NET Core lines: RED by route template, unmatched paths folded, process collectors.
        Assert.Contains("http_requests_total{method=\"GET\",route=\"/\",status=\"200\"} 3\n", exposition);
        Assert.Contains("http_requests_total{method=\"GET\",route=\"__unmatched__\",status=\"404\"} 1\n", exposition);
        Assert.Contains("http_request_duration_seconds_count{method=\"GET\",route=\"/\"} 3\n", exposition);
        Assert.Contains("\nprocess_cpu_seconds_total ", exposition);
        Assert.Contains("\nprocess_resident_memory_bytes ", exposition);

        // The quick start's declarations, recorded by its recording block.
        Assert.Contains("orders_total{status=\"created\"} 1\n", exposition);
        Assert.Contains("\norders_in_flight 0\n", exposition);
        Assert.Contains("payment_duration_seconds_count{method=\"card\",provider=\"stripe\"} 1\n", exposition);
    }
}
