using Metrics.Generators.Shared;

namespace Metrics.Generators;

/// <summary>
/// BoundedStringLabel is a free-form string label that keeps at most <c>maxValues</c> distinct values: each new
/// value takes the next index until the bound is reached, and every later new value folds into index
/// <c>maxValues</c>, the <c>__overflow__</c> series. It is how an unbounded input (a route, a tenant) is kept
/// from creating unbounded series.
/// </summary>
/// <remarks>
/// <para>Cost and concurrency: <see cref="IndexOf"/> for a value already seen is lock-free and allocates nothing:
/// one string hash and a short linear probe with ordinal compares in an open-addressing table that is at
/// most half full. Taking a new index (at most <c>maxValues</c> times over the label's life) takes a lock. Once the bound is
/// reached, lookups of unknown values skip the lock and are counted in <see cref="OverflowCount"/>.</para>
/// <para>Mechanism: the table is an array of immutable entries (value, hash, index). Slots are only ever filled,
/// never changed or emptied, and each is published with a release write, so a reader probing without a lock sees
/// either null (the value is not in this table: take the slow path) or a complete entry.
/// Growing builds a new table under the lock and publishes it; a reader still on the old table may miss a newer
/// value and simply takes the slow path, which re-checks under the lock. Indexes are stable for the label's life.</para>
/// <para>A literal <c>__overflow__</c> value maps to the overflow index, so it can never become a second series
/// with the same label set. Use one instance per metric (the generator emits a field per metric).</para>
/// </remarks>
public sealed class BoundedStringLabel : LabelDimension
{
    private const int InitialTableSize = 16;

    private readonly int _maxValues;
    private readonly Lock _gate = new();
    private Entry?[] _table = new Entry?[InitialTableSize];
    private string[] _values = new string[4];
    private int _count;
    private long _overflowCount;

    /// <summary>Creates a label that keeps up to <paramref name="maxValues"/> distinct values.</summary>
    /// <param name="name">The label name.</param>
    /// <param name="maxValues">The most distinct values kept, at least 1 and below <see cref="int.MaxValue"/>.</param>
    /// <exception cref="ArgumentException">When the name is invalid.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="maxValues"/> is out of range.</exception>
    public BoundedStringLabel(string name, int maxValues)
        : base(name)
    {
        if (maxValues < 1 || maxValues == int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(maxValues), maxValues, $"Label '{name}': maxValues must be at least 1.");
        }

        _maxValues = maxValues;
    }

    /// <summary>The most distinct values kept; also the overflow index.</summary>
    public int MaxValues => _maxValues;

    /// <summary>How many distinct values have taken an index so far.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>How many lookups of a new value found the label full and folded into <c>__overflow__</c>.</summary>
    public long OverflowCount => Volatile.Read(ref _overflowCount);

    /// <inheritdoc/>
    public override int Cardinality => _maxValues + 1;

    /// <summary>
    /// IndexOf returns the index of <paramref name="value"/> (null is the empty string), giving a new value the
    /// next free index, or <see cref="MaxValues"/> (overflow) when all are taken. Lock-free and allocation-free
    /// for a value already seen.
    /// </summary>
    /// <param name="value">The label value.</param>
    /// <returns>The index to use in the series index.</returns>
    public int IndexOf(string? value)
    {
        value ??= string.Empty;
        var hash = value.GetHashCode();
        var table = Volatile.Read(ref _table);
        var mask = table.Length - 1;
        for (var slot = hash & mask; ; slot = (slot + 1) & mask)
        {
            var entry = Volatile.Read(ref table[slot]);
            if (entry is null)
            {
                break;
            }

            if (entry.Hash == hash && string.Equals(entry.Value, value, StringComparison.Ordinal))
            {
                return entry.Index;
            }
        }

        return AddOrOverflow(value, hash);
    }

    /// <inheritdoc/>
    public override string ValueAt(int index)
    {
        if (index == _maxValues)
        {
            return NameRules.OverflowValue;
        }

        if ((uint)index < (uint)Volatile.Read(ref _count))
        {
            return Volatile.Read(ref _values)[index];
        }

        throw new ArgumentOutOfRangeException(nameof(index), index, $"Label '{Name}' has no value with index {index} yet.");
    }

    private int AddOrOverflow(string value, int hash)
    {
        if (value == NameRules.OverflowValue)
        {
            return _maxValues;
        }

        // Full: no new value can ever get an index, so do not contend on the lock.
        if (Volatile.Read(ref _count) >= _maxValues)
        {
            Interlocked.Increment(ref _overflowCount);
            return _maxValues;
        }

        lock (_gate)
        {
            var table = _table;
            var mask = table.Length - 1;
            var slot = hash & mask;
            for (; table[slot] is { } entry; slot = (slot + 1) & mask)
            {
                if (entry.Hash == hash && string.Equals(entry.Value, value, StringComparison.Ordinal))
                {
                    return entry.Index;
                }
            }

            var index = _count;
            if (index >= _maxValues)
            {
                Interlocked.Increment(ref _overflowCount);
                return _maxValues;
            }

            // The value must be readable by ValueAt before any reader can find its index in the table.
            var values = _values;
            if (index == values.Length)
            {
                var larger = new string[values.Length * 2];
                values.CopyTo(larger, 0);
                larger[index] = value;
                Volatile.Write(ref _values, larger);
            }
            else
            {
                values[index] = value;
            }

            Volatile.Write(ref _count, index + 1);
            var added = new Entry(value, hash, index);
            if ((index + 1) * 2 > table.Length)
            {
                Volatile.Write(ref _table, Rehash(table, added));
            }
            else
            {
                Volatile.Write(ref table[slot], added);
            }

            return index;
        }
    }

    private static Entry?[] Rehash(Entry?[] table, Entry added)
    {
        var larger = new Entry?[table.Length * 2];
        foreach (var entry in table)
        {
            if (entry is not null)
            {
                Insert(larger, entry);
            }
        }

        Insert(larger, added);
        return larger;
    }

    private static void Insert(Entry?[] table, Entry entry)
    {
        var mask = table.Length - 1;
        var slot = entry.Hash & mask;
        while (table[slot] is not null)
        {
            slot = (slot + 1) & mask;
        }

        table[slot] = entry;
    }

    private sealed class Entry(string value, int hash, int index)
    {
        public string Value { get; } = value;

        public int Hash { get; } = hash;

        public int Index { get; } = index;
    }
}
