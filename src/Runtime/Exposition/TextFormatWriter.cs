namespace Metrics.Generators;

/// <summary>
/// TextFormatWriter writes the sample lines the two text formats share, <c>name{labels} value</c>: counters as
/// exact integers while they are whole, histogram buckets cumulated as they are read (so <c>_count</c> equals the
/// <c>+Inf</c> bucket within a scrape), summaries as quantile lines then <c>_sum</c> and <c>_count</c>. The formats
/// differ in their header, histogram rules and end (<see cref="PrometheusTextWriter"/>, <see cref="OpenMetricsTextWriter"/>).
/// </summary>
internal abstract class TextFormatWriter : ExpositionFormatWriter
{
    private protected TextFormatWriter(int slot)
        : base(slot)
    {
    }

    /// <summary>Whether a histogram series gets <c>_sum</c> and <c>_count</c> lines after its buckets.</summary>
    private protected abstract bool WritesSumAndCount(FamilyText text);

    /// <inheritdoc/>
    protected sealed override void WriteCounter(ref ExpositionBuffer buffer, FamilyText text, scoped ReadOnlySpan<byte> labels, CounterValue value)
    {
        if (value.IsWhole)
        {
            buffer.WriteSample(text.ValueName, labels, default, value.Whole);
        }
        else
        {
            buffer.WriteSample(text.ValueName, labels, default, value.Value);
        }
    }

    /// <inheritdoc/>
    protected sealed override void WriteGauge(ref ExpositionBuffer buffer, FamilyText text, scoped ReadOnlySpan<byte> labels, double value)
        => buffer.WriteSample(text.ValueName, labels, default, value);

    /// <inheritdoc/>
    protected sealed override void WriteHistogram(ref ExpositionBuffer buffer, FamilyText text, scoped ReadOnlySpan<byte> labels, HistogramCell cell)
    {
        var bucketLabels = text.BucketLabels;
        long cumulative = 0;
        for (var i = 0; i < bucketLabels.Length; i++)
        {
            cumulative += cell.ReadBucket(i);
            buffer.WriteSample(text.BucketName, labels, bucketLabels[i], cumulative);
        }

        if (WritesSumAndCount(text))
        {
            buffer.WriteSample(text.SumName, labels, default, cell.Sum);
            buffer.WriteSample(text.CountName, labels, default, cumulative);
        }
    }

    /// <inheritdoc/>
    protected sealed override void WriteSummary(ref ExpositionBuffer buffer, FamilyText text, scoped ReadOnlySpan<byte> labels, scoped ReadOnlySpan<double> quantiles, double sum, long count)
    {
        var quantileLabels = text.QuantileLabels;
        for (var i = 0; i < quantiles.Length; i++)
        {
            buffer.WriteSample(text.ValueName, labels, quantileLabels[i], quantiles[i]);
        }

        buffer.WriteSample(text.SumName, labels, default, sum);
        buffer.WriteSample(text.CountName, labels, default, count);
    }

    /// <summary>Renders <c>target_info</c>'s header with the type this format has for it, then its one sample.</summary>
    private protected static byte[] RenderTargetInfo(string familyName, string type, ReadOnlySpan<byte> labels, bool escapeQuotes)
    {
        var header = new System.Text.StringBuilder();
        header.Append("# HELP ").Append(familyName).Append(' ');
        TextEscaping.AppendEscaped(header, "Target metadata: the service identity its OpenTelemetry resource carries.", escapeQuotes).Append('\n');
        header.Append("# TYPE ").Append(familyName).Append(' ').Append(type).Append('\n');
        var bytes = new List<byte>(System.Text.Encoding.UTF8.GetBytes(header.ToString()));
        bytes.AddRange(System.Text.Encoding.UTF8.GetBytes(RegistryText.TargetInfoName + "{"));
        bytes.AddRange(labels.ToArray());
        bytes.AddRange("} 1\n"u8.ToArray());
        return [.. bytes];
    }

    /// <summary>
    /// Renders <c># HELP</c> (unless the help is blank), <c># TYPE</c> and, when <paramref name="unit"/> is given,
    /// <c># UNIT</c> for <paramref name="name"/>.
    /// </summary>
    private protected static byte[] RenderHeader(string name, MetricType type, string help, string? unit, bool escapeQuotes)
    {
        var builder = new System.Text.StringBuilder();
        if (!string.IsNullOrWhiteSpace(help))
        {
            builder.Append("# HELP ").Append(name).Append(' ');
            TextEscaping.AppendEscaped(builder, help, escapeQuotes).Append('\n');
        }

        var typeName = type switch
        {
            MetricType.Counter => "counter",
            MetricType.Gauge => "gauge",
            MetricType.Histogram => "histogram",
            _ => "summary",
        };
        builder.Append("# TYPE ").Append(name).Append(' ').Append(typeName).Append('\n');
        if (unit is not null)
        {
            builder.Append("# UNIT ").Append(name).Append(' ').Append(unit).Append('\n');
        }

        return System.Text.Encoding.UTF8.GetBytes(builder.ToString());
    }
}
