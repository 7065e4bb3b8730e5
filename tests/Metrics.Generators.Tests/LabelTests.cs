using Metrics.Generators.Tests.Support;

namespace Metrics.Generators.Tests;

/// <summary>Label dimensions: indexes, overflow, concurrency of BoundedStringLabel, and the series index shape.</summary>
public class LabelTests
{
    [Fact]
    public void FixedLabel_IndexesValues_AndUnknownsFoldIntoOverflow()
    {
        var label = new FixedLabel("status", "created", "failed");
        Assert.Equal(3, label.Cardinality);
        Assert.Equal(1, label.IndexOf("failed"));
        Assert.Equal(2, label.IndexOf("other"));
        Assert.Equal(2, label.IndexOf(null));
        Assert.Equal("__overflow__", label.ValueAt(2));
        Assert.Throws<ArgumentOutOfRangeException>(() => label.ValueAt(3));
    }

    [Fact]
    public void FixedLabel_RejectsDuplicateAndReservedValues()
    {
        Assert.Contains("declared twice", Assert.Throws<ArgumentException>(() => new FixedLabel("s", "a", "a")).Message);
        Assert.Contains("reserved", Assert.Throws<ArgumentException>(() => new FixedLabel("s", "__overflow__")).Message);
        Assert.Contains("reserved", Assert.Throws<ArgumentException>(() => new FixedLabel("__s", "a")).Message);
    }

