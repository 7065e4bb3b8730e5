using Metrics.Generators;

namespace OpenTelemetry.Metrics;

/// <summary>
/// MetricsGeneratorsMeterProviderBuilderExtensions adds the meters Metrics.Generators publishes its metrics on to an
/// OpenTelemetry <see cref="MeterProviderBuilder"/>, in OpenTelemetry's namespace as instrumentation packages do.
/// </summary>
public static class MetricsGeneratorsMeterProviderBuilderExtensions
{
    /// <summary>
    /// Adds the meter of every assembly that declares metrics, so the SDK exports the metrics of every publishing
    /// registry (<see cref="MetricRegistry.Default"/> publishes): counters, gauges, histograms and summaries (as
    /// histograms), under their Prometheus names. The process and runtime collectors are not among them: add
    /// .NET's own meters (<c>AddRuntimeInstrumentation</c>, <c>System.Runtime</c>) for those.
    /// </summary>
    /// <remarks>
    /// <para>The SDK fixes its meter filter when the provider is built, while metric types register on first use, so the
    /// names are found then, by reflection, once: meters already published, every loaded assembly and every assembly
    /// the entry assembly references (transitively, leaving out the framework's) that carries
    /// <c>[assembly: DeclaresMetric]</c>, and the ASP.NET Core and database integrations. An assembly loaded later
    /// whose name was not found is not exported: add it with <c>AddMeter("Its.Assembly.Name")</c>.</para>
    /// <para>Two publishing registries holding metrics of one assembly publish two meters of one name, which the SDK
    /// would export side by side: keep other publishing registries to other assemblies.</para>
    /// </remarks>
    /// <param name="builder">The meter provider builder.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    public static MeterProviderBuilder AddMetricsGeneratorsInstrumentation(this MeterProviderBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddMeter([.. DeclaringAssemblies.MeterNames(MetricRegistry.Default)]);
    }

    /// <summary>
    /// Adds the meters <see cref="AddMetricsGeneratorsInstrumentation(MeterProviderBuilder)"/> adds, and those
    /// <paramref name="registry"/> has published so far (a registry created with
    /// <see cref="MetricRegistryOptions.PublishInstruments"/>, whose hand-built descriptors may name no assembly).
    /// For a registry with its own <see cref="MetricRegistry.MeterName"/>, exactly that meter: so one provider per
    /// registry exports that registry alone (several services in one process, each with its own resource).
    /// </summary>
    /// <param name="builder">The meter provider builder.</param>
    /// <param name="registry">A publishing registry.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    /// <exception cref="ArgumentException">When <paramref name="registry"/> does not publish instruments.</exception>
    public static MeterProviderBuilder AddMetricsGeneratorsInstrumentation(this MeterProviderBuilder builder, MetricRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(registry);
        if (!registry.PublishesInstruments)
        {
            throw new ArgumentException(
                "This registry publishes no instruments, so the SDK would see none of its metrics: create it with new MetricRegistryOptions { PublishInstruments = true }.",
                nameof(registry));
        }

        return registry.MeterName is { } meterName
            ? builder.AddMeter(meterName)
            : builder.AddMeter([.. DeclaringAssemblies.MeterNames(registry)]);
    }
}
