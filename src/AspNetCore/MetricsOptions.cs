namespace Metrics.Generators.AspNetCore;

/// <summary>
/// MetricsOptions configures what <see cref="MetricsServiceCollectionExtensions.AddPrometheusMetrics"/> sets up: the registry
/// that <c>MapPrometheusMetrics()</c> serves and the RED middleware records into, the RED metrics themselves, and whether the
/// default process and runtime collectors are registered.
/// </summary>
public sealed class MetricsOptions
{
    /// <summary>
    /// The registry the RED metrics register in and <c>MapPrometheusMetrics()</c> serves. Defaults to
    /// <see cref="MetricRegistry.Default"/>, where generated metrics register, so one scrape shows both.
    /// </summary>
    public MetricRegistry Registry { get; set; } = MetricRegistry.Default;

    /// <summary>
    /// The process and runtime collectors registered in <see cref="Registry"/> when the app starts (once per
    /// registry): <c>process_cpu_seconds_total</c>, memory, file descriptors, GC, thread pool, lock contention and
    /// exceptions. Switch groups off here, or set null to register none.
    /// </summary>
    public DefaultCollectorOptions? Collectors { get; set; } = new();

    /// <summary>The default of <see cref="MaxConcurrentScrapes"/>: two Prometheus replicas and a person with curl, with room to spare.</summary>
    public const int DefaultMaxConcurrentScrapes = 4;

    /// <summary>
    /// The scrapes of one <c>MapPrometheusMetrics()</c> endpoint that may render at the same time; more are answered
    /// 503 with <c>Retry-After: 1</c>. Each scrape holds its own rendering until the client has read it, so this bounds
    /// the memory slow scrapers of a large registry can pin. Default <see cref="DefaultMaxConcurrentScrapes"/>; at least 1.
    /// </summary>
    public int MaxConcurrentScrapes
    {
        get;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            field = value;
        }
    } = DefaultMaxConcurrentScrapes;

    /// <summary>The RED metrics for incoming requests.</summary>
    public HttpServerMetricsOptions Http { get; } = new();

    /// <summary>
    /// The <c>System.Diagnostics.Metrics</c> meters whose instruments are exposed in <see cref="Registry"/> from host start
    /// to host stop (see <see cref="Metrics.Generators.MeterImport"/>): e.g. <c>Microsoft.AspNetCore.Hosting</c>,
    /// <c>System.Runtime</c>, <c>Npgsql</c>. Empty by default: nothing is imported unless named. Meters this host's
    /// <c>IMeterFactory</c> did not create, but another host's did, are left out, so each host shows its own requests.
    /// </summary>
    public IList<string> ImportedMeters { get; } = new List<string>();

    /// <summary>
    /// How imported instruments are exposed: series bound per instrument, histogram buckets per instrument name. When
    /// <see cref="MeterImportOptions.MeterScope"/> is not set, the host's <c>IMeterFactory</c> is used.
    /// </summary>
    public MeterImportOptions MeterImport { get; } = new();

    /// <summary>
    /// Adds <paramref name="meterNames"/> to <see cref="ImportedMeters"/>: <c>AddPrometheusMetrics(o =&gt;
    /// o.ImportMeters("Microsoft.AspNetCore.Hosting", "System.Runtime"))</c>. Where an imported instrument's name is
    /// taken by a default collector (<c>System.Runtime</c>'s <c>dotnet.gc.collections</c> is our
    /// <c>dotnet_gc_collections_total</c>), the collector is kept and the instrument skipped; switch that collector group
    /// off in <see cref="Collectors"/> to expose the runtime's instrument instead.
    /// </summary>
    /// <param name="meterNames">Meter names (case-insensitive; a trailing <c>*</c> matches a prefix).</param>
    /// <returns>These options.</returns>
    public MetricsOptions ImportMeters(params string[] meterNames)
    {
        ArgumentNullException.ThrowIfNull(meterNames);
        foreach (var name in meterNames)
        {
            ImportedMeters.Add(name);
        }

        return this;
    }
}
