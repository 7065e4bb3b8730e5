using System.Buffers;
using System.Text;

namespace Metrics.Generators.Tests.Support;

/// <summary>Scrape renders a registry to a string, the way an HTTP endpoint would send it.</summary>
internal static class Scrape
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
}
