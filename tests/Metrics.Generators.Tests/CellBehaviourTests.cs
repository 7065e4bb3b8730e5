namespace Metrics.Generators.Tests;

/// <summary>Recording semantics of each cell that the exposition tests do not pin down.</summary>
public class CellBehaviourTests
{
    [Fact]
    public void CountExceptions_CountsOnlyThrows_AndRethrowsTheSameException()
    {
        var cell = new MetricFamily<CounterCell>(new MetricDescriptor("errors_total", MetricType.Counter, "E.", null, [])).GetOrAdd(0);
        var boom = new InvalidOperationException("boom");

        cell.CountExceptions(() => { });
        Assert.Equal(5, cell.CountExceptions(() => 5));
        Assert.Same(boom, Assert.Throws<InvalidOperationException>(() => cell.CountExceptions(() => throw boom)));
        Assert.Same(boom, Assert.Throws<InvalidOperationException>(() => cell.CountExceptions<int>(() => throw boom)));

        Assert.Equal(2, cell.Value);
    }

    [Fact]
    public async Task CountExceptionsAsync_CountsFaultedTasks()
    {
        var cell = new MetricFamily<CounterCell>(new MetricDescriptor("errors_total", MetricType.Counter, "E.", null, [])).GetOrAdd(0);

        await cell.CountExceptionsAsync(() => Task.CompletedTask);
        Assert.Equal(3, await cell.CountExceptionsAsync(() => Task.FromResult(3)));
        await Assert.ThrowsAsync<TimeoutException>(() => cell.CountExceptionsAsync(async () =>
        {
            await Task.Yield();
            throw new TimeoutException();
        }));
        await Assert.ThrowsAsync<TimeoutException>(() => cell.CountExceptionsAsync<int>(() => throw new TimeoutException()));

        Assert.Equal(2, cell.Value);
    }

    [Fact]
    public void Gauge_SetIncDecTrackAndTime()
    {
        var cell = new MetricFamily<GaugeCell>(new MetricDescriptor("g", MetricType.Gauge, "G.", null, [])).GetOrAdd(0);
        cell.Set(10);
        cell.Inc();
        cell.Inc(0.5);
        cell.Dec();
        cell.Dec(2);
        Assert.Equal(8.5, cell.Value);
        using (cell.TrackInProgress())
        {
            Assert.Equal(9.5, cell.Value);
        }

        Assert.Equal(8.5, cell.Value);
        cell.Set(double.NaN);
        cell.Inc(); // NaN must not make the CAS loop spin
        Assert.True(double.IsNaN(cell.Value));

        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;
        cell.SetToCurrentTimeUtc();
        Assert.InRange(cell.Value, before - 1, before + 5);

        cell.SetCallback(() => 42);
        Assert.Equal(42, cell.Value);
        cell.SetCallback(null);
        Assert.InRange(cell.Value, before - 1, before + 5);
    }

    [Fact]
    public void Histogram_BucketsAreUpperInclusive_InfAndNaN()
    {
        // 9 bounds: the binary-search path; the linear path is covered by the golden tests.
        var family = new MetricFamily<HistogramCell>(new MetricDescriptor("h", MetricType.Histogram, "H.", null, [], buckets: [1, 2, 3, 4, 5, 6, 7, 8, 9]));
        var cell = family.GetOrAdd(0);
        foreach (var value in new[] { 1.0, 1.5, 9, 9.5, double.PositiveInfinity, double.NegativeInfinity, double.NaN })
        {
            cell.Observe(value);
        }

        var registry = new MetricRegistry();
        registry.Register(family);
        var buckets = Support.Scrape.Samples(Support.Scrape.Text(registry)).Where(s => s.Series.StartsWith("h_bucket", StringComparison.Ordinal)).Select(s => s.Value).ToArray();
        Assert.Equal(["2", "3", "3", "3", "3", "3", "3", "3", "4", "6"], buckets);
        Assert.Equal(6, cell.Count);
    }

