using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;

namespace Metrics.Generators;

/// <summary>
/// RecordedFamilyInstrument publishes a histogram or summary family as a <see cref="Histogram{T}"/> (with the
/// histogram's bucket bounds as advice): each observation a cell records is also recorded here, with the series' tags,
/// while a listener has the instrument enabled. OpenTelemetry has no summary: a summary shows there as a histogram
/// whose <c>_sum</c> and <c>_count</c> equal ours (its buckets are the SDK's defaults; our quantiles are not sent).
/// </summary>
/// <remarks>
/// The family's <see cref="InstrumentSlot"/> holds it, and the family hands its <see cref="Histogram"/> to every cell
/// (<c>RefreshPublished</c>, under the series table's creation lock, so no cell created meanwhile misses it): after
/// recording, a cell checks that field's <see cref="Instrument.Enabled"/> inline and calls <see cref="Record"/> only then. The tags are built on a
/// series' first enabled recording and kept on the cell, so later recordings allocate nothing.
/// </remarks>
internal sealed class RecordedFamilyInstrument : FamilyInstrument
{
    private readonly InstrumentSlot _slot;
    private readonly LabelDimension[] _labels;

    public RecordedFamilyInstrument(Meter meter, MetricFamily family, InstrumentSlot slot, KeyValuePair<string, object?>[] constantTags)
        : base(family, constantTags)
    {
        _slot = slot;
        _labels = family.LabelArray;
        var descriptor = family.Descriptor;

        // Summaries have no bounds to advise: the listener's defaults apply.
        var advice = descriptor.Type == MetricType.Histogram
            ? new InstrumentAdvice<double> { HistogramBucketBoundaries = descriptor.BucketBounds }
            : null;
        Histogram = meter.CreateHistogram<double>(InstrumentNaming.Name(descriptor), InstrumentNaming.Unit(descriptor.Unit), descriptor.Help, tags: null, advice);
    }

    /// <summary>The instrument the cells record into.</summary>
    public Histogram<double> Histogram { get; }

    public override Instrument Instrument => Histogram;

    public override void Activate()
    {
        _slot.Attach(this);
        Family.RefreshPublished();
    }

    public override void Deactivate()
    {
        _slot.Detach(this);
        Family.RefreshPublished();
    }

    /// <summary>Records <paramref name="value"/> with the tags of the series at <paramref name="seriesIndex"/>, kept in <paramref name="tags"/>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public void Record(ref SeriesTags? tags, long seriesIndex, double value)
    {
        // Two threads building a series' tags at once build equal arrays; either may stay.
        var kept = tags;
        if (kept is null || !ReferenceEquals(kept.Owner, this))
        {
            tags = kept = SeriesTags.For(this, ConstantTags, _labels, seriesIndex);
        }

        Histogram.Record(value, new ReadOnlySpan<KeyValuePair<string, object?>>(kept.Values));
    }
}
