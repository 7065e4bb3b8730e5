using System.Diagnostics.Metrics;

namespace Metrics.Generators;

/// <summary>
/// ImportedKind is how an instrument's measurements land in a series: added (counters, up-down counters), set
/// (gauges and every observable instrument, which report totals) or observed (histograms).
/// </summary>
internal enum ImportedKind
{
    /// <summary><c>Counter&lt;T&gt;</c>: each measurement is an increment of a Prometheus counter.</summary>
    Counter,

    /// <summary><c>ObservableCounter&lt;T&gt;</c>: each observation is the counter's total.</summary>
    ObservableCounter,

    /// <summary><c>UpDownCounter&lt;T&gt;</c>: each measurement is a change of a Prometheus gauge.</summary>
    UpDownCounter,

    /// <summary><c>ObservableUpDownCounter&lt;T&gt;</c>: each observation is the gauge's total.</summary>
    ObservableUpDownCounter,

    /// <summary><c>Gauge&lt;T&gt;</c>, <c>ObservableGauge&lt;T&gt;</c>: each measurement is the gauge's value (not additive).</summary>
    Gauge,

    /// <summary><c>Histogram&lt;T&gt;</c>: each measurement is an observation of a Prometheus histogram.</summary>
    Histogram,
}

/// <summary>ImportedKinds reads an instrument's kind from its type.</summary>
internal static class ImportedKinds
{
    /// <summary>The kind of <paramref name="instrument"/>, or null for an instrument type this version does not know.</summary>
    public static ImportedKind? Of(Instrument instrument)
    {
        var type = instrument.GetType();
        if (!type.IsGenericType)
        {
            return null;
        }

        var definition = type.GetGenericTypeDefinition();
        return definition == typeof(Counter<>) ? ImportedKind.Counter
            : definition == typeof(ObservableCounter<>) ? ImportedKind.ObservableCounter
            : definition == typeof(UpDownCounter<>) ? ImportedKind.UpDownCounter
            : definition == typeof(ObservableUpDownCounter<>) ? ImportedKind.ObservableUpDownCounter
            : definition == typeof(Gauge<>) || definition == typeof(ObservableGauge<>) ? ImportedKind.Gauge
            : definition == typeof(Histogram<>) ? ImportedKind.Histogram
            : null;
    }

    /// <summary>The Prometheus type a kind is exposed as.</summary>
    public static MetricType TypeOf(ImportedKind kind) => kind switch
    {
        ImportedKind.Counter or ImportedKind.ObservableCounter => MetricType.Counter,
        ImportedKind.Histogram => MetricType.Histogram,
        _ => MetricType.Gauge,
    };
}
