using System.Runtime.CompilerServices;

namespace Metrics.Generators.AspNetCore;

/// <summary>
/// PerRegistry keeps one instance of a metrics owner per registry. Several hosts in one process — integration
/// tests with one test server per test, or a process hosting several apps — share a registry such as
/// <see cref="MetricRegistry.Default"/>; the second must record into the families the first registered instead of
/// failing on duplicate names. The first host's options (buckets, bounds) win.
/// </summary>
/// <typeparam name="T">The owner of a set of families.</typeparam>
internal static class PerRegistry<T>
    where T : class
{
    // Values are stored as object: ConditionalWeakTable<K, T> would demand T's parameterless constructor be kept for
    // trimming (its GetOrCreateValue uses Activator), which none of the owners has or needs (IL2091).
    private static readonly ConditionalWeakTable<MetricRegistry, object> Instances = new();

    public static T GetOrCreate(MetricRegistry registry, Func<MetricRegistry, T> create)
        => (T)Instances.GetValue(registry, r => create(r));
}
