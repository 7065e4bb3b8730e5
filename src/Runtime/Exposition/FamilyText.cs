using Metrics.Generators.Shared;

namespace Metrics.Generators;

/// <summary>
/// FamilyText is the exposition layer's cache for one family: every byte a scrape writes for it that does not
/// change between scrapes, rendered once when the family is created. Sample names (<c>_total</c>,
/// <c>_bucket</c>, <c>_sum</c>, <c>_count</c>) and <c>le</c>/<c>quantile</c> pairs are the same in both text
/// formats; the HELP/TYPE(/UNIT) header is rendered by each format's writer (<see cref="ExpositionFormatWriter.RenderHeader"/>),
/// one per format. Immutable, so thread-safe.
/// </summary>
internal sealed class FamilyText
{
    private readonly byte[][] _headers;

    public FamilyText(MetricDescriptor descriptor)
    {
        var family = descriptor.FamilyName;
        ValueName = Utf8(descriptor.Type == MetricType.Counter ? family + SampleNames.TotalSuffix : family);
        BucketName = Utf8(family + "_bucket");
        SumName = Utf8(family + "_sum");
        CountName = Utf8(family + "_count");
        var bounds = descriptor.BucketBounds;
        HasNegativeBuckets = bounds.Length > 0 && bounds[0] < 0;
        BucketLabels = new byte[bounds.Length + 1][];
        for (var i = 0; i < bounds.Length; i++)
        {
            BucketLabels[i] = Utf8("le=\"" + NumberFormatting.FormatLabelNumber(bounds[i]) + "\"");
        }

        BucketLabels[bounds.Length] = "le=\"+Inf\""u8.ToArray();
        QuantileLabels = Array.ConvertAll(descriptor.QuantileValues, q => Utf8("quantile=\"" + NumberFormatting.FormatLabelNumber(q) + "\""));

        var writers = ExpositionFormatWriter.All;
        _headers = new byte[writers.Length][];
        for (var i = 0; i < writers.Length; i++)
        {
            _headers[i] = writers[i].RenderHeader(descriptor);
        }
    }

    /// <summary>Counter <c>&lt;base&gt;_total</c>, gauge name, summary quantile sample name.</summary>
    public byte[] ValueName { get; }

    public byte[] BucketName { get; }

    public byte[] SumName { get; }

    public byte[] CountName { get; }

    /// <summary>Whether the first bucket bound is negative (OpenMetrics then forbids <c>_sum</c> and <c>_count</c>).</summary>
    public bool HasNegativeBuckets { get; }

    /// <summary><c>le="…"</c> per bound, then <c>le="+Inf"</c>.</summary>
    public byte[][] BucketLabels { get; }

    /// <summary><c>quantile="…"</c> per quantile.</summary>
    public byte[][] QuantileLabels { get; }

    /// <summary>The HELP/TYPE(/UNIT) lines <paramref name="writer"/> rendered for this family.</summary>
    public byte[] Header(ExpositionFormatWriter writer) => _headers[writer.Slot];

    private static byte[] Utf8(string text) => System.Text.Encoding.UTF8.GetBytes(text);
}
