using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Metrics.Generators.EndToEnd.Tests.Support;

namespace Metrics.Generators.EndToEnd.Tests;

/// <summary>
/// Push mode as an operator runs it: the sample as a real process with <c>--otlp</c>, exporting through the
/// OpenTelemetry SDK's OTLP exporter (HTTP, protobuf) to a receiver on loopback that decodes with OpenTelemetry JS's
/// generated types. After known traffic and a SIGTERM (the last export), every pushed metric equals what the
/// service's <c>/metrics</c> showed for the same traffic: names, units, descriptions, temporality, attributes,
/// bucket bounds and values, and the resource equals <c>target_info</c>.
/// </summary>
public sealed class OtlpPushTests : IDisposable
{
    private const int Orders = 40;
    private const int FaultEvery = 8;
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    // What the sample prints per service once it serves: "order-service  http://127.0.0.1:PORT/  metrics: …".
    private static readonly Regex ServiceLine = new(@"^(\S+-service)\s+(http://\S+/)\s+metrics:", RegexOptions.Multiline);

    private readonly string _directory = Directory.CreateTempSubdirectory("metrics-otlp-sample-").FullName;

    public static TheoryData<string> Temporalities => new() { "cumulative", "delta" };

    [Theory]
    [MemberData(nameof(Temporalities))]
    public async Task The_sample_in_push_mode_exports_what_its_metrics_endpoint_shows(string temporality)
    {
        await using var receiver = await OtlpReceiver.StartAsync(Ct);
        await using var sample = ChildProcess.StartApp(
            _directory, "dotnet", BuildOutputs.PathOf("OrderSystemDll"),
            "--base-port", "0", "--no-traffic", "--otlp", receiver.Address.ToString(), "--otlp-temporality", temporality, "--otlp-interval-ms", "300");
        await sample.WaitForOutputAsync(new Regex("Ctrl\\+C stops everything"), TimeSpan.FromSeconds(60), Ct);
        var services = ServiceLine.Matches(sample.Output).ToDictionary(m => m.Groups[1].Value, m => new Uri(m.Groups[2].Value), StringComparer.Ordinal);
        Assert.Equal(4, services.Count);

        await DriveTrafficAsync(services["order-service"]);
        await Task.Delay(700, Ct); // at least one periodic export while running, not only the last one
        var scrapes = new Dictionary<string, (string Text, string OpenMetrics)>(StringComparer.Ordinal);
        using (var client = new HttpClient())
        {
            foreach (var (job, address) in services)
            {
                var text = await client.GetStringAsync(new Uri(address, "/metrics"), Ct);
                using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(address, "/metrics"));
                request.Headers.Accept.ParseAdd("application/openmetrics-text; version=1.0.0");
                using var response = await client.SendAsync(request, Ct);
                scrapes[job] = (text, await response.Content.ReadAsStringAsync(Ct));
            }
        }

        sample.Signal("TERM");
        Assert.Equal(0, await sample.WaitForExitAsync(TimeSpan.FromSeconds(20), Ct));

        var exports = receiver.Exports();
        Assert.True(exports.Count >= 8, $"{exports.Count} exports received (4 services, periodic and final):\n{receiver.Output}");
        Assert.All(exports, export => Assert.Equal("application/x-protobuf", export.GetProperty("contentType").GetString()));

