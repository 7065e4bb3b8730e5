namespace Metrics.Generators;

/// <summary>
/// CallbackFamily is a counter or gauge whose samples are read from callbacks while it is written, so it costs
/// nothing between scrapes. The default collectors use it for totals the runtime and the OS already keep (CPU time,
/// GC counts, thread-pool work items): a <see cref="CounterCell"/> would need something to copy them in, and cells
/// have no callback of their own.
/// </summary>
/// <remarks>
/// <para>It goes through the same format writer as a <see cref="MetricFamily{TCell}"/> of counters or gauges, so its
/// text is what that family writes for the same descriptor and values; only its label blocks are rendered once,
/// here (by <see cref="LabelBlock"/>), since its series never change.</para>
/// <para>A callback that throws or returns NaN (a counter's also when negative) means "not measurable now": that
/// sample is left out and the scrape goes on, so a reader sees a gap rather than a made-up value or a failed
/// scrape. Callbacks run on the scraping thread on every scrape; they must be cheap and thread-safe.</para>
/// <para>A publishing registry does not publish it as an instrument: what it reads, .NET already publishes on meters
/// of its own (<c>System.Runtime</c>), which OpenTelemetry users add with the runtime instrumentation.</para>
/// </remarks>
internal sealed class CallbackFamily : MetricFamily
{
    private readonly Func<double>[] _reads;
    private readonly byte[][] _labelBlocks;
    private readonly Action? _attach;
    private readonly Action? _detach;

    /// <summary>Creates an unlabeled family with one sample read from <paramref name="read"/>.</summary>
    /// <param name="descriptor">A counter or gauge descriptor without labels.</param>
    /// <param name="read">Returns the current value.</param>
    /// <param name="attach">Runs when a registry adds the family (e.g. subscribe to the event that feeds it).</param>
    /// <param name="detach">Runs when a registry removes it again.</param>
    public CallbackFamily(MetricDescriptor descriptor, Func<double> read, Action? attach = null, Action? detach = null)
        : this(descriptor, [], [read], attach, detach)
    {
    }

    /// <summary>Creates a family with one series per known value of <paramref name="label"/>, in order.</summary>
    /// <param name="descriptor">A counter or gauge descriptor whose single label is <paramref name="label"/>.</param>
    /// <param name="label">The label; its overflow value gets no series.</param>
    /// <param name="reads">One callback per <see cref="FixedLabel.Values"/> entry.</param>
    public CallbackFamily(MetricDescriptor descriptor, FixedLabel label, Func<double>[] reads)
        : this(descriptor, [label], reads, null, null)
    {
    }

    private CallbackFamily(MetricDescriptor descriptor, LabelDimension[] labels, Func<double>[] reads, Action? attach, Action? detach)
        : base(descriptor, CounterOrGauge(descriptor), labels)
    {
        ArgumentNullException.ThrowIfNull(reads);
        var expected = labels.Length == 0 ? 1 : ((FixedLabel)labels[0]).Values.Count;
        if (reads.Length != expected)
        {
            throw new ArgumentException($"Metric '{descriptor.Name}' has {expected} series but {reads.Length} callbacks were given.", nameof(reads));
        }

        _reads = new Func<double>[reads.Length];
        _labelBlocks = new byte[reads.Length][];
        for (var i = 0; i < reads.Length; i++)
        {
            _reads[i] = reads[i] ?? throw new ArgumentException($"Metric '{descriptor.Name}': callback {i} is null.", nameof(reads));
            _labelBlocks[i] = LabelBlock.Render(LabelArray, i);
        }

        _attach = attach;
        _detach = detach;
    }

    /// <inheritdoc/>
    public override int SeriesCount => _reads.Length;

    /// <summary>
    /// Reads series <paramref name="index"/>; false when it is not measurable now (the callback threw or returned
    /// NaN, or a counter's returned a negative value), and the exposition leaves the sample out.
    /// </summary>
    internal bool TryRead(int index, out double value)
    {
        value = Read(_reads[index]);
        return !(double.IsNaN(value) || (Descriptor.Type == MetricType.Counter && value < 0));
    }

    /// <summary>The rendered label block of series <paramref name="index"/>.</summary>
    internal ReadOnlySpan<byte> LabelBlockAt(int index) => _labelBlocks[index];

    internal override void OnRegistered() => _attach?.Invoke();

    internal override void OnUnregistered() => _detach?.Invoke();

    private static double Read(Func<double> read)
    {
        try
        {
            return read();
        }
        catch (Exception)
        {
            // A value the OS will not give us this time (a /proc file gone, a platform gap) is a missing sample,
            // never a failed scrape.
            return double.NaN;
        }
    }

    private static MetricType CounterOrGauge(MetricDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        return descriptor.Type is MetricType.Counter or MetricType.Gauge
            ? descriptor.Type
            : throw new ArgumentException($"Metric '{descriptor.Name}' is a {descriptor.Type}; only counters and gauges can be read from callbacks.", nameof(descriptor));
    }
}
