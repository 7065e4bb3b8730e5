namespace Metrics.Generators.AspNetCore;

/// <summary>
/// CollectorsRegistration registers the default collectors of <see cref="MetricsOptions.Collectors"/> once per registry.
/// Both the startup filter and the meter import call it, whichever runs first, so the collectors always hold their
/// names and a clashing imported instrument is the one skipped (never the app's start failing on the collectors).
/// </summary>
internal sealed class CollectorsRegistration
{
    private static readonly CollectorsRegistration Done = new();

    public static void Ensure(MetricsOptions options)
    {
        if (options.Collectors is { } collectors)
        {
            PerRegistry<CollectorsRegistration>.GetOrCreate(options.Registry, registry =>
            {
                DefaultCollectors.Register(registry, collectors);
                return Done;
            });
        }
    }
}
