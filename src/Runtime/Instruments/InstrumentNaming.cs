namespace Metrics.Generators;

/// <summary>
/// InstrumentNaming maps a descriptor to the name and unit of its <c>System.Diagnostics.Metrics</c> instrument, so
/// that OpenTelemetry's Prometheus exporter shows the names our own exposition shows.
/// </summary>
/// <remarks>
/// The name is the Prometheus name (a counter's with <c>_total</c>, which the exporter keeps and does not double); the
/// unit is the UCUM code OpenTelemetry expects (<c>s</c>, <c>By</c>, <c>1</c>), which the exporter turns back into the
/// suffix our name already ends with, so it adds none.
/// </remarks>
internal static class InstrumentNaming
{
    /// <summary>The instrument name: the family name, plus <c>_total</c> for counters (the sample name a scrape shows).</summary>
    public static string Name(MetricDescriptor descriptor)
        => descriptor.Type == MetricType.Counter ? descriptor.FamilyName + "_total" : descriptor.FamilyName;

    /// <summary>The UCUM unit of a Prometheus base unit; units without a UCUM spelling pass unchanged.</summary>
    public static string? Unit(string? unit) => unit switch
    {
        null or "" => null,
        "seconds" => "s",
        "bytes" => "By",
        "ratio" => "1",
        _ => unit,
    };
}
