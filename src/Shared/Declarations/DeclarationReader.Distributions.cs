using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Metrics.Generators.Shared.Diagnostics;
using Microsoft.CodeAnalysis;

namespace Metrics.Generators.Shared.Declarations;

// Histogram buckets (MG0006) and summary quantiles and window (MG0007). Invalid values are reported and
// replaced by the defaults, so the metric still compiles while the analyzer shows the error.
internal sealed partial class DeclarationReader
{
    /// <summary>The most bucket bounds a layout may produce: beyond it the arguments are surely a mistake (and would bloat the compiler's memory).</summary>
    public const int MaxBucketCount = BucketLayout.MaxCount;

    /// <summary>The default sliding window of a summary, in seconds.</summary>
    public const double DefaultMaxAgeSeconds = 600;

    /// <summary>The default number of sub-windows of a summary.</summary>
    public const int DefaultAgeBuckets = 5;

    private (EquatableArray<double> Buckets, double Slo) ReadBuckets(
        ImmutableArray<AttributeData> attributes, AttributeData metricAttribute, MetricKind kind, string? name)
    {
        var metric = name ?? _syntax.Identifier.ValueText;
        var sources = new List<(string Source, double[]? Bounds, string? Error, Location Location)>();
        if (kind == MetricKind.Histogram && Named(metricAttribute, "Buckets") is { } declared && AsDoubleArray(declared) is { } bounds)
        {
            sources.Add(("Buckets", bounds, null, ArgumentLocation(metricAttribute, "Buckets")));
        }

        foreach (var attribute in attributes)
        {
            if (ReadLayout(attribute) is not { } layout)
            {
                continue;
            }

            if (kind != MetricKind.Histogram)
            {
                Report(DiagnosticDescriptors.InvalidBuckets, AttributeLocation(attribute), metric, "[" + AttributeDisplayName(attribute) + "] applies only to histograms");
                continue;
            }

            sources.Add((layout.Source, layout.Bounds, layout.Error, AttributeLocation(attribute)));
        }

        if (kind != MetricKind.Histogram)
        {
            return (EquatableArray<double>.Empty, 0);
        }

        var buckets = BucketLayout.Default;
        if (sources.Count > 1)
        {
            Report(
                DiagnosticDescriptors.InvalidBuckets,
                sources[1].Location,
                metric,
                "buckets are declared twice (" + string.Join(", ", sources.Select(s => s.Source)) + "): keep one");
        }
        else if (sources.Count == 1)
        {
            var source = sources[0];
            var error = source.Error
                        ?? (source.Bounds is null ? null : BucketLayout.Validate(source.Bounds))
                        ?? (source.Bounds is { Length: > MaxBucketCount } ? "more than " + MaxBucketCount + " buckets" : null);
            if (error is not null)
            {
                Report(DiagnosticDescriptors.InvalidBuckets, source.Location, metric, error);
            }
            else if (source.Bounds is not null)
            {
                buckets = source.Bounds;
            }
        }

        var slo = Named(metricAttribute, "Slo") is { } sloArgument ? AsDouble(sloArgument) ?? 0 : 0;
        if (slo != 0)
        {
            var error = !IsFinite(slo) || slo < 0
                ? "Slo must be positive and finite"
                : !buckets.Contains(slo)
                    ? "Slo " + Format(slo) + " is not one of the bucket bounds, so the SLO ratio would not be exact"
                    : null;
            if (error is not null)
            {
                Report(DiagnosticDescriptors.InvalidBuckets, ArgumentLocation(metricAttribute, "Slo"), metric, error);
                slo = 0;
            }
        }

        return (new EquatableArray<double>(buckets.ToArray()), slo);
    }

    // A bucket-layout attribute: its name, its bounds (null when the arguments are erroneous), or what is wrong.
    private (string Source, double[]? Bounds, string? Error)? ReadLayout(AttributeData attribute)
    {
        var attributeClass = attribute.AttributeClass;
        var source = "[" + AttributeDisplayName(attribute) + "]";
        if (Is(attributeClass, _known.LinearBuckets) || Is(attributeClass, _known.ExponentialBuckets))
        {
            var linear = Is(attributeClass, _known.LinearBuckets);
            if (Positional(attribute, 0) is not { } first || AsDouble(first) is not { } start
                || Positional(attribute, 1) is not { } second || AsDouble(second) is not { } step
                || Positional(attribute, 2) is not { } third || AsInt(third) is not { } count)
            {
                return (source, null, null);
            }

            if (count > MaxBucketCount)
            {
                return (source, null, "count " + count + " is more than " + MaxBucketCount + " buckets");
            }

            var bounds = linear ? BucketLayout.Linear(start, step, count) : BucketLayout.Exponential(start, step, count);
            return bounds is not null
                ? (source, bounds, null)
                : (source, null, linear
                    ? "[LinearBuckets] needs a finite start, a positive width and count >= 1"
                    : "[ExponentialBuckets] needs start > 0, factor > 1, count >= 1 and a finite last bound");
        }

        if (Is(attributeClass, _known.SloBuckets))
        {
            if (Positional(attribute, 0) is not { } argument || AsDoubleArray(argument) is not { } thresholds)
            {
                return (source, null, null);
            }

            var bounds = BucketLayout.SloAligned(thresholds);
            return bounds is not null ? (source, bounds, null) : (source, null, "[SloBuckets] needs at least one threshold, each positive and finite");
        }

        return null;
    }

    private (EquatableArray<double> Quantiles, double MaxAgeSeconds, int AgeBuckets) ReadSummary(
        AttributeData metricAttribute, MetricKind kind, string? name)
    {
        if (kind != MetricKind.Summary)
        {
            return (EquatableArray<double>.Empty, DefaultMaxAgeSeconds, DefaultAgeBuckets);
        }

        var metric = name ?? _syntax.Identifier.ValueText;
        var quantiles = new SortedSet<double>();
        if (Named(metricAttribute, "Quantiles") is { } declared && AsDoubleArray(declared) is { } values)
        {
            var location = ArgumentLocation(metricAttribute, "Quantiles");
            foreach (var quantile in values)
            {
                if (!(quantile > 0 && quantile < 1))
                {
                    Report(DiagnosticDescriptors.InvalidSummary, location, metric, "quantile " + Format(quantile) + " is not between 0 and 1 (exclusive)");
                }
                else if (!quantiles.Add(quantile))
                {
                    Report(DiagnosticDescriptors.InvalidSummary, location, metric, "quantile " + Format(quantile) + " is declared twice");
                }
            }
        }

        var maxAge = Named(metricAttribute, "MaxAgeSeconds") is { } maxAgeArgument ? AsDouble(maxAgeArgument) ?? DefaultMaxAgeSeconds : DefaultMaxAgeSeconds;
        if (!IsFinite(maxAge) || maxAge <= 0)
        {
            Report(DiagnosticDescriptors.InvalidSummary, ArgumentLocation(metricAttribute, "MaxAgeSeconds"), metric, "MaxAgeSeconds must be positive and finite");
            maxAge = DefaultMaxAgeSeconds;
        }

        var ageBuckets = Named(metricAttribute, "AgeBuckets") is { } ageArgument ? AsInt(ageArgument) ?? DefaultAgeBuckets : DefaultAgeBuckets;
        if (ageBuckets < 1)
        {
            Report(DiagnosticDescriptors.InvalidSummary, ArgumentLocation(metricAttribute, "AgeBuckets"), metric, "AgeBuckets must be at least 1");
            ageBuckets = DefaultAgeBuckets;
        }

        return (new EquatableArray<double>(quantiles.ToArray()), maxAge, ageBuckets);
    }
}
