using Metrics.Generators.Tests.Support;

namespace Metrics.Generators.Tests;

/// <summary>Summary quantiles: accuracy as documented (1% relative), exact count and sum, window expiry.</summary>
public class SummaryQuantileTests
{
    private const double Accuracy = 0.01;
    private const long SubWindowMs = 600_000 / 5; // defaults: maxAge 600 s over 5 age buckets

    [Fact]
    public void OneToThousand_P50P90P99_WithinOnePercent()
    {
        var clock = 0L;
        var cell = NewSummary(() => clock, [0.99, 0.5, 0.9]);
        for (var i = 1; i <= 1000; i++)
        {
            cell.Observe(i);
        }

        var q = Quantiles(cell);
        AssertWithin(500, q[0]);
        AssertWithin(900, q[1]);
        AssertWithin(990, q[2]);
        Assert.Equal(1000, cell.Count);
        Assert.Equal(500500, cell.Sum);
    }

    [Fact]
    public void NegativeZeroAndPositiveValues_AreOrderedCorrectly()
    {
        var clock = 0L;
        var cell = NewSummary(() => clock, [0.1, 0.5, 0.9]);
        for (var i = -400; i <= 600; i++)
        {
            cell.Observe(i);
        }

        var q = Quantiles(cell);
        AssertWithin(-300, q[0]);
        AssertWithin(100, q[1]);
        AssertWithin(500, q[2]);

        var zeros = NewSummary(() => clock, [0.5]);
        zeros.Observe(-1);
        zeros.Observe(0);
        zeros.Observe(0);
        zeros.Observe(1);
        Assert.Equal(0, Quantiles(zeros)[0]);
    }

    [Fact]
    public void TinyAndHugeValues_KeepRelativeAccuracy()
    {
        var clock = 0L;
        var cell = NewSummary(() => clock, [0.5]);
        foreach (var value in new[] { 3e-9, 3e-9, 3e-9, 7e12, 7e12 })
        {
            cell.Observe(value);
        }

        AssertWithin(3e-9, Quantiles(cell)[0]);

        var huge = NewSummary(() => clock, [0.5]);
        huge.Observe(7e12);
        AssertWithin(7e12, Quantiles(huge)[0]);
    }

    [Fact]
    public void EmptyWindow_ReportsNaN_NaNObservationsAreIgnored()
    {
        var clock = 0L;
        var cell = NewSummary(() => clock, [0.5]);
        Assert.True(double.IsNaN(Quantiles(cell)[0]));

        cell.Observe(double.NaN);
        Assert.Equal(0, cell.Count);
        Assert.True(double.IsNaN(Quantiles(cell)[0]));
    }

    [Fact]
    public void Observations_ExpireAfterMaxAge_WhileCountAndSumStay()
    {
        var clock = 5 * SubWindowMs; // start on a sub-window boundary
        var cell = NewSummary(() => clock, [0.5]);
        cell.Observe(100);

        clock += (4 * SubWindowMs) + (SubWindowMs - 1); // still within the last 5 sub-windows
        AssertWithin(100, Quantiles(cell)[0]);

        clock += 1; // the sub-window of the observation is now 5 behind: out of the window
        Assert.True(double.IsNaN(Quantiles(cell)[0]));
        Assert.Equal(1, cell.Count);
        Assert.Equal(100, cell.Sum);
    }

    [Fact]
    public void Rotation_ReusesASubWindowSlot_OnlyRecentValuesCount()
    {
        var clock = 0L;
        var cell = NewSummary(() => clock, [0.5]);
        for (var i = 0; i < 100; i++)
        {
            cell.Observe(1);
        }

        // Five sub-windows later the same slot is reused: it must be reset, not added to.
        clock += 5 * SubWindowMs;
        cell.Observe(1000);
        AssertWithin(1000, Quantiles(cell)[0]);

        // Mixed across live sub-windows: 3 at 10 in this one, 1 at 1000 two sub-windows back.
        clock += 2 * SubWindowMs;
        cell.Observe(10);
        cell.Observe(10);
        cell.Observe(10);
        AssertWithin(10, Quantiles(cell)[0]);
        Assert.Equal(104, cell.Count);
    }

    [Fact]
    public void NegativeClock_StillRotates()
    {
        var clock = -3 * SubWindowMs - 7;
        var cell = NewSummary(() => clock, [0.5]);
        cell.Observe(5);
        AssertWithin(5, Quantiles(cell)[0]);
        clock += 6 * SubWindowMs;
        Assert.True(double.IsNaN(Quantiles(cell)[0]));
    }

    [Fact]
    public void ConcurrentObservers_CountIsExact()
    {
        var cell = NewSummary(null, [0.5, 0.99]);
        using var start = new Barrier(4);
        var threads = Enumerable.Range(0, 4).Select(_ => new Thread(() =>
        {
            start.SignalAndWait();
            for (var i = 1; i <= 100_000; i++)
            {
                cell.Observe(i % 1000);
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.Equal(400_000, cell.Count);
        AssertWithin(500, Quantiles(cell)[0], slack: 1);
    }

    [Fact]
    public void SketchChunkMasks_FitInAUlong()
        => Assert.InRange(QuantileSketch.ChunkCount, 1, 64);

    private static SummaryCell NewSummary(Func<long>? clock, double[] quantiles)
    {
        var descriptor = new MetricDescriptor("op_duration_seconds", MetricType.Summary, "Op.", "seconds", [], quantiles: quantiles);
        return new MetricFamily<SummaryCell>(descriptor, clock, []).GetOrAdd(0);
    }

    // One result per declared quantile, in ascending quantile order.
    private static double[] Quantiles(SummaryCell cell)
    {
        var results = new double[8];
        cell.Quantiles(results);
        return results;
    }

    private static void AssertWithin(double expected, double actual, double slack = 0)
    {
        var tolerance = (Math.Abs(expected) * Accuracy) + slack + 1e-12;
        Assert.True(Math.Abs(actual - expected) <= tolerance, $"expected {expected} ± {tolerance}, got {actual}");
    }
}
