using System.Globalization;
using Metrics.Generators.Shared;
using Metrics.Generators.Shared.Declarations;

namespace Metrics.Generators;

/// <summary>
/// MetricDescriptor is what a declaration says about one metric family: name, type, help, unit, label names and
/// the type's options (histogram buckets and SLO, summary quantiles and window). It is immutable and checked
/// once, when built: a bad name, label name, bucket list or quantile throws <see cref="ArgumentException"/> here,
/// so nothing is validated per observation.
/// </summary>
/// <remarks>
/// <para>Counters may be declared with or without <c>_total</c>; the sample is always <c>&lt;base&gt;_total</c>.
/// In text 0.0.4 the HELP and TYPE lines name <c>&lt;base&gt;_total</c> (as prometheus_client does); in
/// OpenMetrics the family is <c>&lt;base&gt;</c>. A unit, when given, must end the name (<c>_&lt;unit&gt;</c>,
/// before <c>_total</c> for counters) and is written as <c># UNIT</c> in OpenMetrics only.</para>
/// <para>It renders nothing: the exposition layer (<c>FamilyText</c> and the format writers) owns every byte a
/// scrape writes. Thread-safe (immutable).</para>
/// </remarks>
public sealed class MetricDescriptor
{
    private readonly string[] _labelNames;
    private readonly double[] _buckets;
    private readonly double[] _quantiles;

    /// <summary>Creates and validates a descriptor.</summary>
    /// <param name="name">The metric name, <c>[a-zA-Z_][a-zA-Z0-9_]*</c>. Counters may omit or include <c>_total</c>.</param>
    /// <param name="type">The metric type.</param>
    /// <param name="help">The help text. Blank help is allowed here (the analyzers make it a build error, MG0005,
    /// unless its severity is lowered); such a family is exposed without a HELP line rather than failing at start-up.</param>
    /// <param name="unit">The base unit (<c>seconds</c>, <c>bytes</c>, …) or null; the name must end with <c>_&lt;unit&gt;</c>.</param>
    /// <param name="labelNames">Label names in series-index order: valid, distinct, not starting with <c>__</c>.</param>
    /// <param name="buckets">Histograms only: strictly increasing finite bounds (<c>+Inf</c> implied); null for the defaults.</param>
    /// <param name="quantiles">Summaries only: quantiles in (0, 1), distinct; null for none.</param>
    /// <param name="slo">Histograms only: an SLO threshold that must be one of the bounds, or 0 for none.</param>
    /// <param name="maxAgeSeconds">Summaries: the sliding window the quantiles cover, in seconds (positive, finite).</param>
    /// <param name="ageBuckets">Summaries: how many sub-windows the window rotates through (at least 1).</param>
    /// <exception cref="ArgumentException">When any of the above does not hold; the message says which and why.</exception>
    public MetricDescriptor(
        string name,
        MetricType type,
        string help,
        string? unit,
        string[] labelNames,
        double[]? buckets = null,
        double[]? quantiles = null,
        double slo = 0,
        double maxAgeSeconds = 600,
        int ageBuckets = 5)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(help);
        ArgumentNullException.ThrowIfNull(labelNames);
        if (!Enum.IsDefined(type))
        {
            throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown metric type.");
        }

        if (!NameRules.IsValidMetricName(name))
        {
            throw new ArgumentException($"Metric name '{name}' is invalid: it must match [a-zA-Z_][a-zA-Z0-9_]*.", nameof(name));
        }

        Name = name;
        Type = type;
        Help = help;
        FamilyName = SampleNames.Family(name, (MetricKind)type);
        if (FamilyName.Length == 0 || !NameRules.IsValidMetricName(FamilyName))
        {
            throw new ArgumentException($"Counter name '{name}' has nothing before '_total'.", nameof(name));
        }

        Unit = ValidateUnit(unit, name, FamilyName);
        _labelNames = ValidateLabelNames(labelNames, name, type);
        LabelNames = Array.AsReadOnly(_labelNames);

        _buckets = ValidateBuckets(buckets, name, type, slo);
        Buckets = Array.AsReadOnly(_buckets);
        Slo = slo;
        _quantiles = ValidateQuantiles(quantiles, name, type);
        Quantiles = Array.AsReadOnly(_quantiles);
        if (!(maxAgeSeconds > 0) || double.IsInfinity(maxAgeSeconds))
        {
            throw new ArgumentException($"Metric '{name}': maxAgeSeconds must be positive and finite, not {maxAgeSeconds.ToString(CultureInfo.InvariantCulture)}.", nameof(maxAgeSeconds));
        }

        if (ageBuckets < 1)
        {
            throw new ArgumentException($"Metric '{name}': ageBuckets must be at least 1, not {ageBuckets}.", nameof(ageBuckets));
        }

        MaxAgeSeconds = maxAgeSeconds;
        AgeBuckets = ageBuckets;