        var expectedTemporality = temporality == "delta" ? "AGGREGATION_TEMPORALITY_DELTA" : "AGGREGATION_TEMPORALITY_CUMULATIVE";
        foreach (var (job, scrape) in scrapes)
        {
            var pushed = PushedBy(exports, job, scrape.Text);
            var families = Families(scrape.Text, scrape.OpenMetrics);
            var points = Points(pushed, temporality == "delta");

            // Every published family of the scrape (all but the process/runtime collectors, which the runtime's own
            // meters cover, and target_info, which is the resource) is pushed, and nothing else is.
            var published = families.Keys.Where(name => !name.StartsWith("process_", StringComparison.Ordinal) && !name.StartsWith("dotnet_", StringComparison.Ordinal) && name != "target_info").ToHashSet();
            Assert.Equal(published.Order(StringComparer.Ordinal), points.Keys.Select(key => key.Family).Distinct().Order(StringComparer.Ordinal));

            foreach (var metric in pushed.SelectMany(r => r.GetProperty("scopeMetrics").EnumerateArray()).SelectMany(s => s.GetProperty("metrics").EnumerateArray()))
            {
                var name = metric.GetProperty("name").GetString()!;
                var family = families[FamilyOf(name, metric)];
                Assert.Equal(family.Help, metric.GetProperty("description").GetString());
                Assert.Equal(family.Unit switch { null => string.Empty, "seconds" => "s", "bytes" => "By", var unit => unit }, metric.GetProperty("unit").GetString());
                var data = metric.GetProperty("data").GetString();
                if (data is "sum" or "histogram")
                {
                    Assert.Equal(expectedTemporality, metric.GetProperty(data).GetProperty("aggregationTemporality").GetString());
                }

                if (data == "sum")
                {
                    Assert.True(metric.GetProperty("sum").GetProperty("isMonotonic").GetBoolean(), name);
                }
            }

            foreach (var ((familyName, labels), point) in points)
            {
                var family = families[familyName];
                var match = labels.Select(l => (l.Key, l.Value)).ToArray();
                switch (family.Type)
                {
                    case "counter":
                        Assert.Equal(Scrape.Value(scrape.Text, familyName + "_total", match), point.Value, 9);
                        break;
                    case "gauge":
                        Assert.Equal(Scrape.Value(scrape.Text, familyName, match), point.Value, 9);
                        break;
                    case "histogram":
                        var buckets = Scrape.Samples(scrape.Text, familyName + "_bucket").Where(s => SameSeries(s.Labels, labels, "le")).ToList();
                        Assert.Equal(buckets.Select(b => b.Labels["le"]).Where(le => le != "+Inf").Select(le => double.Parse(le, CultureInfo.InvariantCulture)), point.Bounds);
                        var cumulative = 0L;
                        var pushedBuckets = point.Buckets.Select(count => cumulative += count).ToArray();
                        Assert.True(
                            buckets.Select(b => (long)b.Value).SequenceEqual(pushedBuckets),
                            $"{job}: {familyName}{{{string.Join(',', labels.Select(l => l.Key + "=" + l.Value))}}} buckets on /metrics [{string.Join(", ", buckets.Select(b => b.Value))}], pushed [{string.Join(", ", pushedBuckets)}]");
                        Assert.Equal(Scrape.Value(scrape.Text, familyName + "_count", match), point.Count);
                        Assert.Equal(Scrape.Value(scrape.Text, familyName + "_sum", match), point.Value, 9);
                        break;
                    case "summary":
                        Assert.Equal(Scrape.Value(scrape.Text, familyName + "_count", match), point.Count);
                        Assert.Equal(Scrape.Value(scrape.Text, familyName + "_sum", match), point.Value, 9);
                        break;
                }
            }

            // And the other way: every series the scrape shows of a published family was pushed (histograms and
            // summaries once observed: OpenTelemetry has no point for a series nothing was recorded in).
            foreach (var name in published)
            {
                var family = families[name];
                var sampleName = family.Type switch { "counter" => name + "_total", "gauge" => name, _ => name + "_count" };
                foreach (var (labels, value) in Scrape.Samples(scrape.Text, sampleName))
                {
                    if (family.Type is "histogram" or "summary" && value == 0)
                    {
                        continue;
                    }

                    Assert.True(points.ContainsKey((name, Key(labels))), $"{job}: {sampleName}{{{string.Join(',', labels.Select(l => l.Key + "=" + l.Value))}}} = {value} on /metrics was not pushed");
                }
            }
        }

        // The traffic itself reached the pushed data: every order counted, the injected faults as 502s.
        var orderPoints = Points(PushedBy(exports, "order-service", scrapes["order-service"].Text), temporality == "delta");
        Assert.Equal(Orders, orderPoints.Where(p => p.Key.Family == "http_requests" && p.Key.Labels.Contains(new("route", "/orders"))).Sum(p => p.Value.Value));
        Assert.Equal(Orders / FaultEvery, orderPoints.Where(p => p.Key.Family == "http_requests" && p.Key.Labels.Contains(new("status", "502"))).Sum(p => p.Value.Value));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    // The resource-metrics entries of one service: the resource must be its target_info identity.
    private static List<JsonElement> PushedBy(List<JsonElement> exports, string job, string scrape)
    {
        var identity = Scrape.Samples(scrape, "target_info").Single().Labels;
        var mine = new List<JsonElement>();
        foreach (var resourceMetrics in exports.SelectMany(e => e.GetProperty("resourceMetrics").EnumerateArray()))
        {
            var resource = OtlpReceiver.Attributes(resourceMetrics.GetProperty("resource").GetProperty("attributes"));
            if (resource.GetValueOrDefault("service.name") != job)
            {
                continue;
            }

            Assert.Equal(identity["service_name"], resource["service.name"]);
            Assert.Equal(identity["service_instance_id"], resource["service.instance.id"]);
            Assert.Equal(identity["deployment_environment"], resource["deployment.environment"]);
            mine.Add(resourceMetrics);
        }

        Assert.NotEmpty(mine);
        return mine;
    }

    private sealed record Family(string Type, string Help, string? Unit);

    private sealed class Point
    {
        public double Value { get; set; }

        public long Count { get; set; }

        public double[] Bounds { get; set; } = [];

        public long[] Buckets { get; set; } = [];
    }

