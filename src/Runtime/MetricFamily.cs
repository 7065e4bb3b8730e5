using Metrics.Generators.Shared;
using Metrics.Generators.Shared.Declarations;

namespace Metrics.Generators;

/// <summary>
/// MetricFamily is one metric as a registry sees it: a descriptor, its label dimensions and the series created
/// so far. <see cref="MetricFamily{TCell}"/> holds the recorded series of every metric type and hands out cells
/// by series index; the default collectors' callback families read theirs at scrape time. A registry hands its
/// families to an exposition format writer, which reads them; a family writes nothing itself.
/// </summary>
/// <remarks>
/// The constructor checks once that the labels match the descriptor's label names, in order, so nothing is
/// checked per observation. A family with no labels creates its single series at once, so it is always exposed.
/// Thread-safe.
/// </remarks>
public abstract class MetricFamily
{
    private readonly LabelDimension[] _labels;

    private protected MetricFamily(MetricDescriptor descriptor, MetricType type, LabelDimension[] labels)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        ArgumentNullException.ThrowIfNull(labels);
        if (descriptor.Type != type)
        {
            throw new ArgumentException($"A {type} family needs a {type} descriptor; '{descriptor.Name}' is a {descriptor.Type}.", nameof(descriptor));
        }

        if (labels.Length != descriptor.LabelNames.Count)
        {
            throw new ArgumentException($"Metric '{descriptor.Name}' declares {descriptor.LabelNames.Count} label(s) but {labels.Length} were given.", nameof(labels));
        }

        for (var i = 0; i < labels.Length; i++)
        {
            var label = labels[i] ?? throw new ArgumentException($"Metric '{descriptor.Name}': label {i} is null.", nameof(labels));
            if (label.Name != descriptor.LabelNames[i])
            {
                throw new ArgumentException($"Metric '{descriptor.Name}': label {i} is '{label.Name}' but the descriptor names '{descriptor.LabelNames[i]}'.", nameof(labels));
            }
        }

        Descriptor = descriptor;
        _labels = (LabelDimension[])labels.Clone();
        Labels = Array.AsReadOnly(_labels);
        Text = new FamilyText(descriptor);
        ClaimedNames = SampleNames.Claimed(descriptor.Name, (MetricKind)descriptor.Type);
    }

    /// <summary>What the declaration says about this metric.</summary>
    public MetricDescriptor Descriptor { get; }

    /// <summary>The label dimensions in series-index order.</summary>
    public IReadOnlyList<LabelDimension> Labels { get; }

    /// <summary>How many series have been created so far.</summary>
    public abstract int SeriesCount { get; }

    /// <summary>The label dimensions, for the series table and the exposition's label rendering.</summary>
    internal LabelDimension[] LabelArray => _labels;

    /// <summary>The exposition layer's pre-rendered names and headers of this family.</summary>
    internal FamilyText Text { get; }

    /// <summary>Every name this family puts in an exposition; two families in a registry may not share one.</summary>
    internal string[] ClaimedNames { get; }

    /// <summary>Tells the cells that the family's published instrument changed (families that record into one).</summary>
    internal virtual void RefreshPublished()
    {
    }

    /// <summary>
    /// Called by a registry, under its lock, once this family is part of it. Families fed by an event (the
    /// exceptions collector) subscribe here, so one that was never registered costs nothing.
    /// </summary>
    internal virtual void OnRegistered()
    {
    }

    /// <summary>Called by a registry, under its lock, once this family has been removed from it (unsubscribe here).</summary>
    internal virtual void OnUnregistered()
    {
    }
}
