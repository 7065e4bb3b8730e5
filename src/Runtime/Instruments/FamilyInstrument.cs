using System.Diagnostics.Metrics;

namespace Metrics.Generators;

/// <summary>
/// FamilyInstrument is one family's instrument in one publishing registry. It is created the first time the family is
/// registered there and kept for the registry's life (a meter cannot drop an instrument): unregistering deactivates it,
/// registering the family again reactivates the same instrument.
/// </summary>
internal abstract class FamilyInstrument
{
    private protected FamilyInstrument(MetricFamily family, KeyValuePair<string, object?>[] constantTags)
    {
        Family = family;
        ConstantTags = constantTags;
    }

    /// <summary>The family whose series this instrument reports.</summary>
    public MetricFamily Family { get; }

    /// <summary>The registry's constant labels as tags, first in every series' tags.</summary>
    private protected KeyValuePair<string, object?>[] ConstantTags { get; }

    /// <summary>The instrument on the registry's meter for the family's declaring assembly.</summary>
    public abstract Instrument Instrument { get; }

    /// <summary>Starts reporting the family's series (called by the registry, under its lock).</summary>
    public abstract void Activate();

    /// <summary>Stops reporting: observable callbacks return nothing, recordings stop (called under the registry's lock).</summary>
    public abstract void Deactivate();

    /// <summary>Creates the instrument of <paramref name="family"/> on <paramref name="meter"/>, or null for families that are not published.</summary>
    public static FamilyInstrument? Create(Meter meter, MetricFamily family, KeyValuePair<string, object?>[] constantTags) => family switch
    {
        MetricFamily<CounterCell> counters => new ObservedFamilyInstrument<CounterCell>(meter, counters, constantTags),
        MetricFamily<GaugeCell> gauges => new ObservedFamilyInstrument<GaugeCell>(meter, gauges, constantTags),
        MetricFamily<HistogramCell> histograms => new RecordedFamilyInstrument(meter, histograms, histograms.Instruments!, constantTags),
        MetricFamily<SummaryCell> summaries => new RecordedFamilyInstrument(meter, summaries, summaries.Instruments!, constantTags),

        // Callback families (process and runtime collectors) are not published: the runtime has meters of its own.
        _ => null,
    };
}
