using System.Buffers;

namespace Metrics.Generators;

/// <summary>
/// ExpositionFormatWriter is one exposition format: the only place that decides what a family and its series look
/// like on the wire. A scrape is a one-way walk: the registry hands its families, in order, to
/// <see cref="Write"/>; the walk here reads each family's series through read-only members (a cell's value,
/// buckets, quantiles; a family's label dimensions and cached <see cref="FamilyText"/>) and calls the format's
/// <c>Write…</c> method per family header, per series and at the end. Cells record and expose values; they write nothing.
/// </summary>
/// <remarks>
/// <para>Adding to the exposition lands in one place: a new format (protobuf, with native histograms) is a new
/// subclass listed in <see cref="All"/>; exemplars are an argument of <see cref="WriteCounter"/> and
/// <see cref="WriteHistogram"/>; a new kind of family or cell (multiprocess) is one more case in the walk.</para>
/// <para>Writers are stateless singletons, so thread-safe; everything a scrape writes goes through its own
/// <see cref="ExpositionBuffer"/>. Per series the walk renders the label block once (<see cref="LabelBlock"/>, into
/// scratch space) and allocates nothing; a summary family rents one merge buffer for all its series.</para>
/// </remarks>
internal abstract class ExpositionFormatWriter
{
    private const int StackQuantiles = 32;

    /// <summary>Every format, indexed by <see cref="Slot"/>; <see cref="FamilyText"/> renders a header for each.</summary>
    public static readonly ExpositionFormatWriter[] All = [new PrometheusTextWriter(0), new OpenMetricsTextWriter(1)];

    private protected ExpositionFormatWriter(int slot) => Slot = slot;

    /// <summary>This writer's index in <see cref="All"/> (and in each family's cached headers).</summary>
    public int Slot { get; }

    /// <summary>The writer of <paramref name="format"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="format"/> is not a defined value.</exception>
    public static ExpositionFormatWriter For(ExpositionFormat format) => format switch
    {
        ExpositionFormat.PrometheusText => All[0],
        ExpositionFormat.OpenMetrics => All[1],
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown exposition format."),
    };

    /// <summary>Renders the family header (HELP, TYPE, UNIT, …) this format writes before the samples; cached per family.</summary>
    public abstract byte[] RenderHeader(MetricDescriptor descriptor);

    /// <summary>
    /// Renders the <c>target_info</c> family for a registry's identity, whose label block is
    /// <paramref name="labels"/>; cached per registry (<see cref="RegistryText"/>).
    /// </summary>
    public abstract byte[] RenderTargetInfo(ReadOnlySpan<byte> labels);

    /// <summary>
    /// Writes the registry's <c>target_info</c> (if any), every family in order, then the format's end; every label
    /// block starts with the registry's constant labels. Allocation-free per series.
    /// </summary>
    public void Write(ReadOnlySpan<MetricFamily> families, IBufferWriter<byte> output, RegistryText registry)
    {
        var buffer = new ExpositionBuffer(output, registry.ConstantLabels);
        buffer.Write(registry.TargetInfo(this));
        foreach (var family in families)
        {
            WriteFamily(ref buffer, family);
        }

        WriteEnd(ref buffer);
        buffer.Flush();
    }

    /// <summary>Writes the HELP/TYPE(/UNIT) lines of a family.</summary>
    protected virtual void WriteFamilyHeader(ref ExpositionBuffer buffer, FamilyText text) => buffer.Write(text.Header(this));

    /// <summary>Writes one counter sample (stored or read from a callback).</summary>
    protected abstract void WriteCounter(ref ExpositionBuffer buffer, FamilyText text, scoped ReadOnlySpan<byte> labels, CounterValue value);

    /// <summary>Writes one gauge sample (stored or read from a callback).</summary>
    protected abstract void WriteGauge(ref ExpositionBuffer buffer, FamilyText text, scoped ReadOnlySpan<byte> labels, double value);

    /// <summary>Writes one histogram series from its cell's (non-cumulative) bucket counts and sum.</summary>
    protected abstract void WriteHistogram(ref ExpositionBuffer buffer, FamilyText text, scoped ReadOnlySpan<byte> labels, HistogramCell cell);

    /// <summary>Writes one summary series: its quantiles (empty when it has none), sum and count.</summary>
    protected abstract void WriteSummary(ref ExpositionBuffer buffer, FamilyText text, scoped ReadOnlySpan<byte> labels, scoped ReadOnlySpan<double> quantiles, double sum, long count);

