using System.Globalization;
using Metrics.Generators.Tests.Support;

namespace Metrics.Generators.Tests;

/// <summary>
/// Start-gated concurrent writers must give exact totals (no lost updates), and scrapes taken while they run
/// must be self-consistent.
/// </summary>
public class ConcurrencyTests
{
    private const int Threads = 8;
    private const int PerThread = 1_000_000;

    [Fact]
    public void LabeledCounterInc_EightThreadsTimesAMillion_IsExact()
    {
        var registry = new MetricRegistry();
        var orders = new ShopMetrics.OrdersTotal(registry);

        RunGated(_ =>
        {
            for (var i = 0; i < PerThread; i++)
            {
                orders.Inc(OrderOutcome.Failed); // the full generated path: series index, lookup, increment
            }
        });

        Assert.Equal(Threads * (double)PerThread, orders.Bind(OrderOutcome.Failed).Value);
        Assert.Equal(0, orders.Bind(OrderOutcome.Created).Value);
    }

    [Fact]
    public void CounterAddOne_EightThreadsTimesAMillion_IsExact()
    {
        var cell = new MetricFamily<CounterCell>(new MetricDescriptor("adds_total", MetricType.Counter, "Adds.", null, [])).GetOrAdd(0);

        RunGated(_ =>
        {
            for (var i = 0; i < PerThread; i++)
            {
                cell.Add(1.0);
            }
        });

        Assert.Equal(Threads * (double)PerThread, cell.Value);
    }

    [Fact]
    public void CounterAddFraction_EightThreads_LosesNoUpdate()
    {
        // 0.5 sums exactly in binary floating point, so any lost compare-and-swap would show.
        var cell = new MetricFamily<CounterCell>(new MetricDescriptor("halves_total", MetricType.Counter, "Halves.", null, [])).GetOrAdd(0);

        RunGated(_ =>
        {
            for (var i = 0; i < PerThread / 4; i++)
            {
                cell.Add(0.5);
            }
        });

        Assert.Equal(Threads * (PerThread / 4) * 0.5, cell.Value);
    }

    [Fact]
    public void Counter_WrittenByOneThread_NeverStripes()
    {
        var family = new MetricFamily<CounterCell>(new MetricDescriptor("solo_total", MetricType.Counter, "Solo.", null, []));
        var cell = family.GetOrAdd(0);
        for (var i = 0; i < PerThread; i++)
        {
            FamilyRecording.Inc(family, 0);
            FamilyRecording.Add(family, 0, 3);
        }

        Assert.False(cell.IsStriped);
        Assert.Equal(4.0 * PerThread, cell.Value);
    }

    [Fact]
    public void ContendedCounter_Stripes_AndKeepsExactMonotonicTotals_WhileScraped()
    {
        Require.Processors(2, "contention between threads needs two of them running at once");
        var registry = new MetricRegistry();
        var family = registry.Register(new MetricFamily<CounterCell>(new MetricDescriptor("hot_total", MetricType.Counter, "Hot.", null, [])));
        var cell = family.GetOrAdd(0);
        var done = false;
        var scrapes = new List<double>();
        var scraper = new Thread(() =>
        {
            while (!Volatile.Read(ref done))
            {
                scrapes.Add(double.Parse(Scrape.Samples(Scrape.Text(registry)).Single().Value, CultureInfo.InvariantCulture));
            }
        });
        scraper.Start();

        // Whether one gated round trips the contention check depends on how the threads are scheduled (a loaded
        // two-core machine may run them one after another), so rounds repeat until the series is striped, then one
        // more round runs on the striped cell; the expected total is tracked exactly across all of them. Per-call
        // increments (which watch for contention), bound-handle increments (which use the stripes once they exist),
        // integral adds and fractional adds (never striped), all together.
        const int maxRounds = 200;
        const int perRound = PerThread / 8;
        var adds = (perRound + 1023) / 1024;
        var perRoundTotal = (Threads * (double)perRound) + ((Threads / 2) * adds * 2.0) + ((Threads / 2) * adds * 0.5);
        var expected = 0.0;
        var rounds = 0;
        var roundsAfterStriping = 0;
        while (roundsAfterStriping < 1 && rounds < maxRounds)
        {
            var stripedBefore = cell.IsStriped;
            RunGated(thread =>
            {
                for (var i = 0; i < perRound; i++)
                {
                    if ((i & 1) == 0)
                    {
                        FamilyRecording.Inc(family, 0);
                    }
                    else
                    {
                        cell.Inc();
                    }

                    if ((i & 1023) == 0)
                    {
                        FamilyRecording.Add(family, 0, thread % 2 == 0 ? 2 : 0.5);
                    }
                }
            });
            rounds++;
            expected += perRoundTotal;
            Assert.Equal(expected, cell.Value);
            roundsAfterStriping += stripedBefore ? 1 : 0;
        }

        Volatile.Write(ref done, true);
        scraper.Join();

        Assert.True(cell.IsStriped, $"Eight threads incrementing one series never tripped the contention check in {rounds} rounds.");
        Assert.Equal(1, roundsAfterStriping);
        Assert.Equal(expected, cell.Value);
        Assert.NotEmpty(scrapes);
        for (var i = 1; i < scrapes.Count; i++)
        {
            Assert.True(scrapes[i] >= scrapes[i - 1], $"Scrape {i} went down: {scrapes[i - 1]} then {scrapes[i]}.");
        }

        Assert.True(scrapes[^1] <= expected, $"A scrape read {scrapes[^1]}, more than the {expected} recorded.");
    }

