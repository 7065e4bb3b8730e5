namespace Metrics.Generators;

/// <summary>
/// MeterImportOptions configures <see cref="MeterImportExtensions.ImportMeters(MetricRegistry, MeterImportOptions, string[])"/>:
/// how many series an imported instrument may create, histogram buckets per instrument, and which meter scope is
/// imported. Read once, when the import starts.
/// </summary>
public sealed class MeterImportOptions
{
    /// <summary>The default of <see cref="MaxSeriesPerInstrument"/>.</summary>
    public const int DefaultMaxSeriesPerInstrument = 2000;

    /// <summary>
    /// The most tag sets an instrument keeps as series of their own (default <see cref="DefaultMaxSeriesPerInstrument"/>,
    /// at least 1). Measurements with further tag sets fold into one series whose label values are <c>__overflow__</c>,
    /// so totals stay exact while the series count stays bounded.
    /// </summary>
    public int MaxSeriesPerInstrument
    {
        get;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            field = value;
        }
    } = DefaultMaxSeriesPerInstrument;

    /// <summary>
    /// Histogram bucket bounds by instrument name as .NET publishes it (<c>"http.server.request.duration"</c>), in the
    /// instrument's unit. They take precedence over the instrument's advice
    /// (<c>InstrumentAdvice&lt;T&gt;.HistogramBucketBoundaries</c>); without either, the defaults of declared histograms
    /// (0.005 … 10) are used. Bounds are validated when the import starts.
    /// </summary>
    public IDictionary<string, double[]> HistogramBuckets { get; } = new Dictionary<string, double[]>(StringComparer.Ordinal);

    /// <summary>
    /// When set, a meter created with a scope (every meter an <c>IMeterFactory</c> creates has that factory as its scope)
    /// is imported only if its scope is this object; meters without a scope (<c>new Meter("X")</c>, the runtime's
    /// <c>System.Runtime</c>) are imported regardless. The ASP.NET Core integration sets the host's <c>IMeterFactory</c>,
    /// so two hosts in one process each show their own requests. Null (the default): any scope.
    /// </summary>
    public object? MeterScope { get; set; }
}
