using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Metrics.Generators;

namespace OpenTelemetry.Metrics;

/// <summary>
/// DeclaringAssemblies finds, once when a meter provider is built, the names of the meters Metrics.Generators metrics
/// are or will be published on: one per assembly that declares metrics (<see cref="MetricMeters.NameOf(Assembly)"/>).
/// </summary>
internal static class DeclaringAssemblies
{
    // The integrations declare their metrics themselves but register them only when the host asks; their meters are
    // named here so that they are exported even if the integration's assembly was not loaded at provider build.
    private static readonly string[] Integrations = ["Metrics.Generators.AspNetCore", "Metrics.Generators.Data"];

    // Framework and SDK assemblies declare no metrics of ours: the walk neither loads nor descends into them.
    private static readonly string[] SkippedPrefixes = ["System", "Microsoft.", "netstandard", "mscorlib", "WindowsBase", "OpenTelemetry"];

    /// <summary>The meter names to add, ordinally sorted.</summary>
    public static SortedSet<string> MeterNames(MetricRegistry registry)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal) { MetricMeters.FallbackName };
        names.UnionWith(Integrations);
        names.UnionWith(MetricMeters.InUse(registry));
        names.UnionWith(MetricMeters.InUse(MetricRegistry.Default));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
        {
            Add(assembly, names);
            seen.Add(assembly.GetName().Name ?? string.Empty);
        }

        if (Assembly.GetEntryAssembly() is { } entry)
        {
            Walk(entry, seen, names);
        }

        return names;
    }

    // Breadth-first over the entry assembly's references; loading one the app references anyway is what the app
    // would do on first use, and a reference that cannot be loaded is skipped.
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "A reference the trimmer removed is one the app never uses, so it records none of its metrics; every assembly it keeps is still listed.")]
    private static void Walk(Assembly entry, HashSet<string> seen, SortedSet<string> names)
    {
        var pending = new Queue<Assembly>();
        pending.Enqueue(entry);
        while (pending.TryDequeue(out var assembly))
        {
            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                if (reference.Name is not { } name || IsSkipped(name) || !seen.Add(name))
                {
                    continue;
                }

                Assembly loaded;
                try
                {
                    loaded = Assembly.Load(reference);
                }
                catch (Exception exception) when (exception is FileNotFoundException or FileLoadException or BadImageFormatException)
                {
                    continue;
                }

                Add(loaded, names);
                pending.Enqueue(loaded);
            }
        }
    }

    private static void Add(Assembly assembly, SortedSet<string> names)
    {
        if (assembly.IsDynamic || !assembly.IsDefined(typeof(DeclaresMetricAttribute), inherit: false))
        {
            return;
        }

        foreach (var declared in assembly.GetCustomAttributes<DeclaresMetricAttribute>())
        {
            names.Add(MetricMeters.NameOf(declared.DeclaringType.Assembly));
        }
    }

    private static bool IsSkipped(string name)
    {
        foreach (var prefix in SkippedPrefixes)
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
