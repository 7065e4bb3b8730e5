using System.ComponentModel;
using System.Globalization;
using Metrics.Generators.Shared;

namespace Metrics.Generators;

/// <summary>
/// MetricOverrides replaces, at run time, what a metric declaration fixed at compile time: a histogram's bucket bounds
/// and SLO, and the <c>MaxValues</c> of its bounded string labels. Pass it to the generated constructor overload,
/// <c>new RequestDuration(registry, overrides)</c>; what it does not set stays as declared, so the declaration is the
/// default. Libraries use it to honour options their users choose at start-up.
/// </summary>
/// <remarks>
/// Checked once, when the metric is created, with the rules the generator applies to the declaration (strictly
/// increasing finite bounds, at most 1000 of them, an SLO that is one of the bounds, a
/// <c>MaxValues</c> of at least 1): a bad value throws <see cref="ArgumentException"/> naming the metric and the value.
/// An override the metric cannot take (buckets on a counter, a label it does not have or whose values are fixed) throws
/// too, rather than being ignored. Not thread-safe while being filled; read only by constructors.
/// </remarks>
public sealed class MetricOverrides
{
    /// <summary>A histogram's bucket upper bounds (<c>+Inf</c> implied), or null for the declared ones.</summary>
    public IReadOnlyList<double>? Buckets { get; init; }

    /// <summary>A histogram's SLO threshold, one of the bucket bounds, or 0 for none; null keeps the declared SLO.</summary>
    public double? Slo { get; init; }

    /// <summary>
    /// The most distinct values kept per bounded string label, by label name: <c>MaxValues = { ["route"] = 50 }</c>.
    /// Labels not listed keep their declared bound.
    /// </summary>
    public IDictionary<string, int> MaxValues { get; } = new Dictionary<string, int>(StringComparer.Ordinal);

    /// <summary>
    /// Returns the descriptor a metric declared as <paramref name="declared"/> has with these overrides: the same
    /// instance when they change nothing, otherwise a copy with the overridden buckets and SLO.
    /// </summary>
    /// <param name="declared">The generated <c>Descriptor</c> of the metric.</param>
    /// <returns>The descriptor the metric registers.</returns>
    /// <exception cref="ArgumentException">When an override is invalid or does not apply to the metric.</exception>
    public MetricDescriptor DescriptorFor(MetricDescriptor declared)
    {
        ArgumentNullException.ThrowIfNull(declared);
        foreach (var label in MaxValues.Keys)
        {
            if (!declared.LabelNames.Contains(label, StringComparer.Ordinal))
            {
                throw new ArgumentException($"Metric '{declared.Name}' has no label '{label}' whose MaxValues could be overridden.", nameof(MaxValues));
            }
        }

        if (Buckets is null && Slo is null)
        {
            return declared;
        }

        if (declared.Type != MetricType.Histogram)
        {
            throw new ArgumentException($"Metric '{declared.Name}' is a {declared.Type}; only a histogram's buckets and SLO can be overridden.", Buckets is null ? nameof(Slo) : nameof(Buckets));
        }

        var buckets = Buckets?.ToArray() ?? [.. declared.Buckets];
        var problem = BucketLayout.Validate(buckets)
                      ?? (buckets.Length > BucketLayout.MaxCount ? "more than " + BucketLayout.MaxCount.ToString(CultureInfo.InvariantCulture) + " buckets" : null);
        if (problem is not null)
        {
            throw new ArgumentException($"Histogram '{declared.Name}': the bucket override is invalid: {problem}.", nameof(Buckets));
        }

        var slo = Slo ?? declared.Slo;
        if (slo != 0 && Array.IndexOf(buckets, slo) < 0)
        {
            // A declared SLO that the new buckets drop is as wrong as a bad override: the SLO ratio would not be exact.
            throw new ArgumentException(
                $"Histogram '{declared.Name}': SLO {slo.ToString("R", CultureInfo.InvariantCulture)} is not one of the bucket bounds, so the SLO ratio would not be exact.",
                nameof(Slo));
        }

        return new MetricDescriptor(
            declared.Name, declared.Type, declared.Help, declared.Unit, [.. declared.LabelNames], buckets, quantiles: null, slo, declared.MaxAgeSeconds, declared.AgeBuckets)
        {
            DeclaringType = declared.DeclaringType,
            DeclaringMember = declared.DeclaringMember,
        };
    }

    /// <summary>
    /// For generated constructors: <paramref name="overrides"/>' descriptor of <paramref name="declared"/>, after checking
    /// that every <see cref="MaxValues"/> key is one of <paramref name="boundedLabels"/>.
    /// </summary>
    /// <param name="overrides">The overrides, or null.</param>
    /// <param name="declared">The generated <c>Descriptor</c>.</param>
    /// <param name="boundedLabels">The metric's bounded string labels, the only ones with a <c>MaxValues</c>.</param>
    /// <returns>The descriptor to register.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static MetricDescriptor DescriptorOf(MetricOverrides? overrides, MetricDescriptor declared, params string[] boundedLabels)
    {
        if (overrides is null)
        {
            return declared;
        }

        var descriptor = overrides.DescriptorFor(declared);
        foreach (var label in overrides.MaxValues.Keys)
        {
            if (Array.IndexOf(boundedLabels, label) < 0)
            {
                throw new ArgumentException($"Metric '{declared.Name}': label '{label}' has a fixed set of values; only a bounded string label's MaxValues can be overridden.", nameof(MaxValues));
            }
        }

        return descriptor;
    }

    /// <summary>For generated constructors: the <c>MaxValues</c> of <paramref name="label"/>, overridden or <paramref name="declaredMaxValues"/>.</summary>
    /// <param name="overrides">The overrides, or null.</param>
    /// <param name="declared">The generated <c>Descriptor</c>, named by the exception.</param>
    /// <param name="label">The bounded label's name.</param>
    /// <param name="declaredMaxValues">What the declaration says.</param>
    /// <returns>The bound to create the label with.</returns>
    /// <exception cref="ArgumentOutOfRangeException">When the override is below 1 (or <see cref="int.MaxValue"/>).</exception>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static int MaxValuesOf(MetricOverrides? overrides, MetricDescriptor declared, string label, int declaredMaxValues)
    {
        if (overrides is null || !overrides.MaxValues.TryGetValue(label, out var maxValues))
        {
            return declaredMaxValues;
        }

        if (maxValues < 1 || maxValues == int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxValues), maxValues, $"Metric '{declared.Name}': MaxValues of label '{label}' must be at least 1 (and below int.MaxValue), not {maxValues}.");
        }

        return maxValues;
    }
}