    [Fact]
    public void GaugeIncDec_ManyThreads_LoseNoUpdate_AndTrackersGiveBackWhatTheyTook()
    {
        // Every iteration leaves a known net change (+1 on even threads, +2 on odd ones), so the end value is exact
        // only if no Inc/Dec/tracker update was lost or applied twice; a gauge that ignored them all would read 0.
        const int iterations = PerThread / 4;
        var family = new MetricFamily<GaugeCell>(new MetricDescriptor("in_flight", MetricType.Gauge, "In flight.", null, ["kind"]), new FixedLabel("kind", "a"));

        RunGated(thread =>
        {
            var cell = family.GetOrAdd(0);
            for (var i = 0; i < iterations; i++)
            {
                if ((thread & 1) == 0)
                {
                    cell.Inc();
                    cell.Inc();
                    cell.Dec();
                }
                else
                {
                    using (cell.TrackInProgress())
                    {
                        cell.Inc(2.5);
                    }

                    cell.Dec(0.5);
                }
            }
        });

        Assert.Equal(((Threads / 2) * iterations * 1.0) + ((Threads / 2) * iterations * 2.0), family.GetOrAdd(0).Value);
    }

    [Fact]
    public void Histogram_ConcurrentWritersAndScrapes_CountEqualsInfInEveryScrape_AndFinalBucketsAreExact()
    {
        const int writers = 4;
        const int minRounds = 20_000;
        const int minScrapes = 50;
        double[] values = [0.003, 0.02, 0.3, 0.7, 4, 50]; // one per bucket of [0.01, 0.1, 0.5, 1, 5] and +Inf
        var registry = new MetricRegistry();
        var family = registry.Register(new MetricFamily<HistogramCell>(
            new MetricDescriptor("work_seconds", MetricType.Histogram, "Work.", "seconds", ["shard"], buckets: [0.01, 0.1, 0.5, 1, 5]),
            new FixedLabel("shard", "a", "b")));

        // Writers observe whole rounds (one value per bucket) until the scraper has scraped enough times while
        // they ran, so overlap is guaranteed and the final counts are still known exactly.
        var rounds = new long[writers];
        var writersDone = 0;
        var scrapes = 0;
        using var start = new Barrier(writers + 1);
        var threads = Enumerable.Range(0, writers).Select(w => new Thread(() =>
        {
            var cell = family.GetOrAdd(w & 1);
            start.SignalAndWait();
            long done = 0;
            while (done < minRounds || Volatile.Read(ref scrapes) < minScrapes)
            {
                foreach (var value in values)
                {
                    cell.Observe(value);
                }

                done++;
            }

            rounds[w] = done;
            Interlocked.Increment(ref writersDone);
        })).ToList();
        Exception? scrapeFailure = null;
        threads.Add(new Thread(() =>
        {
            start.SignalAndWait();
            try
            {
                while (Volatile.Read(ref writersDone) < writers)
                {
                    CheckHistogramScrape(Scrape.Text(registry));
                    CheckHistogramScrape(Scrape.OpenMetrics(registry));
                    Interlocked.Increment(ref scrapes);
                }
            }
            catch (Exception e)
            {
                // Report on the test thread (an exception here would kill the test host) and release the writers.
                scrapeFailure = e;
                Volatile.Write(ref scrapes, int.MaxValue);
            }
        }));
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        if (scrapeFailure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(scrapeFailure);
        }

        var final = Scrape.Text(registry);
        CheckHistogramScrape(final);
        foreach (var (shard, index) in new[] { ("a", 0), ("b", 1) })
        {
            var shardRounds = Enumerable.Range(0, writers).Where(w => (w & 1) == index).Sum(w => rounds[w]);
            var expectedCumulative = Enumerable.Range(1, values.Length).Select(b => b * shardRounds).ToArray();
            var buckets = Scrape.Samples(final)
                .Where(s => s.Series.StartsWith($"work_seconds_bucket{{shard=\"{shard}\"", StringComparison.Ordinal))
                .Select(s => long.Parse(s.Value, CultureInfo.InvariantCulture))
                .ToArray();
            Assert.Equal(expectedCumulative, buckets);
            Assert.Equal(values.Length * shardRounds, family.GetOrAdd(index).Count);
        }
    }

