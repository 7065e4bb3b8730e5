using System.Buffers;

namespace Metrics.Generators;

/// <summary>
/// MetricRegistry is a set of metric families that is written out together, sorted ordinally by family name so
/// every scrape lists them in the same order. <see cref="Default"/> is where generated metrics register; tests and
/// hosts that want isolation create their own.
/// </summary>
/// <remarks>
/// <para>Registering checks that no two families expose the same name, including derived sample names: a counter
/// <c>x</c> claims <c>x</c> and <c>x_total</c>, a histogram <c>x</c> claims <c>x</c>, <c>x_bucket</c>,
/// <c>x_count</c> and <c>x_sum</c>, a summary <c>x</c> claims <c>x</c>, <c>x_count</c> and <c>x_sum</c>.</para>
/// <para>Concurrency and cost: registration takes a lock and publishes a new sorted array; writing reads that
/// array without a lock, so scrapes never block recording or registration. <see cref="Write"/> allocates nothing
/// per series: everything textual was rendered when families and series were created.</para>
/// </remarks>
public sealed class MetricRegistry
{
    private readonly Lock _gate = new();
    private RegistryText _text;
    private readonly Dictionary<string, MetricFamily> _claimedNames = new(StringComparer.Ordinal);
    private MetricFamily[] _families = [];
    private Action[] _beforeWrite = [];
    private int _lastScrapeSize = 16 * 1024;

    /// <summary>Creates an empty registry that publishes no instruments, with no constant labels and no target_info.</summary>
    public MetricRegistry()
        : this(new MetricRegistryOptions())
    {
    }

    /// <summary>Creates an empty registry configured by <paramref name="options"/> (read once, here).</summary>
    /// <param name="options">Instrument publication, constant labels and service identity.</param>
    public MetricRegistry(MetricRegistryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        PublishesInstruments = options.PublishInstruments;
        ConstantLabels = options.ConstantLabels.ToArray();
        if (options.MeterName is { } meterName && string.IsNullOrWhiteSpace(meterName))
        {
            throw new ArgumentException("MeterName, when set, must not be blank.", nameof(options));
        }

        MeterName = options.MeterName;
        _text = new RegistryText(ConstantLabels, []);
        if (options.TargetInfo.Count > 0)
        {
            SetTargetInfo(options.TargetInfo);
        }

        Instruments = PublishesInstruments ? new RegistryInstruments(this) : null;
    }

    /// <summary>The process-wide registry that generated metrics register in; it publishes its metrics as instruments.</summary>
    public static MetricRegistry Default { get; } = new(new MetricRegistryOptions { PublishInstruments = true });

    /// <summary>Whether families registered here are also published as <c>System.Diagnostics.Metrics</c> instruments.</summary>
    public bool PublishesInstruments { get; }

    /// <summary>The one meter every family of this registry is published on, or null for one per declaring assembly.</summary>
    public string? MeterName { get; }

    /// <summary>The labels every series of this registry carries, before its own.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ConstantLabels { get; }

    /// <summary>The service identity written as <c>target_info</c> (empty: none is written).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> TargetInfo { get; private set; } = [];

    /// <summary>The exposition layer's rendering of the constant labels and target_info.</summary>
    internal RegistryText Text => Volatile.Read(ref _text);

    // Stands in the claimed-names map for target_info, so a family that exposes its names is refused like any clash.
    private static MetricFamily TargetInfoClaim { get; } = new MetricFamily<GaugeCell>(
        new MetricDescriptor(RegistryText.TargetInfoName, MetricType.Gauge, "Target metadata.", unit: null, labelNames: []));

    /// <summary>The meters and instruments of a publishing registry (null when it does not publish).</summary>
    internal RegistryInstruments? Instruments { get; }

    /// <summary>The registered families, in exposition order. A snapshot; later registrations do not change it.</summary>
    public IReadOnlyList<MetricFamily> Families => Array.AsReadOnly(Volatile.Read(ref _families));

