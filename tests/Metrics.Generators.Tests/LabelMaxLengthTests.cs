using System.Runtime.CompilerServices;
using Metrics.Generators.Generated;
using Metrics.Generators.Tests.Support;

namespace Metrics.Generators.Tests;

/// <summary>Declarations for <see cref="LabelMaxLengthTests"/>, compiled by the real generator.</summary>
public static partial class LongValueMetrics
{
    [Counter("long_queries_total", Help = "Queries by template.")]
    [Label<string>("q", MaxValues = 100)]
    public static partial QueriesTotal Queries { get; }

    [Counter("short_keys_total", Help = "Keys.")]
    [Label<string>("k", MaxValues = 10, MaxLength = 8)]
    public static partial KeysTotal Keys { get; }
}

/// <summary>
/// LabelMaxLengthTests pins the length bound of bounded string labels through generated code: the cut at
/// <c>MaxLength</c> UTF-16 units (never inside a surrogate pair), values alike up to the cut share a series, a
/// label of 100 values of 100 KB holds about <c>MaxLength</c> units per value, and recording an already-seen long
/// value allocates nothing.
/// </summary>
public sealed class LabelMaxLengthTests
{
    [Theory]
    [InlineData("abcdefgh", "abcdefgh")]                       // exactly MaxLength: kept
    [InlineData("abcdefghi", "abcdefgh")]                      // one past: cut
    [InlineData("abcdefg\ud83d\ude80", "abcdefg")]            // a pair straddling the limit: cut before it
    [InlineData("abcdef\ud83d\ude80x", "abcdef\ud83d\ude80")] // a pair ending at the limit: kept whole
    [InlineData("abcdefg\ud83dxyz", "abcdefg\ufffd")]         // a lone surrogate at the limit: replaced, not split
    [InlineData("", "")]
    public void AValue_IsCutAtMaxLength_NeverInsideASurrogatePair(string value, string exposed)
    {
        var registry = new MetricRegistry();
        new LongValueMetrics.KeysTotal(registry).Inc(value);

        Assert.Equal([("short_keys_total{k=\"" + exposed + "\"}", "1")], Scrape.Samples(Scrape.Text(registry)));
    }

    [Fact]
    public void ValuesAlikeUpToTheCut_ShareOneSeries()
    {
        var registry = new MetricRegistry();
        var keys = new LongValueMetrics.KeysTotal(registry);
        keys.Inc("abcdefgh-first");
        keys.Inc("abcdefgh-second");
        keys.Inc("abcdefgh");
        keys.Inc("other");

        var samples = Scrape.Samples(Scrape.Text(registry)).ToList();
        Assert.Equal(2, samples.Count);
        Assert.Contains(("short_keys_total{k=\"abcdefgh\"}", "3"), samples);
    }

    [Fact]
    public void TheDefaultMaxLength_Is256_AndHundredValuesOf100KB_HoldAbout256UnitsEach()
    {
        var registry = new MetricRegistry();
        var queries = new LongValueMetrics.QueriesTotal(registry);
        Assert.Equal(256, BoundedStringLabel.DefaultMaxLength);

        var raw = RecordHugeValues(queries, count: 100, length: 100_000);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        Assert.Equal(100, raw.Count);
        Assert.All(raw, weak => Assert.False(weak.TryGetTarget(out _), "the label kept a reference to a 100 KB value"));

        var text = Scrape.Text(registry);
        var samples = Scrape.Samples(text).ToList();
        Assert.Equal(100, samples.Count);
        Assert.All(samples, sample => Assert.Equal("long_queries_total{q=\"\"}".Length + 256, sample.Series.Length));
        Assert.True(text.Length < 100 * 400, $"the scrape is {text.Length} characters");
    }

    [Fact]
    public void RecordingAnAlreadySeenLongValue_AllocatesNothing()
    {
        var registry = new MetricRegistry();
        var queries = new LongValueMetrics.QueriesTotal(registry);
        var value = new string('q', 10_000);
        queries.Inc(value);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            queries.Inc(value);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Contains(("long_queries_total{q=\"" + new string('q', 256) + "\"}", "1001"), Scrape.Samples(Scrape.Text(registry)));
    }

    [Fact]
    public void TheRuntimeLabel_RejectsANonPositiveMaxLength()
        => Assert.Throws<ArgumentOutOfRangeException>(() => new BoundedStringLabel("q", 10, 0));

    // Not inlined, so no local of the test method keeps a raw value alive.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static List<WeakReference<string>> RecordHugeValues(LongValueMetrics.QueriesTotal queries, int count, int length)
    {
        var weak = new List<WeakReference<string>>(count);
        for (var i = 0; i < count; i++)
        {
            // Distinct in their first characters, so each takes its own series.
            var value = i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture) + new string('x', length - 3);
            queries.Inc(value);
            weak.Add(new WeakReference<string>(value));
        }

        return weak;
    }
}
