using System.Buffers;
using System.Globalization;
using System.Text;

namespace Metrics.Generators.AspNetCore.Tests.Support;

/// <summary>Exposition renders a registry and reads samples back by name and labels.</summary>
internal static class Exposition
{
    public static string Text(MetricRegistry registry, ExpositionFormat format = ExpositionFormat.PrometheusText)
    {
        var buffer = new ArrayBufferWriter<byte>();
        registry.Write(buffer, format);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The samples of <paramref name="name"/> (exact sample name) with their label sets.</summary>
    public static List<(Dictionary<string, string> Labels, double Value)> Samples(string text, string name)
    {
        var samples = new List<(Dictionary<string, string>, double)>();
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var brace = line.IndexOf('{');
            var space = line.LastIndexOf(' ');
            var sampleName = brace >= 0 ? line[..brace] : line[..space];
            if (sampleName != name)
            {
                continue;
            }

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

            samples.Add((labels, double.Parse(line[(space + 1)..], CultureInfo.InvariantCulture)));
        }

        return samples;
    }

    /// <summary>The value of the one sample of <paramref name="name"/> whose labels include <paramref name="match"/>; 0 when absent.</summary>
    public static double Value(string text, string name, params (string Key, string Value)[] match)
    {
        var found = Samples(text, name).Where(s => match.All(m => s.Labels.TryGetValue(m.Key, out var v) && v == m.Value)).ToList();
        Assert.True(found.Count <= 1, $"{found.Count} samples of {name} match; the test's label filter is too loose.");
        return found.Count == 0 ? 0 : found[0].Value;
    }
}
