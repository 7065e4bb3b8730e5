using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Metrics.Generators.EndToEnd.Tests.Support;

/// <summary>
/// OtlpReceiver is an OTLP/HTTP metrics receiver whose decoding is not ours: <c>Otlp/receiver.js</c> run by node,
/// decoding with the protobufjs types OpenTelemetry JS generated from the published OTLP schema
/// (<c>@opentelemetry/otlp-transformer</c> 0.52.1, installed by <c>npm ci</c> in that folder; <c>.ci/run</c> does it).
/// It listens on 127.0.0.1 on a free port, writes each export as a JSON line into a temp dir, and is stopped by PID.
/// </summary>
internal sealed class OtlpReceiver : IAsyncDisposable
{
    public const string Missing = "the OTLP receiver needs node and its npm packages: install Debian package nodejs/npm, then run `npm ci` in tests/Metrics.Generators.EndToEnd.Tests/Otlp";

    private readonly ChildProcess _process;
    private readonly string _directory;

    private OtlpReceiver(ChildProcess process, string directory, Uri address)
    {
        _process = process;
        _directory = directory;
        Address = address;
    }

    /// <summary>The base address an OTLP exporter is pointed at (it posts to <c>/v1/metrics</c>).</summary>
    public Uri Address { get; }

    private string OutputFile => Path.Combine(_directory, "exports.jsonl");

    public static async Task<OtlpReceiver> StartAsync(CancellationToken cancellationToken)
    {
        var folder = BuildOutputs.PathOf("OtlpReceiverDirectory");
        var node = new[] { "/usr/bin/node", "/usr/local/bin/node" }.FirstOrDefault(File.Exists)
                   ?? (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':').Select(d => Path.Combine(d, "node")).FirstOrDefault(File.Exists);
        Require.That(node is not null && Directory.Exists(Path.Combine(folder, "node_modules", "@opentelemetry", "otlp-transformer")), Missing);

        var directory = Directory.CreateTempSubdirectory("metrics-otlp-").FullName;
        var process = ChildProcess.Start(ChildProcess.StartInfo(directory, node!, Path.Combine(folder, "receiver.js"), Path.Combine(directory, "exports.jsonl")));
        try
        {
            var port = (await process.WaitForOutputAsync(new Regex(@"listening (\d+)"), TimeSpan.FromSeconds(30), cancellationToken)).Groups[1].Value;
            return new OtlpReceiver(process, directory, new Uri($"http://127.0.0.1:{port}/"));
        }
        catch
        {
            await process.DisposeAsync();
            Directory.Delete(directory, recursive: true);
            throw;
        }
    }

    /// <summary>Every export received so far, decoded, in arrival order.</summary>
    public List<JsonElement> Exports()
        => File.Exists(OutputFile)
            ? File.ReadAllLines(OutputFile).Where(line => line.Length > 0).Select(line => JsonDocument.Parse(line).RootElement).ToList()
            : [];

    /// <summary>The receiver's output so far (decode errors end up here).</summary>
    public string Output => _process.Output;

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>An OTLP attribute list as a dictionary of string values.</summary>
    public static Dictionary<string, string> Attributes(JsonElement attributes)
        => attributes.EnumerateArray().ToDictionary(
            a => a.GetProperty("key").GetString()!,
            a => StringValue(a.GetProperty("value")),
            StringComparer.Ordinal);

    private static string StringValue(JsonElement value)
        => value.GetProperty("stringValue").GetString() is { Length: > 0 } text ? text
            : value.TryGetProperty("intValue", out var integer) && integer.GetString() is { } i && i != "0" ? i
            : value.GetProperty("stringValue").GetString() ?? string.Empty;

    /// <summary>A 64-bit OTLP integer (protobufjs writes them as strings to keep them exact).</summary>
    public static long Long(JsonElement value) => long.Parse(value.GetString()!, CultureInfo.InvariantCulture);
}
