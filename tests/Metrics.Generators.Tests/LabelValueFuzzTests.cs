using System.Text;
using System.Text.Json;
using Metrics.Generators.Generated;
using Metrics.Generators.Tests.Support;

namespace Metrics.Generators.Tests;

/// <summary>Declarations for <see cref="LabelValueFuzzTests"/>, compiled by the real generator.</summary>
public static partial class FuzzMetrics
{
    [Counter("fuzz_values_total", Help = "Values seen.")]
    [Label<string>("v", MaxValues = 4000, MaxLength = 5000)]
    public static partial FuzzValues Values { get; }
}

/// <summary>
/// LabelValueFuzzTests sends seeded random UTF-16 values (lone surrogates, controls, quotes, backslashes, line
/// feeds, lengths 0–5,000) through a generated bounded string label and checks the scrape with the real parsers:
/// one series per distinct written value, both documents accepted, every value without a lone surrogate read
/// back exactly.
/// </summary>
public sealed class LabelValueFuzzTests
{
    private const int ValueCount = 2000;

    private const string PythonLabelValues = """
        import json, sys
        from prometheus_client.openmetrics.parser import text_string_to_metric_families
        text = sys.stdin.buffer.read().decode('utf-8')
        out = []
        for family in text_string_to_metric_families(text):
            if family.name == 'fuzz_values':
                out.extend(s.labels['v'] for s in family.samples if s.name == 'fuzz_values_total')
        print(json.dumps(out, ensure_ascii=True))
        """;

    [Fact]
    public void RandomValues_OneSeriesPerWrittenValue_AndBothParsersAcceptTheScrape()
    {
        var registry = new MetricRegistry();
        var metric = new FuzzMetrics.FuzzValues(registry);
        var values = RandomValues(new Random(20261201)).ToList();
        foreach (var value in values)
        {
            metric.Inc(value);
        }

        // The oracle: what UTF-8 encoding writes for a value (a lone surrogate becomes U+FFFD).
        var written = values.Select(v => Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(v))).ToHashSet(StringComparer.Ordinal);
        Assert.True(written.Count < values.Count, "the seed should produce values that are written alike");

        var text = Scrape.Text(registry);
        var openMetrics = Scrape.OpenMetrics(registry);
        Assert.Equal(written.Count, text.Split('\n').Count(line => line.StartsWith("fuzz_values_total{", StringComparison.Ordinal)));

        var python = ExternalTools.PythonWithPrometheusClient();
        var (exitCode, stdout, stderr) = ExternalTools.Run(python, ["-c", PythonLabelValues], openMetrics);
        Assert.True(exitCode == 0, $"the strict OpenMetrics parser rejected the scrape (exit {exitCode}):\n{Tail(stderr)}");
        var parsed = JsonSerializer.Deserialize<string[]>(stdout)!;
        Assert.Equal(written.Count, parsed.Length);
        Assert.Equal(written.Count, parsed.ToHashSet(StringComparer.Ordinal).Count);

        var parsedSet = parsed.ToHashSet(StringComparer.Ordinal);
        foreach (var value in values.Where(v => !HasLoneSurrogate(v)))
        {
            Assert.True(parsedSet.Contains(value), "not read back exactly: " + Describe(value));
        }

        Assert.True(parsedSet.SetEquals(written));

        // promtool exits 1 on a parse error and 3 on lint problems (help and naming are not the point here).
        var promtool = ExternalTools.Promtool();
        var (promExit, _, promErr) = ExternalTools.Run(promtool, ["check", "metrics"], text);
        Assert.True(promExit is 0 or 3, $"promtool could not parse the 0.0.4 scrape (exit {promExit}):\n{Tail(promErr)}");
    }

    [Fact]
    public void ValuesDifferingOnlyInLoneSurrogates_AreOneSeries()
    {
        var registry = new MetricRegistry();
        var metric = new FuzzMetrics.FuzzValues(registry);
        metric.Inc("\ud800");
        metric.Inc("\ud801");
        metric.Inc("\udfff");
        metric.Inc("\ufffd");
        metric.Inc("a\ud800b");
        metric.Inc("a\udc00b");

        var lines = Scrape.Samples(Scrape.Text(registry)).ToList();
        Assert.Equal(2, lines.Count);
        Assert.Contains(("fuzz_values_total{v=\"\ufffd\"}", "4"), lines);
        Assert.Contains(("fuzz_values_total{v=\"a\ufffdb\"}", "2"), lines);
    }

    [Fact]
    public void AStoredValue_IsAnsweredWithoutAllocating_AndASurrogatePairIsKept()
    {
        var registry = new MetricRegistry();
        var metric = new FuzzMetrics.FuzzValues(registry);
        var pair = "rocket \ud83d\ude80";
        var fromElsewhere = new string(pair.AsSpan());
        metric.Inc(pair);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            metric.Inc(fromElsewhere);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Contains(("fuzz_values_total{v=\"rocket \ud83d\ude80\"}", "101"), Scrape.Samples(Scrape.Text(registry)));
    }

    private static IEnumerable<string> RandomValues(Random random)
    {
        // A few values appear again and again, so lookups of stored values and of equal-when-written ones are hit.
        string[] repeated = ["\ud800", "\ud801", "\udc00", "x\ud800", "x\udbff", "\"", "\\", "\n", string.Empty, "a\u0000b", "ok"];
        for (var i = 0; i < ValueCount; i++)
        {
            if (random.Next(8) == 0)
            {
                yield return repeated[random.Next(repeated.Length)];
                continue;
            }

            var length = random.Next(10) == 0 ? random.Next(5001) : random.Next(24);
            var chars = new char[length];
            for (var c = 0; c < length; c++)
            {
                chars[c] = random.Next(12) switch
                {
                    0 => (char)random.Next(0xD800, 0xDC00),           // high surrogate, paired or not by chance
                    1 => (char)random.Next(0xDC00, 0xE000),           // low surrogate
                    2 => (char)random.Next(0x00, 0x20),               // C0 controls, tab, line feed, CR
                    3 => '\u007f',
                    4 => '"',
                    5 => '\\',
                    6 => '\n',
                    7 => (char)random.Next(0x80, 0xD800),             // BMP below the surrogates
                    8 => (char)random.Next(0xE000, 0x10000),          // BMP above them, U+FFFE/U+FFFF included
                    _ => (char)random.Next(0x20, 0x7f),
                };
            }

            yield return new string(chars);
        }
    }

    private static bool HasLoneSurrogate(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static string Describe(string value)
        => value.Length + " units: " + string.Concat(value.Take(40).Select(c => c < 0x20 || c > 0x7e ? $"\\u{(int)c:x4}" : c.ToString()));

    private static string Tail(string text) => text.Length > 2000 ? text[..2000] : text;
}
