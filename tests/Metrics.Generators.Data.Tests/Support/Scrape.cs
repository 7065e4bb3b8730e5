using System.Buffers;
using System.Globalization;
using System.Text;

namespace Metrics.Generators.Data.Tests.Support;

/// <summary>Scrape renders a registry as an endpoint would and reads samples back, so tests assert what is exposed.</summary>
internal static class Scrape
{
    public static string Text(MetricRegistry registry, ExpositionFormat format = ExpositionFormat.PrometheusText)
    {
        var buffer = new ArrayBufferWriter<byte>();
        registry.Write(buffer, format);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The value of the sample <c>name{labels}</c>, or null when the registry does not expose it.</summary>
    public static double? Sample(MetricRegistry registry, string name, string labels)
    {
        var prefix = name + "{" + labels + "} ";
        foreach (var line in Text(registry).Split('\n'))
        {
            if (line.StartsWith(prefix, StringComparison.Ordinal))
            {
                return double.Parse(line.AsSpan(prefix.Length), CultureInfo.InvariantCulture);
            }
        }

        return null;
    }
}
