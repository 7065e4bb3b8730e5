using System.Diagnostics.Metrics;
using Metrics.Generators.Tests.Support;

namespace Metrics.Generators.Tests.Import;

/// <summary>
/// .NET meters imported into a registry, as a user sees them in a scrape. Every test creates meters with names of its
/// own (the MeterListener sees every meter of the process, and tests run in parallel).
/// </summary>
public sealed class MeterImportTests
{
    private static string UniqueMeter() => "Test.Import." + Guid.NewGuid().ToString("N");

    [Fact]
    public void Counter_with_tags_is_a_prometheus_counter_per_tag_set_in_any_tag_order()
    {
        var name = UniqueMeter();
        using var meter = new Meter(name);
        var requests = meter.CreateCounter<long>("app.requests", "{request}", "Requests handled.");
        var registry = new MetricRegistry();
        using var import = registry.ImportMeters(name);

        requests.Add(2, new("http.method", "GET"), new("status", 200));
        requests.Add(3, new("status", 200), new("http.method", "GET"));
        requests.Add(1, new("http.method", "POST"), new("status", "200"));

        var text = Scrape.Text(registry);
        Assert.Contains("# HELP app_requests_total Requests handled.\n# TYPE app_requests_total counter\n", text, StringComparison.Ordinal);
        Assert.Equal(5, Scrape.Value(text, "app_requests_total", ("http_method", "GET"), ("status", "200")));
        Assert.Equal(1, Scrape.Value(text, "app_requests_total", ("http_method", "POST"), ("status", "200")));
        Assert.Equal(2, Scrape.Samples(text, "app_requests_total").Count);
        Assert.Contains("app_requests_total{http_method=\"GET\",status=\"200\"} 5\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_numeric_type_is_read()
    {
        var name = UniqueMeter();
        using var meter = new Meter(name);
        var registry = new MetricRegistry();
        using var import = registry.ImportMeters(name);

        meter.CreateCounter<byte>("c.byte").Add(1);
        meter.CreateCounter<short>("c.short").Add(2);
        meter.CreateCounter<int>("c.int").Add(3);
        meter.CreateCounter<long>("c.long").Add(4);
        meter.CreateCounter<float>("c.float").Add(0.5f);
        meter.CreateCounter<double>("c.double").Add(6.25);
        meter.CreateCounter<decimal>("c.decimal").Add(7.5m);

        var text = Scrape.Text(registry);
        Assert.Equal(1, Scrape.Value(text, "c_byte_total"));
        Assert.Equal(2, Scrape.Value(text, "c_short_total"));
        Assert.Equal(3, Scrape.Value(text, "c_int_total"));
        Assert.Equal(4, Scrape.Value(text, "c_long_total"));
        Assert.Equal(0.5, Scrape.Value(text, "c_float_total"));
        Assert.Equal(6.25, Scrape.Value(text, "c_double_total"));
        Assert.Equal(7.5, Scrape.Value(text, "c_decimal_total"));
    }

    [Fact]
    public void Each_instrument_kind_maps_to_its_prometheus_type()
    {
        var name = UniqueMeter();
        using var meter = new Meter(name);
        var registry = new MetricRegistry();
        using var import = registry.ImportMeters(name);

        meter.CreateCounter<int>("k.counter").Add(4);
        var upDown = meter.CreateUpDownCounter<int>("k.updown");
        upDown.Add(5);
        upDown.Add(-2);
        var gauge = meter.CreateGauge<double>("k.gauge", "Cel");
        gauge.Record(21.5);
        gauge.Record(19);
        meter.CreateObservableCounter("k.observable_counter", () => 42L);
        meter.CreateObservableUpDownCounter("k.observable_updown", () => -3);
        meter.CreateObservableGauge("k.observable_gauge", () => 0.25, "1");
        var histogram = meter.CreateHistogram<double>("k.histogram", "s");
        histogram.Record(0.003);
        histogram.Record(0.3);

        var text = Scrape.Text(registry);
        Assert.Contains("# TYPE k_counter_total counter\n", text, StringComparison.Ordinal);
        Assert.Equal(4, Scrape.Value(text, "k_counter_total"));
        Assert.Contains("# TYPE k_updown gauge\n", text, StringComparison.Ordinal);
        Assert.Equal(3, Scrape.Value(text, "k_updown"));
        Assert.Contains("# TYPE k_gauge_celsius gauge\n", text, StringComparison.Ordinal);
        Assert.Equal(19, Scrape.Value(text, "k_gauge_celsius"));
        Assert.Contains("# TYPE k_observable_counter_total counter\n", text, StringComparison.Ordinal);
        Assert.Equal(42, Scrape.Value(text, "k_observable_counter_total"));
        Assert.Contains("# TYPE k_observable_updown gauge\n", text, StringComparison.Ordinal);
        Assert.Equal(-3, Scrape.Value(text, "k_observable_updown"));
        Assert.Contains("# TYPE k_observable_gauge_ratio gauge\n", text, StringComparison.Ordinal);
        Assert.Equal(0.25, Scrape.Value(text, "k_observable_gauge_ratio"));
        Assert.Contains("# TYPE k_histogram_seconds histogram\n", text, StringComparison.Ordinal);
        Assert.Equal(2, Scrape.Value(text, "k_histogram_seconds_count"));
        Assert.Equal(0.303, Scrape.Value(text, "k_histogram_seconds_sum"), 12);
        Assert.Equal(1, Scrape.Value(text, "k_histogram_seconds_bucket", ("le", "0.005")));
        Assert.Equal(2, Scrape.Value(text, "k_histogram_seconds_bucket", ("le", "0.5")));

        var openMetrics = Scrape.OpenMetrics(registry);
        Assert.Contains("# UNIT k_histogram_seconds seconds\n", openMetrics, StringComparison.Ordinal);
    }

    [Fact]
    public void Histogram_buckets_come_from_configuration_else_advice_else_the_defaults()
    {
        var name = UniqueMeter();
        using var meter = new Meter(name);
        var registry = new MetricRegistry();
        var options = new MeterImportOptions();
        options.HistogramBuckets["h.configured"] = [1, 2];
        using var import = registry.ImportMeters(options, name);

        meter.CreateHistogram<int>("h.advised", null, null, null, new InstrumentAdvice<int> { HistogramBucketBoundaries = [10, 20, 30] }).Record(15);
        meter.CreateHistogram<double>("h.configured", null, null, null, new InstrumentAdvice<double> { HistogramBucketBoundaries = [100] }).Record(1.5);
        meter.CreateHistogram<double>("h.plain").Record(0.2);

        var text = Scrape.Text(registry);
        Assert.Equal(["10.0", "20.0", "30.0", "+Inf"], Scrape.Samples(text, "h_advised_bucket").Select(s => s.Labels["le"]));
        Assert.Equal(1, Scrape.Value(text, "h_advised_bucket", ("le", "20.0")));
        Assert.Equal(["1.0", "2.0", "+Inf"], Scrape.Samples(text, "h_configured_bucket").Select(s => s.Labels["le"]));
        Assert.Equal(15, Scrape.Samples(text, "h_plain_bucket").Count);
    }

    [Fact]
    public void Observable_instruments_are_read_once_per_scrape()
    {
        var name = UniqueMeter();
        using var meter = new Meter(name);
        var calls = 0;
        meter.CreateObservableGauge("o.first", () => Interlocked.Increment(ref calls));
        meter.CreateObservableCounter("o.second", () => new Measurement<long>(calls, new KeyValuePair<string, object?>("kind", "x")));
        var registry = new MetricRegistry();
        using var import = registry.ImportMeters(name);
        Assert.Equal(0, calls);

        Assert.Equal(1, Scrape.Value(registry, "o_first"));
        Assert.Equal(1, calls);
        var text = Scrape.Text(registry);
        Assert.Equal(2, calls);
        Assert.Equal(2, Scrape.Value(text, "o_first"));
        Assert.Equal(2, Scrape.Value(text, "o_second_total", ("kind", "x")));
    }

    [Fact]
    public void Tag_sets_past_the_bound_fold_into_one_overflow_series_and_totals_stay_exact()
    {
        var name = UniqueMeter();
        using var meter = new Meter(name);
        var counter = meter.CreateCounter<long>("b.requests");
        var histogram = meter.CreateHistogram<double>("b.latency", "s");
        var tenants = 0;
        meter.CreateObservableUpDownCounter("b.connections", () => Enumerable.Range(0, tenants).Select(i => new Measurement<int>(i + 1, new KeyValuePair<string, object?>("tenant", "t" + i))));
        var registry = new MetricRegistry();
        using var import = registry.ImportMeters(new MeterImportOptions { MaxSeriesPerInstrument = 3 }, name);

        for (var i = 0; i < 10; i++)
        {
            counter.Add(i + 1, new("tenant", "t" + i), new("region", "eu"));
            histogram.Record(0.1, new KeyValuePair<string, object?>("tenant", "t" + i));
        }

        counter.Add(100, new("tenant", "t9"), new("region", "eu"));
        tenants = 10;

        var text = Scrape.Text(registry);
        var samples = Scrape.Samples(text, "b_requests_total");
        Assert.Equal(4, samples.Count);
        Assert.Equal(55 + 100, samples.Sum(s => s.Value));
        Assert.Equal(4 + 5 + 6 + 7 + 8 + 9 + 10 + 100, Scrape.Value(text, "b_requests_total", ("tenant", "__overflow__"), ("region", "__overflow__")));
        Assert.Equal(7, Scrape.Value(text, "b_latency_seconds_count", ("tenant", "__overflow__")));
        Assert.Equal(10, Scrape.Samples(text, "b_latency_seconds_count").Sum(s => s.Value));

        // Observable values folded in one round are summed, and a second round does not add them again.
        Assert.Equal(4 + 5 + 6 + 7 + 8 + 9 + 10, Scrape.Value(text, "b_connections", ("tenant", "__overflow__")));
        Assert.Equal(55, Scrape.Samples(Scrape.Text(registry), "b_connections").Sum(s => s.Value));
        Assert.True(import.OverflowCount > 0);
    }

    [Fact]
    public void A_tag_value_that_is_literally_overflow_is_the_overflow_series()
    {
        var name = UniqueMeter();
        using var meter = new Meter(name);
        var counter = meter.CreateCounter<int>("lit.count");
        var registry = new MetricRegistry();
        using var import = registry.ImportMeters(new MeterImportOptions { MaxSeriesPerInstrument = 1 }, name);

        counter.Add(1, new KeyValuePair<string, object?>("k", "__overflow__"));
        counter.Add(1, new KeyValuePair<string, object?>("k", "a"));
        counter.Add(1, new KeyValuePair<string, object?>("k", "b"));

        var text = Scrape.Text(registry);
        Assert.Equal(2, Scrape.Value(text, "lit_count_total", ("k", "__overflow__")));
        Assert.Equal(1, Scrape.Value(text, "lit_count_total", ("k", "a")));
        Assert.Equal(2, Scrape.Samples(text, "lit_count_total").Count);
    }

    [Fact]
    public void Tag_keys_that_map_to_one_label_name_share_it_and_label_values_are_escaped()
    {
        var name = UniqueMeter();
        using var meter = new Meter(name);
        var counter = meter.CreateCounter<int>("esc.count");
        var registry = new MetricRegistry();
        using var import = registry.ImportMeters(name);

        counter.Add(1, new("a.b", "x"), new("a_b", "y"), new("path", "C:\\\"q\"\n"), new("none", null), new("flag", true));

        var text = Scrape.Text(registry);
        Assert.Contains("esc_count_total{a_b=\"x;y\",flag=\"true\",none=\"\",path=\"C:\\\\\\\"q\\\"\\n\"} 1\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Meters_published_by_a_registry_are_never_imported()
    {
        var name = UniqueMeter();
        var publisher = new MetricRegistry();
        using var published = new Meter(new MeterOptions(name) { Scope = publisher });
        published.CreateCounter<long>("own.requests").Add(1);
        using var plain = new Meter(name);
        plain.CreateCounter<long>("other.requests").Add(1);
        var registry = new MetricRegistry();
        using var import = registry.ImportMeters(name);

        published.CreateCounter<long>("own.later").Add(1);
        plain.CreateCounter<long>("other.later").Add(1);

        Assert.Equal(["other_later_total", "other_requests_total"], import.MetricNames);
        var text = Scrape.Text(registry);
        Scrape.AssertAbsent(text, "own_requests_total");
        Scrape.AssertAbsent(text, "own_later_total");
        Assert.Empty(import.Skipped);
    }

    [Fact]
    public void Meters_of_another_scope_are_left_out_when_a_scope_is_set()
    {
        var name = UniqueMeter();
        var mine = new object();
        using var ours = new Meter(new MeterOptions(name) { Scope = mine });
        using var theirs = new Meter(new MeterOptions(name) { Scope = new object() });
        using var unscoped = new Meter(name);
        var registry = new MetricRegistry();
        using var import = registry.ImportMeters(new MeterImportOptions { MeterScope = mine }, name);

        ours.CreateCounter<int>("s.ours").Add(1);
        theirs.CreateCounter<int>("s.theirs").Add(1);
        unscoped.CreateCounter<int>("s.unscoped").Add(1);

        Assert.Equal(["s_ours_total", "s_unscoped_total"], import.MetricNames);
    }

    [Fact]
    public void Only_the_named_meters_are_imported_and_a_trailing_star_is_a_prefix()
    {
        var prefix = UniqueMeter();
        using var a = new Meter(prefix + ".A");
        using var b = new Meter(prefix + ".B");
        using var other = new Meter(UniqueMeter());
        var registry = new MetricRegistry();
        using var exact = registry.ImportMeters(prefix + ".a");
        var second = new MetricRegistry();
        using var wildcard = second.ImportMeters(prefix + ".*");

        a.CreateCounter<int>("only.a").Add(1);
        b.CreateCounter<int>("only.b").Add(1);
        other.CreateCounter<int>("only.other").Add(1);

        Assert.Equal(["only_a_total"], exact.MetricNames);
        Assert.Equal(["only_a_total", "only_b_total"], wildcard.MetricNames);
        Assert.Throws<ArgumentException>(() => registry.ImportMeters());
    }

    [Fact]
    public void A_name_taken_by_a_registered_family_skips_the_instrument_and_says_why()
    {
        var name = UniqueMeter();
        var registry = new MetricRegistry();
        var taken = registry.Register(new MetricFamily<CounterCell>(new MetricDescriptor("clash_requests_total", MetricType.Counter, "Ours.", null, [])));
        taken.GetOrAdd(0).Add(7);
        using var meter = new Meter(name);
        using var import = registry.ImportMeters(name);

        var counter = meter.CreateCounter<int>("clash.requests");
        counter.Add(1);
        meter.CreateHistogram<int>("clash.requests").Record(1);

        // The histogram clashes too: clash_requests_total also claims its family name, clash_requests.
        var skipped = Assert.Single(import.Skipped, s => s.MetricName == "clash_requests_total");
        Assert.Equal(name, skipped.MeterName);
        Assert.Equal("clash.requests", skipped.InstrumentName);
        Assert.Contains("counter 'clash_requests_total' is already registered", skipped.Reason, StringComparison.Ordinal);
        Assert.Single(import.Skipped, s => s.MetricName == "clash_requests");
        Assert.Equal(7, Scrape.Value(registry, "clash_requests_total"));
        Assert.Empty(import.MetricNames);
    }

    [Fact]
    public void Two_instruments_of_one_name_and_kind_share_a_family()
    {
        var name = UniqueMeter();
        using var first = new Meter(name);
        using var second = new Meter(name);
        var registry = new MetricRegistry();
        using var import = registry.ImportMeters(name);

        first.CreateCounter<int>("twice.count").Add(1, new KeyValuePair<string, object?>("k", "v"));
        second.CreateCounter<int>("twice.count").Add(2, new KeyValuePair<string, object?>("k", "v"));
        second.CreateUpDownCounter<int>("twice.count").Add(5);

        Assert.Equal(3, Scrape.Value(registry, "twice_count_total", ("k", "v")));
        var skipped = Assert.Single(import.Skipped);
        Assert.Equal(("twice.count", "twice_count"), (skipped.InstrumentName, skipped.MetricName));
    }

    [Fact]
    public void Dispose_stops_listening_and_removes_the_families()
    {
        var name = UniqueMeter();
        using var meter = new Meter(name);
        var counter = meter.CreateCounter<int>("d.count");
        var calls = 0;
        meter.CreateObservableGauge("d.gauge", () => ++calls);
        var registry = new MetricRegistry();
        var import = registry.ImportMeters(name);
        counter.Add(1);
        Assert.Equal(2, registry.Families.Count);

        import.Dispose();
        import.Dispose();
        counter.Add(1);

        Assert.Empty(registry.Families);
        Assert.Equal(string.Empty, Scrape.Text(registry));
        Assert.Equal(0, calls);

        // A fresh import starts from zero: the old series went with the old families.
        using var again = registry.ImportMeters(name);
        counter.Add(5);
        Assert.Equal(5, Scrape.Value(registry, "d_count_total"));
    }

    [Fact]
    public void A_throwing_observable_callback_costs_its_value_not_the_scrape()
    {
        var name = UniqueMeter();
        using var meter = new Meter(name);
        meter.CreateObservableGauge("t.broken", int () => throw new InvalidOperationException("boom"));
        meter.CreateObservableGauge("t.fine", () => 3);
        var registry = new MetricRegistry();
        using var import = registry.ImportMeters(name);

        Assert.Equal(3, Scrape.Value(registry, "t_fine"));
    }

    [Fact]
    public void Negative_and_nan_counter_increments_are_dropped_without_throwing_into_the_caller()
    {
        var name = UniqueMeter();
        using var meter = new Meter(name);
        var counter = meter.CreateCounter<double>("n.count");
        var registry = new MetricRegistry();
        using var import = registry.ImportMeters(name);

        counter.Add(2);
        counter.Add(-1);
        counter.Add(double.NaN);

        Assert.Equal(2, Scrape.Value(registry, "n_count_total"));
    }

    [Fact]
    public void Invalid_options_throw_when_the_import_starts()
    {
        var registry = new MetricRegistry();
        var options = new MeterImportOptions();
        options.HistogramBuckets["h.bad"] = [2, 1];

        var error = Assert.Throws<ArgumentException>(() => registry.ImportMeters(options, UniqueMeter()));
        Assert.Contains("'h.bad'", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => new MeterImportOptions { MaxSeriesPerInstrument = 0 });
        Assert.Throws<ArgumentException>(() => registry.ImportMeters(" "));
        Assert.Empty(registry.Families);
    }

    [Fact]
    public void Description_is_the_help_and_an_empty_one_gets_a_fallback()
    {
        var name = UniqueMeter();
        using var meter = new Meter(name);
        var registry = new MetricRegistry();
        using var import = registry.ImportMeters(name);

        meter.CreateCounter<int>("help.none").Add(1);

        Assert.Contains($"# HELP help_none_total help.none (from .NET meter {name}; it has no description).\n", Scrape.Text(registry), StringComparison.Ordinal);
    }

    [Fact]
    public void Recording_a_known_tag_set_allocates_nothing()
    {
        var name = UniqueMeter();
        using var meter = new Meter(name);
        var counter = meter.CreateCounter<long>("alloc.count");
        var histogram = meter.CreateHistogram<double>("alloc.latency");
        var registry = new MetricRegistry();
        using var import = registry.ImportMeters(name);
        var method = new KeyValuePair<string, object?>("http.request.method", "GET");
        var status = new KeyValuePair<string, object?>("http.response.status_code", 200);

        Allocation.AssertNone(() =>
        {
            counter.Add(1, method, status);
            histogram.Record(0.1, status, method);
        });
    }

    [Fact]
    public void Concurrent_writers_lose_no_measurement()
    {
        var name = UniqueMeter();
        using var meter = new Meter(name);
        var counter = meter.CreateCounter<long>("cc.count");
        var registry = new MetricRegistry();
        using var import = registry.ImportMeters(new MeterImportOptions { MaxSeriesPerInstrument = 8 }, name);
        using var start = new ManualResetEventSlim();
        var threads = Enumerable.Range(0, 4).Select(t => new Thread(() =>
        {
            start.Wait();
            for (var i = 0; i < 20_000; i++)
            {
                counter.Add(1, new KeyValuePair<string, object?>("k", (i % 16).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
        })).ToArray();
        foreach (var thread in threads)
        {
            thread.Start();
        }

        start.Set();
        foreach (var thread in threads)
        {
            thread.Join();
        }

        var samples = Scrape.Samples(Scrape.Text(registry), "cc_count_total");
        Assert.Equal(9, samples.Count);
        Assert.Equal(80_000, samples.Sum(s => s.Value));
    }

    [Fact]
    public void Scrape_of_imported_instruments_passes_promtool()
    {
        var name = UniqueMeter();
        using var meter = new Meter(name);
        var registry = new MetricRegistry();
        using var import = registry.ImportMeters(name);
        meter.CreateCounter<int>("p.requests", "{request}", "Requests.").Add(1, new KeyValuePair<string, object?>("http.method", "GET"));
        meter.CreateHistogram<double>("p.duration", "s", "Durations.").Record(0.2, new KeyValuePair<string, object?>("le", "x"));
        meter.CreateObservableGauge("p.ratio", () => 0.5, "1", "A ratio.");
        meter.CreateUpDownCounter<long>("p.memory", "By", "Memory.").Add(1024);

        ExternalTools.AssertPromtoolClean(Scrape.Text(registry));
    }
}