    /// <summary>Writes what ends an exposition (nothing, unless the format has an end marker).</summary>
    protected virtual void WriteEnd(ref ExpositionBuffer buffer)
    {
    }

    // The walk: one case per kind of family, each reading its series and handing them to the format.
    private void WriteFamily(ref ExpositionBuffer buffer, MetricFamily family)
    {
        var text = family.Text;
        WriteFamilyHeader(ref buffer, text);
        switch (family)
        {
            case MetricFamily<CounterCell> counters:
                foreach (var cell in counters.Series)
                {
                    WriteCounter(ref buffer, text, LabelsOf(family, cell), cell.Snapshot());
                }

                break;
            case MetricFamily<GaugeCell> gauges:
                foreach (var cell in gauges.Series)
                {
                    WriteGauge(ref buffer, text, LabelsOf(family, cell), cell.Collect());
                }

                break;
            case MetricFamily<HistogramCell> histograms:
                foreach (var cell in histograms.Series)
                {
                    WriteHistogram(ref buffer, text, LabelsOf(family, cell), cell);
                }

                break;
            case MetricFamily<SummaryCell> summaries:
                WriteSummaries(ref buffer, text, summaries);
                break;
            case CallbackFamily callbacks:
                WriteCallbacks(ref buffer, text, callbacks);
                break;
            case ImportedFamily imported:
                WriteImported(ref buffer, text, imported);
                break;
        }
    }

    // An imported instrument's series carry their own label blocks (tag sets are only known at run time).
    private void WriteImported(ref ExpositionBuffer buffer, FamilyText text, ImportedFamily family)
    {
        var series = family.Series;
        var count = series.Count;
        for (var i = 0; i < count; i++)
        {
            var one = series.At(i);
            switch (one.Cell)
            {
                case CounterCell counter:
                    WriteCounter(ref buffer, text, one.LabelBlock, counter.Snapshot());
                    break;
                case HistogramCell histogram:
                    WriteHistogram(ref buffer, text, one.LabelBlock, histogram);
                    break;
                case GaugeCell gauge when family.Descriptor.Type == MetricType.Counter:
                    // An observable counter's total, as observed: left out while it is not a valid counter value.
                    var total = gauge.Collect();
                    if (total >= 0)
                    {
                        WriteCounter(ref buffer, text, one.LabelBlock, CounterValue.Of(total));
                    }

                    break;
                case GaugeCell gauge:
                    WriteGauge(ref buffer, text, one.LabelBlock, gauge.Collect());
                    break;
            }
        }
    }

    private void WriteSummaries(ref ExpositionBuffer buffer, FamilyText text, MetricFamily<SummaryCell> family)
    {
        if (family.SeriesCount == 0)
        {
            return;
        }

        var quantileCount = family.Descriptor.QuantileValues.Length;
        if (quantileCount == 0)
        {
            foreach (var cell in family.Series)
            {
                WriteSummary(ref buffer, text, LabelsOf(family, cell), default, cell.Sum, cell.Count);
            }

            return;
        }

        var merge = ArrayPool<long>.Shared.Rent(MergedCounts.BufferLength);
        try
        {
            var merged = new MergedCounts(merge);
            var results = quantileCount <= StackQuantiles ? stackalloc double[StackQuantiles] : new double[quantileCount];
            results = results[..quantileCount];
            foreach (var cell in family.Series)
            {
                cell.Quantiles(ref merged, results);
                WriteSummary(ref buffer, text, LabelsOf(family, cell), results, cell.Sum, cell.Count);
            }
        }
        finally
        {
            ArrayPool<long>.Shared.Return(merge);
        }
    }

    private void WriteCallbacks(ref ExpositionBuffer buffer, FamilyText text, CallbackFamily family)
    {
        var counter = family.Descriptor.Type == MetricType.Counter;
        for (var i = 0; i < family.SeriesCount; i++)
        {
            if (!family.TryRead(i, out var value))
            {
                continue;
            }

            if (counter)
            {
                WriteCounter(ref buffer, text, family.LabelBlockAt(i), CounterValue.Of(value));
            }
            else
            {
                WriteGauge(ref buffer, text, family.LabelBlockAt(i), value);
            }
        }
    }

    // Valid until the next call on this thread: render once per series, then write all its samples.
    private static ReadOnlySpan<byte> LabelsOf(MetricFamily family, SeriesCell cell)
        => LabelBlock.RenderToScratch(family.LabelArray, cell.SeriesIndex);
}