    [Fact]
    public void Histogram_EverySearchPath_PutsEachValueInTheFirstBucketAtLeastAsLarge()
    {
        // Linear (3 bounds), vector count (11), binary search (70): each bucket must count exactly the values at or
        // below its bound, as computed here without the cell's search.
        foreach (var size in new[] { 3, 11, 70 })
        {
            var bounds = Enumerable.Range(1, size).Select(i => i * 0.5).ToArray();
            var descriptor = new MetricDescriptor("h", MetricType.Histogram, "H.", null, ["shard"], buckets: bounds);
            var family = new MetricFamily<HistogramCell>(descriptor, new FixedLabel("shard", "a", "b"));
            double[] values = [-1, 0.5, 0.75, size * 0.25, size * 0.5, (size * 0.5) + 1, double.PositiveInfinity, double.NegativeInfinity, double.NaN];
            foreach (var value in values)
            {
                family.GetOrAdd(1).Observe(value);
            }

            // A NaN alone creates its series, and records nothing.
            family.GetOrAdd(2).Observe(double.NaN);

            Assert.Equal(2, family.SeriesCount);
            Assert.Equal(values.Length - 1, family.GetOrAdd(1).Count);
            Assert.Equal(0, family.GetOrAdd(2).Count);
            var expected = bounds.Append(double.PositiveInfinity)
                .Select(bound => values.Count(v => v <= bound).ToString(System.Globalization.CultureInfo.InvariantCulture));
            var registry = new MetricRegistry();
            registry.Register(family);
            var actual = Support.Scrape.Samples(Support.Scrape.Text(registry))
                .Where(s => s.Series.StartsWith("h_bucket{shard=\"b\"", StringComparison.Ordinal))
                .Select(s => s.Value);
            Assert.Equal(expected, actual);
            Assert.Throws<ArgumentOutOfRangeException>(() => family.GetOrAdd(3));
        }
    }

    [Fact]
    public void HistogramFamily_ObserveByIndex_RecordsWhatTheCellWould_ForEverySearchPath()
    {
        // The per-call path searches the family's bounds before finding the series; it must land where the cell's own
        // search does: linear (3 bounds), vector count (11), binary search (70).
        foreach (var size in new[] { 3, 11, 70 })
        {
            var bounds = Enumerable.Range(1, size).Select(i => i * 0.5).ToArray();
            var descriptor = new MetricDescriptor("h", MetricType.Histogram, "H.", null, ["shard"], buckets: bounds);
            var family = new MetricFamily<HistogramCell>(descriptor, new FixedLabel("shard", "a", "b"));
            var reference = new MetricFamily<HistogramCell>(descriptor, new FixedLabel("shard", "a", "b"));
            double[] values = [-1, 0.5, 0.75, size * 0.25, size * 0.5, (size * 0.5) + 1, double.PositiveInfinity, double.NegativeInfinity, double.NaN];
            foreach (var value in values)
            {
                FamilyRecording.Observe(family, 1, value);
                reference.GetOrAdd(1).Observe(value);
            }

            // A NaN alone creates its series, as through the cell, and records nothing.
            FamilyRecording.Observe(family, 2, double.NaN);

            Assert.Equal(2, family.SeriesCount);
            Assert.Equal(values.Length - 1, family.GetOrAdd(1).Count);
            Assert.Equal(0, family.GetOrAdd(2).Count);
            Assert.Equal(Render(reference), Render(family).Where(line => line.Contains("shard=\"b\"", StringComparison.Ordinal)));
            Assert.Throws<ArgumentOutOfRangeException>(() => FamilyRecording.Observe(family, 3, 1));
        }

        static IEnumerable<string> Render(MetricFamily<HistogramCell> family)
        {
            var registry = new MetricRegistry();
            registry.Register(family);
            return Support.Scrape.Text(registry).Split('\n').Where(line => line.StartsWith("h_", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Timers_ObserveElapsedSeconds()
    {
        var histogram = new MetricFamily<HistogramCell>(new MetricDescriptor("h_seconds", MetricType.Histogram, "H.", "seconds", [], buckets: [0.001, 10])).GetOrAdd(0);
        var summary = new MetricFamily<SummaryCell>(new MetricDescriptor("s_seconds", MetricType.Summary, "S.", "seconds", [])).GetOrAdd(0);
        using (histogram.Time())
        using (summary.Time())
        {
            Thread.Sleep(20);
        }

        Assert.Equal(1, histogram.Count);
        Assert.InRange(histogram.Sum, 0.015, 10);
        Assert.Equal(1, summary.Count);
        Assert.InRange(summary.Sum, 0.015, 10);
        default(HistogramTimer).Dispose();
        default(SummaryTimer).Dispose();
        default(InProgressTracker).Dispose();
    }

    [Fact]
    public void Histogram_BucketIndex_IsTheFirstBoundAtLeastTheValue_ForEveryLayoutSize()
    {
        // Each size goes through one of the search paths: linear (up to 8), vector count (up to 64), binary search.
        foreach (var size in new[] { 1, 7, 8, 9, 11, 12, 13, 31, 63, 64, 65, 100 })
        {
            var bounds = Enumerable.Range(0, size).Select(i => (i * 0.5) - 10).ToArray();
            var probes = bounds.SelectMany(b => new[] { b, b - 0.25, b + 0.25, Math.BitDecrement(b), Math.BitIncrement(b) })
                .Concat([double.NegativeInfinity, double.PositiveInfinity, double.MinValue, double.MaxValue, 0.0, -0.0]);
            foreach (var value in probes)
            {
                var expected = Array.FindIndex(bounds, b => value <= b);
                Assert.Equal(expected < 0 ? size : expected, HistogramCell.BucketIndex(bounds, value));
            }
        }
    }
}
