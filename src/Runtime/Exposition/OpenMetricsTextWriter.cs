namespace Metrics.Generators;

/// <summary>
/// OpenMetricsTextWriter writes OpenMetrics 1.0 text. Its rules: the family is named without a counter's
/// <c>_total</c> (the sample keeps it); a <c># UNIT</c> line when the metric has a unit; HELP escapes double quotes
/// too; a histogram with a negative bucket bound has no <c>_sum</c> (forbidden) and so no <c>_count</c> (which needs
/// <c>_sum</c>); the exposition ends with <c># EOF</c>. Like the stored counters it writes no <c>_created</c> sample.
/// </summary>
internal sealed class OpenMetricsTextWriter : TextFormatWriter
{
    internal OpenMetricsTextWriter(int slot)
        : base(slot)
    {
    }

    /// <inheritdoc/>
    public override byte[] RenderHeader(MetricDescriptor descriptor)
        => RenderHeader(descriptor.FamilyName, descriptor.Type, descriptor.Help, descriptor.Unit, escapeQuotes: true);

    /// <inheritdoc/>
    public override byte[] RenderTargetInfo(ReadOnlySpan<byte> labels) => RenderTargetInfo("target", "info", labels, escapeQuotes: true);

    /// <inheritdoc/>
    private protected override bool WritesSumAndCount(FamilyText text) => !text.HasNegativeBuckets;

    /// <inheritdoc/>
    protected override void WriteEnd(ref ExpositionBuffer buffer) => buffer.Write("# EOF\n"u8);
}
