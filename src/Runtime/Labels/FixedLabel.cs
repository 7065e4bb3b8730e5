using System.Collections.Frozen;
using Metrics.Generators.Shared;

namespace Metrics.Generators;

/// <summary>
/// FixedLabel is a label whose values are known when it is declared: an enum, a bool, or a string with allowed
/// values. Index <c>i &lt; Values.Count</c> selects <c>Values[i]</c>; index <c>Values.Count</c> is
/// <c>__overflow__</c>, so <see cref="LabelDimension.Cardinality"/> is <c>Values.Count + 1</c>.
/// </summary>
/// <remarks>
/// Generated code maps a value to its index with a <c>switch</c>; hand-written code can use <see cref="IndexOf"/>.
/// Immutable and thread-safe.
/// </remarks>
public sealed class FixedLabel : LabelDimension
{
    private readonly string[] _values;
    private readonly FrozenDictionary<string, int> _indexes;
    private readonly byte[][] _escapedValues;

    /// <summary>Creates a label with the given known values, in index order.</summary>
    /// <param name="name">The label name.</param>
    /// <param name="values">The known values: not null, distinct, none equal to <c>__overflow__</c>.</param>
    /// <exception cref="ArgumentException">When the name or a value is invalid.</exception>
    public FixedLabel(string name, params string[] values)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(values);
        _values = (string[])values.Clone();
        var indexes = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < _values.Length; i++)
        {
            var value = _values[i] ?? throw new ArgumentException($"Label '{name}': value {i} is null.", nameof(values));
            if (value == NameRules.OverflowValue)
            {
                throw new ArgumentException($"Label '{name}': '{NameRules.OverflowValue}' is reserved for values outside the known set.", nameof(values));
            }

            if (!indexes.TryAdd(value, i))
            {
                throw new ArgumentException($"Label '{name}': value '{value}' is declared twice.", nameof(values));
            }
        }

        _indexes = indexes.ToFrozenDictionary(StringComparer.Ordinal);
        Values = Array.AsReadOnly(_values);
        _escapedValues = new byte[_values.Length + 1][];
        for (var i = 0; i < _escapedValues.Length; i++)
        {
            var value = ValueAt(i);
            var escaped = new byte[TextEscaping.MaxEscapedLabelValueLength(value.Length)];
            _escapedValues[i] = escaped[..TextEscaping.WriteEscapedLabelValue(value, escaped)];
        }
    }

    /// <summary>The known values in index order (without the overflow value).</summary>
    public IReadOnlyList<string> Values { get; }

    /// <inheritdoc/>
    public override int Cardinality => _values.Length + 1;

    /// <summary>
    /// IndexOf returns the index of <paramref name="value"/> (null is the empty string), or the overflow index
    /// <c>Values.Count</c> when it is not a known value. Allocation-free.
    /// </summary>
    /// <param name="value">The label value.</param>
    /// <returns>The index to use in the series index.</returns>
    public int IndexOf(string? value) => _indexes.TryGetValue(value ?? string.Empty, out var index) ? index : _values.Length;

    /// <summary>The escaped UTF-8 of the value at <paramref name="index"/>, encoded once when the label was created.</summary>
    internal byte[] EscapedValue(int index) => _escapedValues[index];

    /// <inheritdoc/>
    public override string ValueAt(int index)
    {
        if ((uint)index < (uint)_values.Length)
        {
            return _values[index];
        }

        return index == _values.Length
            ? NameRules.OverflowValue
            : throw new ArgumentOutOfRangeException(nameof(index), index, $"Label '{Name}' has {Cardinality} values.");
    }
}