    // Family name → type, help (text format) and unit (OpenMetrics' UNIT line).
    private static Dictionary<string, Family> Families(string text, string openMetrics)
    {
        var types = Regex.Matches(text, @"^# TYPE (\S+) (\S+)$", RegexOptions.Multiline).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value, StringComparer.Ordinal);
        var helps = Regex.Matches(text, @"^# HELP (\S+) (.*)$", RegexOptions.Multiline).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value, StringComparer.Ordinal);
        var units = Regex.Matches(openMetrics, @"^# UNIT (\S+) (\S+)$", RegexOptions.Multiline).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value, StringComparer.Ordinal);
        var families = new Dictionary<string, Family>(StringComparer.Ordinal);
        foreach (var (name, type) in types)
        {
            var family = type == "counter" && name.EndsWith("_total", StringComparison.Ordinal) ? name[..^"_total".Length] : name;
            families[family] = new Family(type, helps.GetValueOrDefault(name, string.Empty), units.GetValueOrDefault(family));
        }

        return families;
    }

    // An OTLP metric's family in the scrape: a counter's instrument may be named with or without _total.
    private static string FamilyOf(string name, JsonElement metric)
        => metric.GetProperty("data").GetString() == "sum" && name.EndsWith("_total", StringComparison.Ordinal) ? name[..^"_total".Length] : name;

    private static SortedSet<KeyValuePair<string, string>> Key(Dictionary<string, string> labels)
        => new(labels, Comparer<KeyValuePair<string, string>>.Create((a, b) => string.CompareOrdinal(a.Key + "\0" + a.Value, b.Key + "\0" + b.Value)));

    private static bool SameSeries(Dictionary<string, string> labels, SortedSet<KeyValuePair<string, string>> series, string except)
        => labels.Count == series.Count + 1 && series.All(l => labels.TryGetValue(l.Key, out var v) && v == l.Value) && labels.ContainsKey(except);

    // Per (family, attributes): the last cumulative point, or the sum of every delta point.
    private static Dictionary<(string Family, SortedSet<KeyValuePair<string, string>> Labels), Point> Points(List<JsonElement> pushed, bool delta)
    {
        var points = new Dictionary<(string, SortedSet<KeyValuePair<string, string>>), Point>(new SeriesComparer());
        foreach (var metric in pushed.SelectMany(r => r.GetProperty("scopeMetrics").EnumerateArray()).SelectMany(s => s.GetProperty("metrics").EnumerateArray()))
        {
            var data = metric.GetProperty("data").GetString()!;
            var family = FamilyOf(metric.GetProperty("name").GetString()!, metric);
            foreach (var dataPoint in metric.GetProperty(data).GetProperty("dataPoints").EnumerateArray())
            {
                var key = (family, Key(OtlpReceiver.Attributes(dataPoint.GetProperty("attributes"))));
                if (!points.TryGetValue(key, out var point) || (!delta || data == "gauge"))
                {
                    points[key] = point = new Point();
                }

                if (data == "histogram")
                {
                    point.Value += dataPoint.GetProperty("sum").GetDouble();
                    point.Count += OtlpReceiver.Long(dataPoint.GetProperty("count"));
                    point.Bounds = dataPoint.GetProperty("explicitBounds").EnumerateArray().Select(b => b.GetDouble()).ToArray();
                    var counts = dataPoint.GetProperty("bucketCounts").EnumerateArray().Select(OtlpReceiver.Long).ToArray();
                    point.Buckets = point.Buckets.Length == 0 ? counts : point.Buckets.Zip(counts, (a, b) => a + b).ToArray();
                }
                else
                {
                    point.Value += dataPoint.GetProperty("value").GetString() == "asInt"
                        ? OtlpReceiver.Long(dataPoint.GetProperty("asInt"))
                        : dataPoint.GetProperty("asDouble").GetDouble();
                }
            }
        }

        return points;
    }

    private sealed class SeriesComparer : IEqualityComparer<(string Family, SortedSet<KeyValuePair<string, string>> Labels)>
    {
        public bool Equals((string Family, SortedSet<KeyValuePair<string, string>> Labels) x, (string Family, SortedSet<KeyValuePair<string, string>> Labels) y)
            => x.Family == y.Family && x.Labels.SetEquals(y.Labels);

        public int GetHashCode((string Family, SortedSet<KeyValuePair<string, string>> Labels) obj)
            => HashCode.Combine(obj.Family, string.Join(',', obj.Labels.Select(l => l.Key + "=" + l.Value)));
    }

    private static async Task DriveTrafficAsync(Uri orderService)
    {
        using var client = new HttpClient { BaseAddress = orderService, Timeout = TimeSpan.FromSeconds(30) };
        for (var i = 0; i < Orders; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/orders")
            {
                Content = JsonContent.Create(new { item = i % 2 == 0 ? "book" : "pen", quantity = (i % 5) + 1, price = 9.99m }),
            };
            var fault = i % FaultEvery == 0;
            if (fault)
            {
                request.Headers.Add("X-Inject-Fault", "payment");
            }

            using var response = await client.SendAsync(request, Ct);
            Assert.Equal(fault ? HttpStatusCode.BadGateway : HttpStatusCode.Created, response.StatusCode);
        }
    }
}
