namespace Metrics.Generators.Generator.Tests.TestHelpers;

/// <summary>
/// RuntimeStandIn is source text for the runtime types generated code calls (design.md, "Runtime surface"),
/// compiled into the in-memory test compilations while this branch has no real runtime yet.
/// </summary>
/// <remarks>
/// To drop it once the real runtime is merged: delete this file and the one line in
/// <see cref="TestCompilation.References"/> that uses it. Until then <see cref="IsNeeded"/> switches it off by
/// itself as soon as the referenced Metrics.Generators assembly defines <c>MetricRegistry</c>, so the tests run
/// against the real runtime without an edit. The types work (cells count, families keep one cell per index,
/// bounded labels fold into the overflow index) so behaviour tests can run generated code.
/// </remarks>
internal static class RuntimeStandIn
{
    /// <summary>True while the referenced runtime assembly lacks the runtime types.</summary>
    public static bool IsNeeded { get; } = typeof(CounterAttribute).Assembly.GetType("Metrics.Generators.MetricRegistry") is null;

    /// <summary>The stand-in source.</summary>
    public const string Source = """
        #pragma warning disable CS1591 // test stand-in, not documented
        #nullable enable
        using System;
        using System.Collections.Generic;

        namespace Metrics.Generators
        {
            public sealed class MetricDescriptor
            {
                public MetricDescriptor(string name, MetricType type, string help, string? unit, string[] labelNames,
                    double[]? buckets = null, double[]? quantiles = null, double slo = 0, double maxAgeSeconds = 600, int ageBuckets = 5)
                {
                    Name = name; Type = type; Help = help; Unit = unit; LabelNames = labelNames;
                    Buckets = buckets; Quantiles = quantiles; Slo = slo; MaxAgeSeconds = maxAgeSeconds; AgeBuckets = ageBuckets;
                }

                public string Name { get; }
                public MetricType Type { get; }
                public string Help { get; }
                public string? Unit { get; }
                public string[] LabelNames { get; }
                public double[]? Buckets { get; }
                public double[]? Quantiles { get; }
                public double Slo { get; }
                public double MaxAgeSeconds { get; }
                public int AgeBuckets { get; }
            }

            public abstract class LabelDimension
            {
                protected LabelDimension(string name, int cardinality) { Name = name; Cardinality = cardinality; }
                public string Name { get; }
                public int Cardinality { get; }
                public abstract string ValueAt(int index);
            }

            public sealed class FixedLabel : LabelDimension
            {
                private readonly string[] _values;
                public FixedLabel(string name, params string[] values) : base(name, values.Length + 1) => _values = values;
                public override string ValueAt(int index) => index < _values.Length ? _values[index] : "__overflow__";
            }

            public sealed class BoundedStringLabel : LabelDimension
            {
                private readonly List<string> _values = new();
                private readonly int _maxValues;
                public BoundedStringLabel(string name, int maxValues) : base(name, maxValues + 1) => _maxValues = maxValues;
                public int IndexOf(string? value)
                {
                    value ??= "";
                    lock (_values)
                    {
                        var index = _values.IndexOf(value);
                        if (index >= 0) return index;
                        if (_values.Count == _maxValues) return _maxValues;
                        _values.Add(value);
                        return _values.Count - 1;
                    }
                }
                public override string ValueAt(int index) => index < _values.Count ? _values[index] : "__overflow__";
            }

            public abstract class MetricFamily
            {
                protected MetricFamily(MetricDescriptor descriptor, LabelDimension[] labels)
                {
                    Descriptor = descriptor;
                    Labels = labels;
                    long series = 1;
                    foreach (var label in labels) series *= label.Cardinality;
                    SeriesCount = series;
                }

                public MetricDescriptor Descriptor { get; }
                public LabelDimension[] Labels { get; }
                public long SeriesCount { get; }
            }

            public abstract class MetricFamily<TCell> : MetricFamily where TCell : new()
            {
                private readonly Dictionary<long, TCell> _cells = new();
                protected MetricFamily(MetricDescriptor descriptor, LabelDimension[] labels) : base(descriptor, labels) { }
                public TCell GetOrAdd(long seriesIndex)
                {
                    if (seriesIndex < 0 || seriesIndex >= SeriesCount) throw new ArgumentOutOfRangeException(nameof(seriesIndex));
                    lock (_cells)
                    {
                        if (!_cells.TryGetValue(seriesIndex, out var cell)) _cells[seriesIndex] = cell = new TCell();
                        return cell;
                    }
                }
            }

            public sealed class CounterFamily : MetricFamily<CounterCell>
            {
                public CounterFamily(MetricDescriptor descriptor, params LabelDimension[] labels) : base(descriptor, labels) { }
            }

            public sealed class GaugeFamily : MetricFamily<GaugeCell>
            {
                public GaugeFamily(MetricDescriptor descriptor, params LabelDimension[] labels) : base(descriptor, labels) { }
            }

            public sealed class HistogramFamily : MetricFamily<HistogramCell>
            {
                public HistogramFamily(MetricDescriptor descriptor, params LabelDimension[] labels) : base(descriptor, labels) { }
            }

            public sealed class SummaryFamily : MetricFamily<SummaryCell>
            {
                public SummaryFamily(MetricDescriptor descriptor, params LabelDimension[] labels) : base(descriptor, labels) { }
            }

            public sealed class MetricRegistry
            {
                private readonly Dictionary<string, MetricFamily> _families = new();
                public static MetricRegistry Default { get; } = new();
                public TFamily Register<TFamily>(TFamily family) where TFamily : MetricFamily
                {
                    lock (_families)
                    {
                        if (_families.ContainsKey(family.Descriptor.Name)) throw new InvalidOperationException("Duplicate metric " + family.Descriptor.Name);
                        _families.Add(family.Descriptor.Name, family);
                    }
                    return family;
                }
            }

            public sealed class CounterCell
            {
                private double _value;
                public void Inc() => _value++;
                public void Add(double amount) => _value += amount;
                public double Value => _value;
            }

            public sealed class GaugeCell
            {
                private double _value;
                private Func<double>? _callback;
                public void Inc() => _value++;
                public void Inc(double amount) => _value += amount;
                public void Dec() => _value--;
                public void Dec(double amount) => _value -= amount;
                public void Set(double value) => _value = value;
                public void SetToCurrentTimeUtc() => _value = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;
                public double Value => _callback?.Invoke() ?? _value;
                public InProgressTracker TrackInProgress() { Inc(); return new InProgressTracker(this); }
                public void SetCallback(Func<double>? callback) => _callback = callback;
            }

            public readonly struct InProgressTracker : IDisposable
            {
                private readonly GaugeCell? _cell;
                internal InProgressTracker(GaugeCell cell) => _cell = cell;
                public void Dispose() => _cell?.Dec();
            }

            public sealed class HistogramCell
            {
                public void Observe(double value) { Count++; Sum += value; }
                public HistogramTimer Time() => new(this);
                public long Count { get; private set; }
                public double Sum { get; private set; }
            }

            public readonly struct HistogramTimer : IDisposable
            {
                private readonly HistogramCell? _cell;
                internal HistogramTimer(HistogramCell cell) => _cell = cell;
                public void Dispose() => _cell?.Observe(0);
            }

            public sealed class SummaryCell
            {
                public void Observe(double value) { Count++; Sum += value; }
                public SummaryTimer Time() => new(this);
                public long Count { get; private set; }
                public double Sum { get; private set; }
            }

            public readonly struct SummaryTimer : IDisposable
            {
                private readonly SummaryCell? _cell;
                internal SummaryTimer(SummaryCell cell) => _cell = cell;
                public void Dispose() => _cell?.Observe(0);
            }
        }
        """;
}
