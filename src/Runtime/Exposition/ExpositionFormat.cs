namespace Metrics.Generators;

/// <summary>ExpositionFormat names the text formats a registry can write.</summary>
public enum ExpositionFormat
{
    /// <summary>Prometheus text format 0.0.4 (<c>text/plain; version=0.0.4</c>), what every scraper understands.</summary>
    PrometheusText,

    /// <summary>OpenMetrics 1.0 text (<c>application/openmetrics-text; version=1.0.0</c>): adds <c># UNIT</c> and ends with <c># EOF</c>.</summary>
    OpenMetrics,
}
