namespace Metrics.Generators.Generator;

/// <summary>StepNames are the tracking names of the pipeline steps; tests assert they stay cached across runs.</summary>
internal static class StepNames
{
    /// <summary>The models read from <c>[Counter]</c> properties.</summary>
    public const string Counters = nameof(Counters);

    /// <summary>The models read from <c>[Gauge]</c> properties.</summary>
    public const string Gauges = nameof(Gauges);

    /// <summary>The models read from <c>[Histogram]</c> properties.</summary>
    public const string Histograms = nameof(Histograms);

    /// <summary>The models read from <c>[Summary]</c> properties.</summary>
    public const string Summaries = nameof(Summaries);

    /// <summary>The stand-ins for declarations that cannot be emitted.</summary>
    public const string Fallbacks = nameof(Fallbacks);

    /// <summary>Each metric's catalogue entry.</summary>
    public const string CatalogEntries = nameof(CatalogEntries);

    /// <summary>All catalogue entries, sorted.</summary>
    public const string Catalog = nameof(Catalog);

    /// <summary>Every tracked step, for tests.</summary>
    public static readonly string[] All = [Counters, Gauges, Histograms, Summaries, Fallbacks, CatalogEntries, Catalog];
}