    [Fact]
    public void BoundedStringLabel_NullIsEmpty_IndexesAreStable_ValuesReadBack()
    {
        var label = new BoundedStringLabel("route", 3);
        Assert.Equal(4, label.Cardinality);
        Assert.Equal(0, label.IndexOf(null));
        Assert.Equal(0, label.IndexOf(string.Empty));
        Assert.Equal(1, label.IndexOf("/a"));
        Assert.Equal(1, label.IndexOf(new string(['/', 'a'])));
        Assert.Equal(string.Empty, label.ValueAt(0));
        Assert.Equal("/a", label.ValueAt(1));
        Assert.Equal("__overflow__", label.ValueAt(3));
        Assert.Throws<ArgumentOutOfRangeException>(() => label.ValueAt(2));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BoundedStringLabel("route", 0));
    }

    [Fact]
    public void BoundedStringLabel_GrowsPastItsInitialTable()
    {
        var label = new BoundedStringLabel("id", 1000);
        for (var i = 0; i < 1000; i++)
        {
            Assert.Equal(i, label.IndexOf("v" + i));
        }

        for (var i = 0; i < 1000; i++)
        {
            Assert.Equal(i, label.IndexOf("v" + i));
            Assert.Equal("v" + i, label.ValueAt(i));
        }

        Assert.Equal(1000, label.IndexOf("one too many"));
        Assert.Equal(1, label.OverflowCount);
    }

    [Fact]
    public void BoundedStringLabel_ValuesChosenToCollide_SwitchTheTableToTheRandomizedHash_AndLoseNothing()
    {
        // Values whose fast hash agrees in the low 16 bits share a home slot in any table of up to 2^16 slots: an
        // attacker's request values. Each insert probes one slot further, until the label defends itself.
        var colliding = CollidingValues(LabelValueHash.Fast, count: BoundedStringLabel.LongProbe + 8, lowBits: 16);
        var label = new BoundedStringLabel("tenant", 1_000);
        Assert.Equal(0, label.IndexOf("first"));
        Assert.False(label.UsesRandomizedHash);

        var indexes = colliding.Select(label.IndexOf).ToArray();

        Assert.True(label.UsesRandomizedHash);
        Assert.Equal(Enumerable.Range(1, colliding.Length), indexes);
        Assert.Equal(0, label.IndexOf("first"));
        Assert.All(colliding, (value, i) => Assert.Equal(i + 1, label.IndexOf(value)));
        Assert.All(colliding, (value, i) => Assert.Equal(value, label.ValueAt(i + 1)));
        Assert.Equal(colliding.Length + 1, label.IndexOf("after"));
        Assert.Equal(colliding.Length + 2, label.Count);
        Assert.Equal(0, label.OverflowCount);
    }

    [Fact]
    public void BoundedStringLabel_LookupsOfUnknownCollidingValuesOnAFullLabel_SwitchTheHash_AndStillFold()
    {
        // A full label of 25 colliding values: the inserts probed at most LongProbe slots, so the table still uses the
        // fast hash. Lookups of further colliding values probe past all 25 and must switch it, and still fold.
        var colliding = CollidingValues(LabelValueHash.Fast, count: 80, lowBits: 16);
        Assert.Equal(80, colliding.Length);
        var label = new BoundedStringLabel("tenant", BoundedStringLabel.LongProbe + 1);
        var kept = colliding.Take(BoundedStringLabel.LongProbe + 1).ToArray();
        Assert.All(kept, (value, i) => Assert.Equal(i, label.IndexOf(value)));
        Assert.False(label.UsesRandomizedHash);

        Assert.All(colliding.Skip(kept.Length), value => Assert.Equal(kept.Length, label.IndexOf(value)));

        Assert.True(label.UsesRandomizedHash);
        Assert.Equal(colliding.Length - kept.Length, label.OverflowCount);
        Assert.All(kept, (value, i) => Assert.Equal(i, label.IndexOf(value)));
        Assert.Equal(kept.Length, label.IndexOf("anything else"));
    }

    [Fact]
    public void BoundedStringLabel_ConcurrentNewValues_EachGetsExactlyOneIndex()
    {
        // A new string per lookup, as a value read from a request is: every lookup hashes and probes.
        var label = new BoundedStringLabel("user", 500);
        var answers = LookUpConcurrently(label, lookupsPerThread: 600, (i, t) => "u" + ((i * 7) + t) % 600);

        Assert.Equal(500, label.Count);
        Assert.Equal(500, answers.Values.Count(index => index != 500));
        Assert.Equal(100, answers.Values.Count(index => index == 500));
    }

    [Fact]
    public void BoundedStringLabel_IdentityHints_AnswerOnlyForTheInstanceThatTookTheIndex()
    {
        // Same length, same first and last four characters: every one of these shares one hint slot.
        var values = Enumerable.Range(0, 40).Select(i => $"/orders/{i:D4}/{{id}}").ToArray();
        var label = new BoundedStringLabel("route", 100);

        // Equal copies take and find the indexes, but a copy is not the instance the label keeps: no hint is taken.
        Assert.All(values, (value, i) => Assert.Equal(i, label.IndexOf(new string(value.AsSpan()))));
        Assert.DoesNotContain(values, label.IsHinted);

        // The kept instances: the first one found takes the shared slot for good; the others still find their own index.
        var kept = Enumerable.Range(0, values.Length).Select(label.ValueAt).ToArray();
        Assert.All(kept, (value, i) => Assert.Equal(i, label.IndexOf(value)));
        Assert.True(label.IsHinted(kept[0]));
        Assert.All(kept.Skip(1), value => Assert.False(label.IsHinted(value)));
        Assert.All(kept, (value, i) => Assert.Equal(i, label.IndexOf(value)));
        Assert.All(values, (value, i) => Assert.Equal(i, label.IndexOf(new string(value.AsSpan()))));

        // Values shorter than the four characters read at each end hint too.
        foreach (var shortValue in new[] { "", "a", "ab", "abc" })
        {
            var single = new BoundedStringLabel("s", 1);
            Assert.Equal(0, single.IndexOf(shortValue));
            Assert.True(single.IsHinted(shortValue));
            Assert.Equal(0, single.IndexOf(shortValue));
        }

        // An overflowed value and the literal overflow value never take a hint.
        var tiny = new BoundedStringLabel("t", 1);
        Assert.Equal(0, tiny.IndexOf("kept"));
        var folded = "folded";
        Assert.Equal(1, tiny.IndexOf(folded));
        Assert.Equal(1, tiny.IndexOf(folded));
        Assert.False(tiny.IsHinted(folded));
        Assert.Equal(1, tiny.IndexOf("__overflow__"));
        Assert.False(tiny.IsHinted("__overflow__"));
    }

    [Fact]
    public void BoundedStringLabel_ConcurrentLookupsOfSharedInstances_AgreeWithTheValueTheyName()
    {
        // Shared instances (as a route template is) take hints while other threads add values and grow the table.
        var values = Enumerable.Range(0, 600).Select(i => "/r/" + i).ToArray();
        var label = new BoundedStringLabel("route", 500);
        var answers = LookUpConcurrently(label, lookupsPerThread: 3 * values.Length, (i, t) => values[((i * 7) + t) % values.Length]);

        Assert.Equal(500, label.Count);
        Assert.Equal(500, answers.Values.Count(index => index != 500));
        Assert.Equal(100, answers.Values.Count(index => index == 500));
        Assert.Contains(values, label.IsHinted);
    }

    // Eight threads start together and look up valueAt(lookup, thread). Every answer must name its value (or be the
    // overflow), and a value keeps one answer for the whole run. Returns each value's answer.
    private static Dictionary<string, int> LookUpConcurrently(BoundedStringLabel label, int lookupsPerThread, Func<int, int, string> valueAt)
    {
        const int Threads = 8;
        var seen = new int[Threads][];
        using var start = new Barrier(Threads);
        var threads = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            var indexes = new int[lookupsPerThread];
            for (var i = 0; i < indexes.Length; i++)
            {
                indexes[i] = label.IndexOf(valueAt(i, t));
            }

            seen[t] = indexes;
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        var answers = new Dictionary<string, int>();
        for (var t = 0; t < Threads; t++)
        {
            for (var i = 0; i < lookupsPerThread; i++)
            {
                var value = valueAt(i, t);
                var index = seen[t][i];
                if (index != label.MaxValues)
                {
                    Assert.Equal(value, label.ValueAt(index));
                }

                Assert.Equal(index, answers.TryAdd(value, index) ? index : answers[value]);
            }
        }

        return answers;
    }

    [Fact]
    public void LabelValueHash_SpreadsRouteLikeValuesOverTheLowBits()
    {
        // The table masks the low bits: routes differing only in a digit must not pile up in a few slots.
        var slots = Enumerable.Range(0, 4096).Select(i => LabelValueHash.Fast("/api/v1/orders/" + i) & 1023).ToArray();
        Assert.True(slots.Distinct().Count() > 900, $"{slots.Distinct().Count()} of 1024 slots used by 4096 values");
        Assert.Equal(LabelValueHash.Fast("/orders/{id}"), LabelValueHash.Fast(new string("/orders/{id}".ToCharArray())));
        Assert.NotEqual(LabelValueHash.Fast("ab"), LabelValueHash.Fast("ba"));
    }

    [Fact]
    public void LargeCardinality_UsesTheSparseTable_AndStillDecodesLabels()
    {
        var registry = new MetricRegistry();
        var route = new BoundedStringLabel("route", 5000);
        var family = registry.Register(new MetricFamily<CounterCell>(
            new MetricDescriptor("hits_total", MetricType.Counter, "Hits.", null, ["method", "route"]),
            new FixedLabel("method", "get", "post"), route));

        family.GetOrAdd((1L * 5001) + route.IndexOf("/x")).Inc();
        family.GetOrAdd((2L * 5001) + 5000).Inc();

        // A hashed table writes its series in creation order.
        Assert.Equal(
            ["hits_total{method=\"post\",route=\"/x\"}", "hits_total{method=\"__overflow__\",route=\"__overflow__\"}"],
            Scrape.Samples(Scrape.Text(registry)).Select(s => s.Series));
    }

    [Fact]
    public void GeneratedShape_EnumAndBoundedStringLabels_MapToTheRightSeries()
    {
        var registry = new MetricRegistry();
        var latency = new ShopMetrics.RequestDuration(registry);
        latency.Observe(0.2, HttpVerb.Post, "/orders");
        latency.Observe(0.3, HttpVerb.Post, "/orders");
        latency.Observe(7, (HttpVerb)42, null);

        Assert.Equal(2, latency.Bind(HttpVerb.Post, "/orders").Count);
        var series = Scrape.Samples(Scrape.Text(registry))
            .Where(s => s.Series.Contains("_count", StringComparison.Ordinal))
            .Select(s => s.Series + " " + s.Value);
        Assert.Equal(
            ["http_request_duration_seconds_count{method=\"post\",route=\"/orders\"} 2",
             "http_request_duration_seconds_count{method=\"__overflow__\",route=\"\"} 1"],
            series);
    }

    private static string[] CollidingValues(Func<string, int> hash, int count, int lowBits)
    {
        var mask = (1 << lowBits) - 1;
        var target = hash("seed") & mask;
        var found = new List<string>();
        for (var i = 0; found.Count < count; i++)
        {
            var candidate = "t" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if ((hash(candidate) & mask) == target)
            {
                found.Add(candidate);
            }
        }

        return [.. found];
    }
}
