using Metrics.Generators;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace OrderSystem;

/// <summary>
/// OtlpPush is the sample's push mode (<c>--otlp http://127.0.0.1:4318</c>): each service's metrics go through the
/// OpenTelemetry SDK and its OTLP exporter (HTTP, protobuf) to a collector, besides being served on <c>/metrics</c>.
/// The OTLP resource is the registry's <c>target_info</c> identity, so pushed and pulled series of a service join.
/// </summary>
/// <param name="Endpoint">The collector's base address; the exporter posts to <c>/v1/metrics</c> under it.</param>
/// <param name="Temporality">Cumulative (what Prometheus keeps) or delta (what some backends want).</param>
/// <param name="IntervalMilliseconds">How often the SDK collects and exports.</param>
internal sealed record OtlpPush(Uri Endpoint, MetricReaderTemporalityPreference Temporality, int IntervalMilliseconds)
{
    /// <summary>Reads <c>--otlp URL [--otlp-temporality cumulative|delta] [--otlp-interval-ms N]</c>; null without <c>--otlp</c>.</summary>
    public static OtlpPush? FromArguments(string[] args)
    {
        var endpoint = Value(args, "--otlp");
        if (endpoint is null)
        {
            return null;
        }

        var temporality = Value(args, "--otlp-temporality") switch
        {
            null or "cumulative" => MetricReaderTemporalityPreference.Cumulative,
            "delta" => MetricReaderTemporalityPreference.Delta,
            var other => throw new ArgumentException($"--otlp-temporality must be 'cumulative' or 'delta', not '{other}'."),
        };
        var interval = Value(args, "--otlp-interval-ms") is { } text ? int.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : 10_000;
        return new OtlpPush(new Uri(endpoint, UriKind.Absolute), temporality, interval);
    }

    /// <summary>
    /// Starts exporting <paramref name="registry"/>'s metrics (it must publish instruments) with its identity as the
    /// resource. Disposing the provider exports once more, so a graceful stop loses nothing.
    /// </summary>
    public MeterProvider Start(MetricRegistry registry)
    {
        var resource = ResourceBuilder.CreateEmpty()
            .AddAttributes(registry.TargetInfo.Select(attribute => new KeyValuePair<string, object>(attribute.Key, attribute.Value)));
        return Sdk.CreateMeterProviderBuilder()
            .SetResourceBuilder(resource)
            .AddMetricsGeneratorsInstrumentation(registry)
            .AddOtlpExporter((exporter, reader) =>
            {
                exporter.Protocol = OtlpExportProtocol.HttpProtobuf;
                exporter.Endpoint = new Uri(Endpoint, "v1/metrics");
                reader.TemporalityPreference = Temporality;
                reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = IntervalMilliseconds;
            })
            .Build();
    }

    private static string? Value(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
