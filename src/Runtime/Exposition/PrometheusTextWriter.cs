using Metrics.Generators.Shared;

namespace Metrics.Generators;

/// <summary>
/// PrometheusTextWriter writes the Prometheus text format 0.0.4. Its rules: a counter's HELP and TYPE lines name
/// <c>&lt;base&gt;_total</c>, as prometheus_client does; no UNIT line; HELP escapes backslash and newline only;
/// every histogram has <c>_sum</c> and <c>_count</c>; no end marker.
/// </summary>
internal sealed class PrometheusTextWriter : TextFormatWriter
{
    internal PrometheusTextWriter(int slot)
        : base(slot)
    {
    }

    /// <inheritdoc/>
    public override byte[] RenderHeader(MetricDescriptor descriptor)
    {
        var name = descriptor.Type == MetricType.Counter ? descriptor.FamilyName + SampleNames.TotalSuffix : descriptor.FamilyName;
        return RenderHeader(name, descriptor.Type, descriptor.Help, unit: null, escapeQuotes: false);
    }

    /// <inheritdoc/>
    public override byte[] RenderTargetInfo(ReadOnlySpan<byte> labels) => RenderTargetInfo(RegistryText.TargetInfoName, "gauge", labels, escapeQuotes: false);

    /// <inheritdoc/>
    private protected override bool WritesSumAndCount(FamilyText text) => true;
}
