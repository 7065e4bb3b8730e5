using System.Globalization;
using Metrics.Generators.Generated;
using Metrics.Generators.Tests.Support;

namespace Metrics.Generators.Tests;

/// <summary>Declarations for <see cref="CounterOverflowTests"/>, compiled by the real generator.</summary>
public static partial class BigCounters
{
    [Counter("big_bytes_total", Help = "Bytes.")]
    public static partial BytesTotal Bytes { get; }

    [Counter("big_bytes_by_outcome_total", Help = "Bytes by outcome.")]
    [Label<Outcome>("outcome")]
    public static partial BytesByOutcome ByOutcome { get; }
}

/// <summary>
/// CounterOverflowTests pins that a counter never goes down past the range of the <see cref="long"/> that holds its
/// whole increments: at <see cref="long.MaxValue"/>, one past it, and many times past it, on the plain, the
/// per-call (contention-watching) and the striped paths, in <see cref="CounterCell.Value"/> and in the exposed text.
/// </summary>
public sealed class CounterOverflowTests
{
    private const double TwoPow53 = 9007199254740992d;

    [Fact]
    public void AddingUpToLongMaxValue_ExposesItExactly_AndOnePastKeepsGoingUp()
    {
        var registry = new MetricRegistry();
        var bytes = new BigCounters.BytesTotal(registry);
        for (var i = 0; i < 1023; i++)
        {
            bytes.Add(TwoPow53);
        }

        bytes.Add(TwoPow53 - 1);
        Assert.Equal("9223372036854775807", ExposedValue(registry, "big_bytes_total"));

        bytes.Inc();
        Assert.Equal(9223372036854775808d, ParsedValue(registry, "big_bytes_total"));
        bytes.Inc();
        Assert.True(ParsedValue(registry, "big_bytes_total") >= 9223372036854775808d);
    }

    [Fact]
    public void IncReachingTwoPow63_FoldsAndKeepsCounting()
    {
        var registry = new MetricRegistry();
        var bytes = new BigCounters.BytesTotal(registry);
        for (var i = 0; i < 1023; i++)
        {
            bytes.Add(TwoPow53);
        }

        // 2^63 - 64: the next 64 increments reach 2^63 on the Inc path alone.
        bytes.Add(TwoPow53 - 64);
        for (var i = 0; i < 200; i++)
        {
            bytes.Inc();
        }

        Assert.Equal(9223372036854775808d + 136, ParsedValue(registry, "big_bytes_total"));
    }

    [Fact]
    public void ThousandsOfAddsPastTheLongRange_StayMonotoneAndExact()
    {
        var registry = new MetricRegistry();
        var bytes = new BigCounters.BytesTotal(registry);
        var previous = 0d;
        for (var i = 1; i <= 3000; i++)
        {
            bytes.Add(TwoPow53);
            var value = ParsedValue(registry, "big_bytes_total");
            Assert.True(value >= previous, $"after {i} adds the counter went from {previous} down to {value}");
            previous = value;
        }

        // The case from the issue: 1,025 × 2^53 wrapped to -9214364837600034816.
        Assert.Equal(3000 * TwoPow53, previous);
    }

    [Fact]
    public void Issue11Case_1025AddsOfTwoPow53_IsPositiveInText()
    {
        var registry = new MetricRegistry();
        var bytes = new BigCounters.BytesTotal(registry);
        for (var i = 0; i < 1025; i++)
        {
            bytes.Add(TwoPow53);
        }

        Assert.Equal(1025 * TwoPow53, ParsedValue(registry, "big_bytes_total"));
        Assert.DoesNotContain("-", ExposedValue(registry, "big_bytes_total"), StringComparison.Ordinal);
    }

    [Fact]
    public void ConcurrentPerCallAddsPastTheLongRange_SumExactly_OnStripesToo()
    {
        var registry = new MetricRegistry();
        var counter = new BigCounters.BytesByOutcome(registry);
        var striped = counter.Bind(Outcome.Failed);

        // One series forced onto stripes (each stripe and the scrape-time sum go past 2^63), one left to the
        // contention probe of the per-call path.
        StripesOf(striped).EnsureStripes();
        const int threads = 4;
        const int addsPerThread = 1500;
        using var start = new ManualResetEventSlim();
        var workers = Enumerable.Range(0, threads).Select(_ => new Thread(() =>
        {
            start.Wait();
            for (var i = 0; i < addsPerThread; i++)
            {
                counter.Add(TwoPow53, Outcome.Created);
                striped.Add(TwoPow53);
            }
        })).ToList();
        workers.ForEach(worker => worker.Start());
        start.Set();
        workers.ForEach(worker => worker.Join());

        var expected = threads * addsPerThread * TwoPow53;
        Assert.Equal(expected, ParsedValue(registry, "big_bytes_by_outcome_total{outcome=\"created\"}"));
        Assert.Equal(expected, ParsedValue(registry, "big_bytes_by_outcome_total{outcome=\"failed\"}"));
    }

    [Fact]
    public void AStripeReachingTwoPow63_FoldsWithoutTheValueGoingDown()
    {
        var registry = new MetricRegistry();
        var counter = new BigCounters.BytesByOutcome(registry);
        var series = counter.Bind(Outcome.Created);
        StripesOf(series).EnsureStripes();
        var previous = 0d;
        for (var i = 0; i < 2100; i++)
        {
            series.Add(TwoPow53);
            var value = ParsedValue(registry, "big_bytes_by_outcome_total{outcome=\"created\"}");
            Assert.True(value >= previous);
            previous = value;
        }

        Assert.Equal(2100 * TwoPow53, previous);
    }

    private static CounterSpill StripesOf(BigCounters.BytesByOutcome.Series series)
    {
        // The generated Series wraps one cell; the cell creates its spill on demand.
        const System.Reflection.BindingFlags Private = System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance;
        var cell = (CounterCell)typeof(BigCounters.BytesByOutcome.Series).GetField("_cell", Private)!.GetValue(series)!;
        return (CounterSpill)typeof(CounterCell).GetMethod("Spill", Private)!.Invoke(cell, null)!;
    }

    private static string ExposedValue(MetricRegistry registry, string series)
        => Scrape.Samples(Scrape.Text(registry)).Single(sample => sample.Series == series).Value;

    private static double ParsedValue(MetricRegistry registry, string series)
        => double.Parse(ExposedValue(registry, series), CultureInfo.InvariantCulture);
}