    /// <summary>
    /// Sets the service identity this registry writes as <c>target_info</c> (resource attributes such as
    /// <c>service.name</c>; dots become underscores), replacing any set before. For a registry created before the
    /// identity is known, such as <see cref="Default"/>; the next scrape shows it.
    /// </summary>
    /// <param name="attributes">The attributes; an empty set removes <c>target_info</c>.</param>
    /// <exception cref="ArgumentException">When two attributes, or an attribute and a constant label, become one label name.</exception>
    /// <exception cref="InvalidOperationException">When a registered family already exposes <c>target_info</c> or <c>target</c>.</exception>
    public void SetTargetInfo(IEnumerable<KeyValuePair<string, string>> attributes)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        var identity = attributes.ToArray();
        var text = new RegistryText(ConstantLabels, identity);
        lock (_gate)
        {
            // OpenMetrics names the info family "target" and its sample "target_info": no family may expose either.
            foreach (var name in (string[])["target", RegistryText.TargetInfoName])
            {
                if (_claimedNames.TryGetValue(name, out var existing) && existing != TargetInfoClaim)
                {
                    throw new InvalidOperationException($"Cannot write target_info: {Describe(existing)} is registered and exposes '{name}'.");
                }

                if (text.HasTargetInfo)
                {
                    _claimedNames[name] = TargetInfoClaim;
                }
                else
                {
                    _claimedNames.Remove(name);
                }
            }

            TargetInfo = Array.AsReadOnly(identity);
            Volatile.Write(ref _text, text);
        }
    }

    /// <summary>Adds <paramref name="family"/> and returns it, so a field can be initialized in one expression.</summary>
    /// <typeparam name="TFamily">The family type.</typeparam>
    /// <param name="family">The family to add.</param>
    /// <returns><paramref name="family"/>.</returns>
    /// <exception cref="InvalidOperationException">When a registered family already exposes one of its names.</exception>
    public TFamily Register<TFamily>(TFamily family)
        where TFamily : MetricFamily
    {
        ArgumentNullException.ThrowIfNull(family);
        MetricFamily added = family;
        RegisterAll(new ReadOnlySpan<MetricFamily>(in added));
        return family;
    }

    /// <summary>
    /// Adds every family in <paramref name="families"/>, or none: when one of them exposes a name that a registered
    /// family or an earlier one in the list already exposes, it throws what <see cref="Register{TFamily}"/> throws and
    /// the registry is as it was. Scrapes see all of them at once (one publish, one sort).
    /// </summary>
    /// <param name="families">The families to add.</param>
    /// <exception cref="InvalidOperationException">When a name is already exposed.</exception>
    internal void RegisterAll(ReadOnlySpan<MetricFamily> families)
    {
        foreach (var family in families)
        {
            ArgumentNullException.ThrowIfNull(family, nameof(families));
        }

        lock (_gate)
        {
            for (var i = 0; i < families.Length; i++)
            {
                var family = families[i];
                foreach (var label in family.Descriptor.LabelNames)
                {
                    if (Array.IndexOf(Text.ConstantLabelNames, label) >= 0)
                    {
                        ReleaseNames(families[..i]);
                        throw new InvalidOperationException(
                            $"Cannot register {Describe(family)}: it declares label '{label}', which this registry adds to every series as a constant label.");
                    }
                }

                foreach (var name in family.ClaimedNames)
                {
                    if (_claimedNames.TryGetValue(name, out var existing))
                    {
                        // The earlier families of this call claimed names no one else had: give exactly those back.
                        ReleaseNames(families[..i]);
                        throw new InvalidOperationException(
                            $"Cannot register {Describe(family)}: {Describe(existing)} is already registered and both expose '{name}'. "
                            + $"'{name}' is declared by {DeclaredBy(existing.Descriptor, family.Descriptor)} and by {DeclaredBy(family.Descriptor, existing.Descriptor)}: "
                            + "rename one of the metrics or drop one of the declarations.");
                    }
                }

                foreach (var name in family.ClaimedNames)
                {
                    _claimedNames.Add(name, family);
                }
            }

            var merged = new MetricFamily[_families.Length + families.Length];
            _families.CopyTo(merged, 0);
            families.CopyTo(merged.AsSpan(_families.Length));
            Array.Sort(merged, static (a, b) => string.CompareOrdinal(a.Descriptor.FamilyName, b.Descriptor.FamilyName));
            Volatile.Write(ref _families, merged);
            foreach (var family in families)
            {
                family.OnRegistered();
            }

            Instruments?.Publish(families);
        }
    }

    /// <summary>Removes <paramref name="family"/>; returns false when it was not registered here.</summary>
    /// <param name="family">The family to remove.</param>
    /// <returns>Whether it was removed.</returns>
    public bool Unregister(MetricFamily family)
    {
        ArgumentNullException.ThrowIfNull(family);
        lock (_gate)
        {
            var index = Array.IndexOf(_families, family);
            if (index < 0)
            {
                return false;
            }

            foreach (var name in family.ClaimedNames)
            {
                _claimedNames.Remove(name);
            }

            var families = new MetricFamily[_families.Length - 1];
            Array.Copy(_families, 0, families, 0, index);
            Array.Copy(_families, index + 1, families, index, families.Length - index);
            Volatile.Write(ref _families, families);
            family.OnUnregistered();
            Instruments?.Withdraw(new ReadOnlySpan<MetricFamily>(in family));
            return true;
        }
    }

    /// <summary>Removes every family.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            var removed = _families;
            ReleaseNames(removed);
            Volatile.Write(ref _families, []);
            foreach (var family in removed)
            {
                family.OnUnregistered();
            }

            Instruments?.Withdraw(removed);
        }
    }

    /// <summary>
    /// Writes every family in <paramref name="format"/> to <paramref name="output"/>: HELP, TYPE (and UNIT in
    /// OpenMetrics) then the samples of each series in creation order; OpenMetrics ends with <c># EOF</c>.
    /// Safe to call while other threads record; allocation-free per series.
    /// </summary>
    /// <param name="output">Where the UTF-8 text goes.</param>
    /// <param name="format">The exposition format.</param>
    public void Write(IBufferWriter<byte> output, ExpositionFormat format)
    {
        ArgumentNullException.ThrowIfNull(output);
        foreach (var hook in Volatile.Read(ref _beforeWrite))
        {
            hook();
        }

        ExpositionFormatWriter.For(format).Write(Volatile.Read(ref _families), output, Text);
    }

    /// <summary>
    /// Adds a hook that <see cref="Write"/> runs once per scrape, before it reads any family: a meter import reads its
    /// observable instruments there, once per scrape rather than once per family. Hooks run on the scraping thread and
    /// must not throw.
    /// </summary>
    internal void AddBeforeWrite(Action hook)
    {
        lock (_gate)
        {
            Volatile.Write(ref _beforeWrite, [.. _beforeWrite, hook]);
        }
    }

    /// <summary>Removes a hook added by <see cref="AddBeforeWrite"/>.</summary>
    internal void RemoveBeforeWrite(Action hook)
    {
        lock (_gate)
        {
            Volatile.Write(ref _beforeWrite, _beforeWrite.Where(existing => existing != hook).ToArray());
        }
    }

    /// <summary>
    /// Writes the exposition to <paramref name="output"/>: it is rendered into a pooled buffer (sized from the
    /// previous scrape), then copied to the stream in one write.
    /// </summary>
    /// <param name="output">The stream to write to, e.g. an HTTP response body.</param>
    /// <param name="format">The exposition format.</param>
    /// <param name="cancellationToken">Cancels the stream write.</param>
    /// <returns>A task that completes when the text has been written.</returns>
    public async Task WriteAsync(Stream output, ExpositionFormat format, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var buffer = new PooledBufferWriter(Volatile.Read(ref _lastScrapeSize));
        Write(buffer, format);
        Volatile.Write(ref _lastScrapeSize, buffer.WrittenMemory.Length + 1024);
        await output.WriteAsync(buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
    }

    private void ReleaseNames(ReadOnlySpan<MetricFamily> families)
    {
        foreach (var family in families)
        {
            foreach (var name in family.ClaimedNames)
            {
                _claimedNames.Remove(name);
            }
        }
    }

    // Who declared a metric: the descriptor's declaring type (generated metrics), else the [assembly: DeclaresMetric]
    // of a loaded assembly that names it (libraries that register by hand), other than the one the other side of the
    // clash is known to be. Only on the error path.
    private static string DeclaredBy(MetricDescriptor descriptor, MetricDescriptor other)
    {
        if (descriptor.DeclaringType is { } type)
        {
            return Declarer(type, descriptor.DeclaringMember);
        }

        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
        {
            foreach (var declared in assembly.GetCustomAttributes(typeof(DeclaresMetricAttribute), inherit: false).Cast<DeclaresMetricAttribute>())
            {
                if (declared.Name == descriptor.Name && declared.Type == descriptor.Type && declared.DeclaringType != other.DeclaringType)
                {
                    return Declarer(declared.DeclaringType, declared.Member);
                }
            }
        }

        return "a registration that names no declaring type (set MetricDescriptor.DeclaringType, or list it with [assembly: DeclaresMetric])";
    }

    private static string Declarer(Type type, string? member)
        => (type.FullName ?? type.Name).Replace('+', '.') + (member is null ? string.Empty : "." + member)
           + " (assembly " + type.Assembly.GetName().Name + ")";

    private static string Describe(MetricFamily family)
        => $"{family.Descriptor.Type.ToString().ToLowerInvariant()} '{family.Descriptor.Name}'";
}