    [Fact]
    public void Histogram_EightThreadsOnOneSeries_KeepExactCountsAndSum()
    {
        // 0.25 and 0.5 sum exactly in binary floating point, so a lost or torn update of the sum would show. Half the
        // threads record per call through the family, half through the cell: the two paths share one writer lock.
        var family = new MetricFamily<HistogramCell>(new MetricDescriptor("hot_seconds", MetricType.Histogram, "Hot.", "seconds", [], buckets: [0.3, 1]));
        var cell = family.GetOrAdd(0);

        RunGated(thread =>
        {
            for (var i = 0; i < PerThread / 4; i++)
            {
                if ((thread & 1) == 0)
                {
                    FamilyRecording.Observe(family, 0, 0.25);
                }
                else
                {
                    cell.Observe(0.5);
                }
            }
        });

        Assert.Equal(Threads * (long)(PerThread / 4), cell.Count);
        Assert.Equal(((Threads / 2) * (PerThread / 4) * 0.25) + ((Threads / 2) * (PerThread / 4) * 0.5), cell.Sum);
    }

    // In every series of every scrape: buckets never decrease and _count equals the +Inf bucket.
    private static void CheckHistogramScrape(string text)
    {
        var cumulative = new Dictionary<string, long>();
        var infinity = new Dictionary<string, long>();
        foreach (var (series, value) in Scrape.Samples(text))
        {
            if (series.StartsWith("work_seconds_bucket{", StringComparison.Ordinal))
            {
                var key = series[..series.IndexOf(",le=", StringComparison.Ordinal)]["work_seconds_bucket".Length..] + "}";
                var count = long.Parse(value, CultureInfo.InvariantCulture);
                if (cumulative.TryGetValue(key, out var previous) && count < previous)
                {
                    Assert.Fail($"bucket decreased in {series}: {previous} then {count}\n{text}");
                }

                cumulative[key] = count;
                if (series.Contains("le=\"+Inf\"", StringComparison.Ordinal))
                {
                    infinity[key] = count;
                    cumulative.Remove(key);
                }
            }
            else if (series.StartsWith("work_seconds_count{", StringComparison.Ordinal))
            {
                var key = series["work_seconds_count".Length..];
                Assert.True(infinity.TryGetValue(key, out var inf), $"no +Inf bucket before {series}");
                Assert.Equal(inf, long.Parse(value, CultureInfo.InvariantCulture));
            }
        }

        Assert.Equal(2, infinity.Count);
    }

    private static void RunGated(Action<int> work)
    {
        using var start = new Barrier(Threads);
        var threads = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            work(t);
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
    }
}
