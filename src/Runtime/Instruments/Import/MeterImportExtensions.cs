namespace Metrics.Generators;

/// <summary>Imports <c>System.Diagnostics.Metrics</c> meters into a <see cref="MetricRegistry"/>.</summary>
public static class MeterImportExtensions
{
    /// <summary>
    /// ImportMeters exposes the instruments of the meters named in <paramref name="meterNames"/> as families of
    /// <paramref name="registry"/>, with the default options, until the returned import is disposed. See
    /// <see cref="MeterImport"/> for names, kinds, bounds and what is skipped.
    /// </summary>
    /// <param name="registry">Where the families are registered.</param>
    /// <param name="meterNames">Meter names (case-insensitive; a trailing <c>*</c> matches a prefix). At least one: nothing is imported by default.</param>
    /// <returns>The running import; dispose it to stop listening and remove its families.</returns>
    /// <exception cref="ArgumentException">When no meter or a blank name is given.</exception>
    public static MeterImport ImportMeters(this MetricRegistry registry, params string[] meterNames)
        => new(registry, new MeterImportOptions(), meterNames);

    /// <summary>ImportMeters with <paramref name="options"/>: series bound, histogram buckets per instrument, meter scope.</summary>
    /// <param name="registry">Where the families are registered.</param>
    /// <param name="options">Read once, now.</param>
    /// <param name="meterNames">Meter names (case-insensitive; a trailing <c>*</c> matches a prefix). At least one.</param>
    /// <returns>The running import; dispose it to stop listening and remove its families.</returns>
    /// <exception cref="ArgumentException">When no meter or a blank name is given, or configured buckets are invalid.</exception>
    public static MeterImport ImportMeters(this MetricRegistry registry, MeterImportOptions options, params string[] meterNames)
        => new(registry, options, meterNames);
}
