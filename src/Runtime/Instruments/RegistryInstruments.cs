using System.Diagnostics.Metrics;
using System.Reflection;

namespace Metrics.Generators;

/// <summary>
/// RegistryInstruments is what a publishing <see cref="MetricRegistry"/> adds: one <see cref="Meter"/> per declaring
/// assembly (named by <see cref="MetricMeters.NameOf(MetricDescriptor)"/>; one meter of the registry's
/// <see cref="MetricRegistry.MeterName"/> instead, when it has one; its <see cref="Meter.Scope"/> the
/// registry, the mark that tells a meter is ours) and one instrument per registered family.
/// </summary>
/// <remarks>
/// <see cref="Publish"/> and <see cref="Withdraw"/> run under the registry's lock, so they need none of their own
/// beyond what lets <see cref="MeterNames"/> be read from any thread. Meters and instruments live as long as the
/// registry; a withdrawn family's instrument stays on its meter but reports nothing.
/// </remarks>
internal sealed class RegistryInstruments
{
    private readonly MetricRegistry _registry;
    private readonly KeyValuePair<string, object?>[] _constantTags;
    private readonly Dictionary<string, Meter> _meters = new(StringComparer.Ordinal);
    private readonly Dictionary<MetricFamily, FamilyInstrument?> _instruments = new(ReferenceEqualityComparer.Instance);
    private string[] _meterNames = [];

    public RegistryInstruments(MetricRegistry registry)
    {
        _registry = registry;
        _constantTags = registry.ConstantLabels.Select(static label => new KeyValuePair<string, object?>(label.Key, label.Value)).ToArray();
    }

    /// <summary>The names of the meters created so far, ordinally sorted.</summary>
    public IReadOnlyList<string> MeterNames => Volatile.Read(ref _meterNames);

    /// <summary>Publishes (or republishes) each of <paramref name="families"/>.</summary>
    public void Publish(ReadOnlySpan<MetricFamily> families)
    {
        foreach (var family in families)
        {
            if (!_instruments.TryGetValue(family, out var instrument))
            {
                instrument = FamilyInstrument.Create(MeterOf(family.Descriptor), family, _constantTags);
                _instruments.Add(family, instrument);
            }

            instrument?.Activate();
        }
    }

    /// <summary>Stops reporting each of <paramref name="families"/>.</summary>
    public void Withdraw(ReadOnlySpan<MetricFamily> families)
    {
        foreach (var family in families)
        {
            if (_instruments.TryGetValue(family, out var instrument))
            {
                instrument?.Deactivate();
            }
        }
    }

    /// <summary>The instrument of <paramref name="family"/> in this registry, if it has one (tests and the bridge's diagnostics).</summary>
    public Instrument? InstrumentOf(MetricFamily family)
        => _instruments.TryGetValue(family, out var instrument) ? instrument?.Instrument : null;

    private Meter MeterOf(MetricDescriptor descriptor)
    {
        var name = _registry.MeterName ?? MetricMeters.NameOf(descriptor);
        if (!_meters.TryGetValue(name, out var meter))
        {
            var version = descriptor.DeclaringType?.Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
            meter = new Meter(new MeterOptions(name) { Version = version, Scope = _registry });
            _meters.Add(name, meter);
            var names = _meters.Keys.ToArray();
            Array.Sort(names, StringComparer.Ordinal);
            Volatile.Write(ref _meterNames, names);
        }

        return meter;
    }
}