        BucketBounds = _buckets;
        QuantileValues = _quantiles;
    }

    /// <summary>The name as declared (a counter's may or may not end with <c>_total</c>).</summary>
    public string Name { get; }

    /// <summary>
    /// The type that declares the metric (generated metrics set it to the class holding the property), or null. Only
    /// read to say who declared what when two registrations clash.
    /// </summary>
    public Type? DeclaringType { get; init; }

    /// <summary>The member of <see cref="DeclaringType"/> that declares the metric (a generated metric's property), or null.</summary>
    public string? DeclaringMember { get; init; }

    /// <summary>The exposed family name: <see cref="Name"/> without a counter's <c>_total</c>; registries sort by it.</summary>
    public string FamilyName { get; }

    /// <summary>The metric type.</summary>
    public MetricType Type { get; }

    /// <summary>The help text, unescaped.</summary>
    public string Help { get; }

    /// <summary>The base unit, or null.</summary>
    public string? Unit { get; }

    /// <summary>Label names in series-index order (first is most significant).</summary>
    public IReadOnlyList<string> LabelNames { get; }

    /// <summary>Histogram bucket upper bounds without <c>+Inf</c>; empty for other types.</summary>
    public IReadOnlyList<double> Buckets { get; }

    /// <summary>The histogram's SLO threshold (one of <see cref="Buckets"/>), or 0.</summary>
    public double Slo { get; }

    /// <summary>Summary quantiles in ascending order; empty when none.</summary>
    public IReadOnlyList<double> Quantiles { get; }

    /// <summary>The summary's sliding window length in seconds.</summary>
    public double MaxAgeSeconds { get; }

    /// <summary>How many sub-windows the summary's window rotates through.</summary>
    public int AgeBuckets { get; }

    /// <summary>The bucket bounds as an array, for the cells (never written to).</summary>
    internal double[] BucketBounds { get; }

    /// <summary>The quantiles as an array, for the cells (never written to).</summary>
    internal double[] QuantileValues { get; }

    private static string? ValidateUnit(string? unit, string name, string familyName)
    {
        if (unit is null)
        {
            return null;
        }

        if (!NameRules.IsValidMetricName(unit))
        {
            throw new ArgumentException($"Metric '{name}': unit '{unit}' is invalid: it must match [a-zA-Z_][a-zA-Z0-9_]*.", nameof(unit));
        }

        if (!familyName.EndsWith("_" + unit, StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"Metric '{name}' declares unit '{unit}', so its name must end with '_{unit}'" +
                (familyName.Length != name.Length ? " (before '_total')." : "."),
                nameof(unit));
        }

        return unit;
    }

    private static string[] ValidateLabelNames(string[] labelNames, string name, MetricType type)
    {
        var copy = (string[])labelNames.Clone();
        for (var i = 0; i < copy.Length; i++)
        {
            var label = copy[i];
            if (!NameRules.IsValidLabelName(label))
            {
                var why = label is not null && label.StartsWith("__", StringComparison.Ordinal)
                    ? "names starting with '__' are reserved"
                    : "it must match [a-zA-Z_][a-zA-Z0-9_]*";
                throw new ArgumentException($"Metric '{name}': label name '{label}' is invalid: {why}.", nameof(labelNames));
            }

            if ((type == MetricType.Histogram && label == "le") || (type == MetricType.Summary && label == "quantile"))
            {
                throw new ArgumentException($"Metric '{name}': label name '{label}' is reserved for the {(type == MetricType.Histogram ? "histogram's buckets" : "summary's quantiles")}.", nameof(labelNames));
            }

            if (Array.IndexOf(copy, label, 0, i) >= 0)
            {
                throw new ArgumentException($"Metric '{name}': label name '{label}' is declared twice.", nameof(labelNames));
            }
        }

        return copy;
    }

    private static double[] ValidateBuckets(double[]? buckets, string name, MetricType type, double slo)
    {
        if (type != MetricType.Histogram)
        {
            if (buckets is not null)
            {
                throw new ArgumentException($"Metric '{name}' is a {type}; only histograms have buckets.", nameof(buckets));
            }

            if (slo != 0)
            {
                throw new ArgumentException($"Metric '{name}' is a {type}; only histograms have an SLO.", nameof(slo));
            }

            return [];
        }

        var bounds = buckets is null ? (double[])BucketLayout.Default.Clone() : (double[])buckets.Clone();
        var problem = BucketLayout.Validate(bounds);
        if (problem is not null)
        {
            throw new ArgumentException($"Histogram '{name}' has invalid buckets: {problem}.", nameof(buckets));
        }

        if (slo != 0 && Array.IndexOf(bounds, slo) < 0)
        {
            throw new ArgumentException($"Histogram '{name}': SLO {slo.ToString("R", CultureInfo.InvariantCulture)} is not one of its bucket bounds, so the SLO ratio would not be exact.", nameof(slo));
        }

        return bounds;
    }

    private static double[] ValidateQuantiles(double[]? quantiles, string name, MetricType type)
    {
        if (quantiles is null)
        {
            return [];
        }

        if (type != MetricType.Summary)
        {
            throw new ArgumentException($"Metric '{name}' is a {type}; only summaries have quantiles.", nameof(quantiles));
        }

        var sorted = (double[])quantiles.Clone();
        Array.Sort(sorted);
        for (var i = 0; i < sorted.Length; i++)
        {
            if (!(sorted[i] > 0 && sorted[i] < 1))
            {
                throw new ArgumentException($"Summary '{name}': quantile {sorted[i].ToString("R", CultureInfo.InvariantCulture)} is not in (0, 1).", nameof(quantiles));
            }

            if (i > 0 && sorted[i] == sorted[i - 1])
            {
                throw new ArgumentException($"Summary '{name}': quantile {sorted[i].ToString("R", CultureInfo.InvariantCulture)} is declared twice.", nameof(quantiles));
            }
        }

        return sorted;
    }
}
