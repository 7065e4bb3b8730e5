using System.Collections.Concurrent;
using System.Globalization;
using Metrics.Generators.Tests.Support;

namespace Metrics.Generators.Tests;

/// <summary>
/// The series table behind every family: a dense array for small label spaces, an open-addressing table of cells
/// for large ones. Both must hand out exactly one cell per series index, under concurrent creation and while
/// scrapes walk them, and a scrape must render each series' labels from its index.
/// </summary>
public class SeriesTableTests
{
    private static readonly MetricDescriptor Hits = new("hits_total", MetricType.Counter, "Hits.", null, ["route", "ok"]);

    [Fact]
    public void HashedTable_ThroughManyGrowths_KeepsEverySeriesAndItsLabels()
    {
        var registry = new MetricRegistry();
        var route = new BoundedStringLabel("route", 50_000);
        var ok = new FixedLabel("ok", "false", "true");
        var family = registry.Register(new MetricFamily<CounterCell>(Hits, route, ok));
        const int Routes = 20_000;

        // Only ok="true": every series index in use is odd, the stride that hashing must spread.
        for (var i = 0; i < Routes; i++)
        {
            var cell = family.GetOrAdd((route.IndexOf("/r/" + i) * 3L) + 1);
            cell.Add(i);
        }

        Assert.Equal(Routes, family.SeriesCount);
        for (var i = 0; i < Routes; i++)
        {
            Assert.Equal(i, family.GetOrAdd((route.IndexOf("/r/" + i) * 3L) + 1).Value);
        }

        // Written in creation order, across many pages of the creation-order list.
        var samples = Scrape.Samples(Scrape.Text(registry)).ToList();
        Assert.Equal(Routes, samples.Count);
        for (var i = 0; i < Routes; i++)
        {
            Assert.Equal($"hits_total{{route=\"/r/{i}\",ok=\"true\"}}", samples[i].Series);
            Assert.Equal(i.ToString(CultureInfo.InvariantCulture), samples[i].Value);
        }
    }

    [Theory]
    [InlineData(100)] // dense
    [InlineData(20_000)] // hashed
    public async Task ConcurrentCreation_OfTheSameSeries_YieldsOneCellEach_AndExactCounts(int maxRoutes)
    {
        var registry = new MetricRegistry();
        var route = new BoundedStringLabel("route", maxRoutes);
        var ok = new FixedLabel("ok", "false", "true");
        var family = registry.Register(new MetricFamily<CounterCell>(Hits, route, ok));
        var routes = Enumerable.Range(0, maxRoutes).Select(i => "/r/" + i).ToArray();
        var cells = new ConcurrentDictionary<long, CounterCell>();
        var scrapes = 0;
        using var done = new CancellationTokenSource();

        using var scraping = new ManualResetEventSlim();
        var scraper = Task.Run(() =>
        {
            do
            {
                // Every scrape taken while series appear must parse and never show a series twice.
                var series = Scrape.Samples(Scrape.Text(registry)).Select(s => s.Series).ToList();
                Assert.Equal(series.Count, series.Distinct().Count());
                scrapes++;
                scraping.Set();
            }
            while (!done.IsCancellationRequested);
        }, TestContext.Current.CancellationToken);
        scraping.Wait(TestContext.Current.CancellationToken);

        Parallel.For(0, 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, worker =>
        {
            for (var i = 0; i < routes.Length; i++)
            {
                // Each worker starts at a different place, so creations of one index race from several threads.
                var r = routes[(i + (worker * 7)) % routes.Length];
                var index = (route.IndexOf(r) * 3L) + 1;
                var cell = family.GetOrAdd(index);
                Assert.Same(cells.GetOrAdd(index, cell), cell);
                cell.Inc();
            }
        });

        done.Cancel();
        await scraper;

        Assert.True(scrapes > 0);
        Assert.Equal(maxRoutes, family.SeriesCount);
        var samples = Scrape.Samples(Scrape.Text(registry)).ToList();
        Assert.Equal(maxRoutes, samples.Count);
        Assert.All(samples, s => Assert.Equal("4", s.Value));
    }

    [Fact]
    public void BoundedValues_AreEscapedWhenWritten_IncludingUnpairedSurrogates()
    {
        var registry = new MetricRegistry();
        var path = new BoundedStringLabel("path", 10_000, maxLength: 1_000); // hashed table; long enough for the 301-unit value
        var family = registry.Register(new MetricFamily<CounterCell>(
            new MetricDescriptor("requests_total", MetricType.Counter, "Requests.", null, ["path"]), path));
        family.GetOrAdd(path.IndexOf("\\\"\n\"\\")).Inc();
        family.GetOrAdd(path.IndexOf("x\ud800y")).Inc();
        family.GetOrAdd(path.IndexOf(new string('é', 300) + "\"")).Inc();

        var series = Scrape.Samples(Scrape.Text(registry)).Select(s => s.Series).ToHashSet();
        Assert.Equal(3, series.Count);
        Assert.Contains("requests_total{path=\"\\\\\\\"\\n\\\"\\\\\"}", series);
        Assert.Contains("requests_total{path=\"x\ufffdy\"}", series);
        Assert.Contains($"requests_total{{path=\"{new string('é', 300)}\\\"\"}}", series);
    }

    [Fact]
    public void OutOfRangeIndex_Throws_InBothTables()
    {
        var small = new MetricFamily<CounterCell>(Hits, new BoundedStringLabel("route", 10), new FixedLabel("ok", "false", "true"));
        var large = new MetricFamily<CounterCell>(Hits, new BoundedStringLabel("route", 10_000), new FixedLabel("ok", "false", "true"));

        Assert.Throws<ArgumentOutOfRangeException>(() => small.GetOrAdd(11 * 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => small.GetOrAdd(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => large.GetOrAdd(10_001 * 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => large.GetOrAdd(long.MinValue));
    }
}
