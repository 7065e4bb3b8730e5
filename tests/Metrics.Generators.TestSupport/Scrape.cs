using System.Buffers;
using System.Globalization;
using System.Text;

namespace Metrics.Generators.Tests.Support;

/// <summary>
/// Scrape renders a registry as an endpoint sends it and reads samples back by name and labels. Reading is
/// strict: <see cref="Value"/> of a series that is not exposed fails and lists the series that are, so
/// <c>Assert.Equal(0, Value(…))</c> cannot pass for a series that does not exist; a test that means absence
/// says so with <see cref="AssertAbsent"/>.
/// </summary>
public static class Scrape
{
    public static string Text(MetricRegistry registry, ExpositionFormat format = ExpositionFormat.PrometheusText)
    {
        var buffer = new ArrayBufferWriter<byte>();
        registry.Write(buffer, format);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static string OpenMetrics(MetricRegistry registry) => Text(registry, ExpositionFormat.OpenMetrics);

    /// <summary>The sample lines (not comments) of a scrape, split into series text (name and labels) and value.</summary>
    public static IEnumerable<(string Series, string Value)> Samples(string text)
    {
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var space = line.LastIndexOf(' ');
            yield return (line[..space], line[(space + 1)..]);
        }
    }

    /// <summary>The samples of <paramref name="name"/> (exact sample name) with their label sets.</summary>
    public static List<(Dictionary<string, string> Labels, double Value)> Samples(string text, string name)
        => Parse(text).Where(s => s.Name == name).Select(s => (s.Labels, s.Value)).ToList();

    /// <summary>
    /// The value of the one sample of <paramref name="name"/> whose labels include <paramref name="match"/>. Fails
    /// when none matches (listing the series of that name, or every series when the name has none) or when more
    /// than one does (the filter is too loose).
    /// </summary>
    public static double Value(string text, string name, params (string Key, string Value)[] match)
    {
        var found = Matching(text, name, match);
        Assert.True(found.Count <= 1, $"{found.Count} samples of {Describe(name, match)} match; the test's label filter is too loose:\n{string.Join('\n', found.Select(s => s.Line))}");
        if (found.Count == 0)
        {
            var all = Parse(text).ToList();
            var sameName = all.Where(s => s.Name == name).ToList();
            var listed = sameName.Count > 0 ? sameName : all;
            Assert.Fail($"no sample {Describe(name, match)} in the scrape; {(sameName.Count > 0 ? "the series of " + name : "every series")} present ({listed.Count}):\n"
                        + (listed.Count == 0 ? "(none)" : string.Join('\n', listed.Select(s => s.Line))));
        }

        return found[0].Value;
    }

    /// <summary>The value of the one sample of <paramref name="name"/> matching <paramref name="match"/> in a scrape of <paramref name="registry"/>.</summary>
    public static double Value(MetricRegistry registry, string name, params (string Key, string Value)[] match)
        => Value(Text(registry), name, match);

    /// <summary>Asserts no sample of <paramref name="name"/> has labels including <paramref name="match"/>.</summary>
    public static void AssertAbsent(string text, string name, params (string Key, string Value)[] match)
    {
        var found = Matching(text, name, match);
        Assert.True(found.Count == 0, $"expected no sample {Describe(name, match)}, found:\n{string.Join('\n', found.Select(s => s.Line))}");
    }

    public static void AssertAbsent(MetricRegistry registry, string name, params (string Key, string Value)[] match)
        => AssertAbsent(Text(registry), name, match);

    private static List<Sample> Matching(string text, string name, (string Key, string Value)[] match)
        => Parse(text).Where(s => s.Name == name && match.All(m => s.Labels.TryGetValue(m.Key, out var v) && v == m.Value)).ToList();

    private static string Describe(string name, (string Key, string Value)[] match)
        => match.Length == 0 ? name : name + "{" + string.Join(',', match.Select(m => $"{m.Key}=\"{m.Value}\"")) + "}";

    private static IEnumerable<Sample> Parse(string text)
    {
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var brace = line.IndexOf('{');
            var space = line.LastIndexOf(' ');
            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            if (brace >= 0)
            {
                var body = line[(brace + 1)..line.LastIndexOf('}')];
                var i = 0;
                while (i < body.Length)
                {
                    var eq = body.IndexOf('=', i);
                    var key = body[i..eq];
                    var value = new StringBuilder();
                    var j = eq + 2;
                    for (; body[j] != '"'; j++)
                    {
                        if (body[j] == '\\')
                        {
                            j++;
                            value.Append(body[j] == 'n' ? '\n' : body[j]);
                        }
                        else
                        {
                            value.Append(body[j]);
                        }
                    }

                    labels[key] = value.ToString();
                    i = j + 2;
                }
            }

            var sampleName = brace >= 0 ? line[..brace] : line[..space];
            yield return new Sample(sampleName, labels, ParseValue(line[(space + 1)..]), line);
        }
    }

    private static double ParseValue(string value) => value switch
    {
        "+Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        "NaN" => double.NaN,
        _ => double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    private sealed record Sample(string Name, Dictionary<string, string> Labels, double Value, string Line);
}
