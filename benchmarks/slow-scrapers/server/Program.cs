using System.Globalization;
using Metrics.Generators;
using Metrics.Generators.AspNetCore;

// dotnet SlowScrapersServer.dll PORT [SERIES=160000]
// Serves ~10 MB of exposition at /metrics (the app's mapped endpoint, defaults as a user gets them) and, at
// /debug/heap, the managed heap after a forced, compacting, blocking full GC: what slow scrapers keep alive.
var port = int.Parse(args[0], CultureInfo.InvariantCulture);
var seriesCount = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 160_000;

var registry = new MetricRegistry();
var paths = Enumerable.Range(0, seriesCount).Select(i => $"/api/v1/resources/{i:D6}/items").ToArray();
var family = registry.Register(new MetricFamily<CounterCell>(
    new MetricDescriptor("bench_requests_total", MetricType.Counter, "Requests by path, for a large exposition.", null, ["path"]),
    new FixedLabel("path", paths)));
for (var i = 0; i < seriesCount; i++)
{
    family.GetOrAdd(i).Add(i);
}

var builder = WebApplication.CreateBuilder();
builder.Logging.ClearProviders();
builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
builder.Services.AddPrometheusMetrics(options => { options.Registry = registry; options.Collectors = null; });
var app = builder.Build();
app.MapPrometheusMetrics();
app.MapGet("/debug/heap", () =>
{
    GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
    GC.WaitForPendingFinalizers();
    GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
    var info = GC.GetGCMemoryInfo(GCKind.FullBlocking);
    return $"{GC.GetTotalMemory(false)} {info.HeapSizeBytes} {Environment.WorkingSet}\n";
});
app.Run();
