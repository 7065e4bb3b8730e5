namespace Metrics.Generators;

/// <summary>
/// SummaryAttribute declares a summary: <c>_count</c> and <c>_sum</c> always, plus client-side quantiles
/// over a sliding time window when <see cref="Quantiles"/> are given. Quantiles of a summary cannot be
/// aggregated across instances; prefer a histogram for fleet-wide percentiles.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class SummaryAttribute(string name) : Attribute
{
    /// <summary>The metric name, e.g. <c>rpc_duration_seconds</c>.</summary>
    public string Name { get; } = name;

    /// <summary>The help text. Required; the property's XML doc <c>&lt;summary&gt;</c> supplies it when omitted.</summary>
    public string? Help { get; set; }

    /// <summary>The base unit (<c>seconds</c>, <c>bytes</c>, …). The name must end with it.</summary>
    public string? Unit { get; set; }

    /// <summary>Quantiles to report, each in (0, 1), e.g. <c>[0.5, 0.9, 0.99]</c>. None by default.</summary>
    public double[]? Quantiles { get; set; }

    /// <summary>The length of the sliding window the quantiles cover, in seconds (default 600).</summary>
    public double MaxAgeSeconds { get; set; } = 600;

    /// <summary>How many sub-windows the sliding window rotates through (default 5).</summary>
    public int AgeBuckets { get; set; } = 5;
}
