using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Metrics.Generators.Shared;

namespace Metrics.Generators;

/// <summary>
/// BoundedStringLabel is a free-form string label that keeps at most <c>maxValues</c> distinct values: each new
/// value takes the next index until the bound is reached, and every later new value folds into index
/// <c>maxValues</c>, the <c>__overflow__</c> series. It is how an unbounded input (a route, a tenant) is kept
/// from creating unbounded series.
/// </summary>
/// <remarks>
/// <para>Cost and concurrency: <see cref="IndexOf"/> for a value already seen is lock-free and allocates nothing.
/// When the caller passes the very string instance that took the index (a route template from endpoint metadata,
/// a literal), an identity hint usually answers: a slot chosen from the value's length and its first and last four
/// characters, trusted only if the value it names is that same instance. Otherwise it is one string hash (see
/// <see cref="LabelValueHash"/>) and a short linear probe with ordinal compares in an open-addressing table that is
/// at most half full. Taking a new index (at most <c>maxValues</c> times over the label's life) takes a lock. Once
/// the bound is reached, lookups of unknown values skip the lock and are counted in <see cref="OverflowCount"/>.</para>
/// <para>Mechanism: the values live in an array in index order; the table is an array of <see cref="int"/> slots,
/// each 0 (empty) or a value's index + 1, so a value costs its array slot and about two table slots, no entry
/// object. A slot is only ever filled, never changed or emptied, with a release write after the value is in the
/// array, so a reader probing without a lock sees either 0 (the value is not in this table: take the slow path)
/// or an index whose value it can read. Growing builds a new table under the lock and publishes it; a reader still
/// on the old table may miss a newer value and simply takes the slow path, which re-checks under the lock. The
/// count is published last, so a reader that sees the label full also sees its final table. Indexes are stable
/// for the label's life.</para>
/// <para>Hashing: the fast hash of <see cref="LabelValueHash"/>, which is predictable. Label values can come from
/// requests, so the first probe longer than <see cref="LongProbe"/> slots (lookup or insert) rehashes the table
/// with the runtime's randomised string hash for good. The table's last element records which hash it was built
/// with, so a reader gets table and hash in one read.</para>
/// <para>Stored form: a value is stored (and written) as at most <see cref="MaxLength"/> UTF-16 units, cut where no
/// surrogate pair is split, with lone surrogates replaced by U+FFFD (see <see cref="LabelValueText"/>), so values
/// that would be written alike share one series and a 100 KB value costs its first <see cref="MaxLength"/> units.
/// Both happen on the miss path only: a value longer than the limit is looked up by its prefix as a span, so
/// recording an already-seen long value allocates nothing; a value with a lone surrogate misses (no stored value
/// has one), and is normalised into a new string and looked up again on every such call.</para>
/// <para>A literal <c>__overflow__</c> value maps to the overflow index, so it can never become a second series
/// with the same label set. Use one instance per metric (the generator emits a field per metric).</para>
/// </remarks>
public sealed class BoundedStringLabel : LabelDimension
{
    /// <summary>A probe this long at a load of at most ½ is evidence of chosen collisions, not chance.</summary>
    internal const int LongProbe = 24;

    private const int InitialTableSize = 16;
    private const int InitialValues = 4;
    private const ulong Multiplier = 0x9E3779B97F4A7C15;
    private const int MinHints = 8;
    private const int HintBits = 8;
    private const int MaxHints = 1 << HintBits;

    /// <summary>The default of <see cref="MaxLength"/>: longer than any route template or tenant id seen in practice, short enough that a full label of 1,000 values holds at most 512 KB of text.</summary>
    public const int DefaultMaxLength = NameRules.DefaultLabelValueMaxLength;

    private readonly int _maxValues;
    private readonly int _maxLength;
    private readonly Lock _gate = new();
    private int[] _table = NewTable(InitialTableSize, randomized: false);
    private string[] _values = new string[InitialValues];
    private readonly int[] _hints;
    private int _count;
    private long _overflowCount;

    /// <summary>Creates a label that keeps up to <paramref name="maxValues"/> distinct values.</summary>
    /// <param name="name">The label name.</param>
    /// <param name="maxValues">The most distinct values kept, at least 1 and below <see cref="int.MaxValue"/>.</param>
    /// <exception cref="ArgumentException">When the name is invalid.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="maxValues"/> is out of range.</exception>
    public BoundedStringLabel(string name, int maxValues)
        : this(name, maxValues, DefaultMaxLength)
    {
    }

    /// <summary>Creates a label that keeps up to <paramref name="maxValues"/> distinct values of at most <paramref name="maxLength"/> UTF-16 units each.</summary>
    /// <param name="name">The label name.</param>
    /// <param name="maxValues">The most distinct values kept, at least 1 and below <see cref="int.MaxValue"/>.</param>
    /// <param name="maxLength">The most UTF-16 units kept of a value, at least 1; longer values are cut (never inside a surrogate pair).</param>
    /// <exception cref="ArgumentException">When the name is invalid.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="maxValues"/> or <paramref name="maxLength"/> is out of range.</exception>
    public BoundedStringLabel(string name, int maxValues, int maxLength)
        : base(name)
    {
        if (maxValues < 1 || maxValues == int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(maxValues), maxValues, $"Label '{name}': maxValues must be at least 1.");
        }

        if (maxLength < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxLength), maxLength, $"Label '{name}': maxLength must be at least 1.");
        }

        _maxValues = maxValues;
        _maxLength = maxLength;
        _hints = new int[Math.Clamp((int)BitOperations.RoundUpToPowerOf2((uint)maxValues) * 2, MinHints, MaxHints)];
    }

    /// <summary>The most distinct values kept; also the overflow index.</summary>
    public int MaxValues => _maxValues;

    /// <summary>The most UTF-16 units kept of a value; longer values are cut to this (one less where a surrogate pair would be split).</summary>
    public int MaxLength => _maxLength;

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

        // The common case, kept small so that it inlines into the caller: the very string instance that took its
        // index (a route template, a literal) is asked for again, and its identity hint says where it is.
        // Acquire: the values array read next is at least as new as the one the hint was taken from.
        var hint = Volatile.Read(ref _hints[IdentityHint(value, _hints.Length - 1)]);
        if (hint != 0 && ReferenceEquals(Volatile.Read(ref _values)[hint - 1], value))
        {
            return hint - 1;
        }

        return IndexOfProbing(value);
    }

    /// <summary>Whether the table has switched to the randomised hash after a long probe.</summary>
    internal bool UsesRandomizedHash => IsRandomized(Volatile.Read(ref _table));

    /// <summary>Whether a lookup of this very instance would be answered by its identity hint, without probing.</summary>
    internal bool IsHinted(string value)
    {
        var hint = Volatile.Read(ref _hints[IdentityHint(value, _hints.Length - 1)]);
        return hint != 0 && ReferenceEquals(Volatile.Read(ref _values)[hint - 1], value);
    }

    /// <inheritdoc/>
    public override string ValueAt(int index)
    {
        if (index == _maxValues)
        {
            return NameRules.OverflowValue;
        }

        // Not checked against the count: a reader can find a value's index before the count includes it.
        var values = Volatile.Read(ref _values);
        if ((uint)index < (uint)values.Length && Volatile.Read(ref values[index]) is { } value)
        {
            return value;
        }

        throw new ArgumentOutOfRangeException(nameof(index), index, $"Label '{Name}' has no value with index {index} yet.");
    }

    // A table is 2^k slots and one more element: 1 when its slots were placed by the randomised hash.
    private static int[] NewTable(int slots, bool randomized)
    {
        var table = new int[slots + 1];
        table[slots] = randomized ? 1 : 0;
        return table;
    }

    private static bool IsRandomized(int[] table) => table[^1] != 0;

    // Everything but an identity hit: an equal string from elsewhere, a value whose hint slot another value holds,
    // a new value. The hint slot is taken once, by the first value found there through its own instance, and never
    // changed, so hints cost no writes on a hot path and two values never fight over one slot.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private int IndexOfProbing(string value)
    {
        if (value.Length > _maxLength)
        {
            return IndexOfTruncated(value);
        }

        var found = Find(Volatile.Read(ref _table), value, out var longProbe);
        if (found < 0 && LabelValueText.HasLoneSurrogate(value))
        {
            return IndexOfStoredForm(LabelValueText.Normalize(value));
        }

        if (found < 0 || longProbe)
        {
            found = AddOrOverflow(value, found, longProbe);
        }

        if (found < _maxValues && ReferenceEquals(Volatile.Read(ref _values)[found], value))
        {
            ref var hint = ref _hints[IdentityHint(value, _hints.Length - 1)];
            if (hint == 0)
            {
                Volatile.Write(ref hint, found + 1);
            }
        }

        return found;
    }

    // A value longer than the limit is never stored as itself: look its prefix up as a span (no allocation for a
    // prefix already stored), and make the stored form only when that misses.
    private int IndexOfTruncated(string value)
    {
        var prefix = value.AsSpan(0, LabelValueText.TruncatedLength(value, _maxLength));
        var found = Find(Volatile.Read(ref _table), prefix, out var longProbe);
        return found >= 0 && !longProbe ? found : IndexOfStoredForm(LabelValueText.Normalize(prefix));
    }

    // The lookup of a value already in its stored form (cut and normalised), for a raw value that was not; no
    // identity hint, since the caller's instance is not the one stored.
    private int IndexOfStoredForm(string stored)
    {
        var found = Find(Volatile.Read(ref _table), stored, out var longProbe);
        return found < 0 || longProbe ? AddOrOverflow(stored, found, longProbe) : found;
    }

    // Where a value's hint lives: its length and its first and last four characters, not the whole string, so it
    // is cheaper than the table's hash. A poor spread only costs hits, never correctness: a hint is trusted only
    // when the value it names is the very instance asked for.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int IdentityHint(string value, int mask)
    {
        ReadOnlySpan<char> chars = value;
        var word = (ulong)chars.Length;
        if (chars.Length >= 4)
        {
            var bytes = MemoryMarshal.AsBytes(chars);
            word ^= MemoryMarshal.Read<ulong>(bytes) ^ BitOperations.RotateLeft(MemoryMarshal.Read<ulong>(bytes[^8..]), 32);
        }
        else if (chars.Length > 0)
        {
            word ^= ((ulong)chars[0] << 16) ^ ((ulong)chars[^1] << 32);
        }

        // The top bits of a multiplicative hash depend on every bit of the word; the mask keeps the ones a smaller
        // hint table uses.
        return (int)((word * Multiplier) >> (64 - HintBits)) & mask;
    }

    /// <summary>The index of <paramref name="value"/> in <paramref name="table"/>, or -1.</summary>
    private int Find(int[] table, string value, out bool longProbe)
    {
        var mask = table.Length - 2;
        var randomized = IsRandomized(table);
        var probes = 0;
        for (var slot = LabelValueHash.Of(value, randomized) & mask; ; slot = (slot + 1) & mask)
        {
            var taken = Volatile.Read(ref table[slot]);
            if (taken == 0)
            {
                longProbe = !randomized && probes > LongProbe;
                return -1;
            }

            // The value was in the array before its slot was filled, and the array is read after the slot.
            var known = Volatile.Read(ref _values)[taken - 1];
            if (ReferenceEquals(known, value) || string.Equals(known, value, StringComparison.Ordinal))
            {
                longProbe = !randomized && probes > LongProbe;
                return taken - 1;
            }

            probes++;
        }
    }

    /// <summary>The index of the value holding <paramref name="value"/>'s characters in <paramref name="table"/>, or -1.</summary>
    private int Find(int[] table, ReadOnlySpan<char> value, out bool longProbe)
    {
        var mask = table.Length - 2;
        var randomized = IsRandomized(table);
        var probes = 0;
        for (var slot = LabelValueHash.Of(value, randomized) & mask; ; slot = (slot + 1) & mask)
        {
            var taken = Volatile.Read(ref table[slot]);
            if (taken == 0)
            {
                longProbe = !randomized && probes > LongProbe;
                return -1;
            }

            if (value.SequenceEqual(Volatile.Read(ref _values)[taken - 1]))
            {
                longProbe = !randomized && probes > LongProbe;
                return taken - 1;
            }

            probes++;
        }
    }

    private int AddOrOverflow(string value, int found, bool longProbe)
    {
        if (longProbe)
        {
            lock (_gate)
            {
                if (!IsRandomized(_table))
                {
                    Volatile.Write(ref _table, Rehash(_values, _count, _table.Length - 1, randomized: true));
                }
            }
        }

        if (found >= 0)
        {
            return found;
        }

        if (value == NameRules.OverflowValue)
        {
            return _maxValues;
        }

        // Full: no new value can ever get an index, so do not contend on the lock. The count is published after
        // the table, so the table read now holds every value; the value may have been added since the first look.
        if (Volatile.Read(ref _count) >= _maxValues)
        {
            found = Find(Volatile.Read(ref _table), value, out _);
            if (found >= 0)
            {
                return found;
            }

            Interlocked.Increment(ref _overflowCount);
            return _maxValues;
        }

        lock (_gate)
        {
            var table = _table;
            found = Find(table, value, out _);
            if (found >= 0)
            {
                return found;
            }

            var index = _count;
            if (index >= _maxValues)
            {
                Interlocked.Increment(ref _overflowCount);
                return _maxValues;
            }

            // The value must be readable (by ValueAt and by probing readers) before its index is published.
            var values = _values;
            if (index == values.Length)
            {
                // Double, but never past the bound: a full label holds exactly maxValues slots.
                var larger = new string[(int)Math.Min((long)values.Length * 2, _maxValues)];
                values.CopyTo(larger, 0);
                larger[index] = value;
                Volatile.Write(ref _values, larger);
            }
            else
            {
                Volatile.Write(ref values[index], value);
            }

            var slots = table.Length - 1;
            var randomized = IsRandomized(table);
            if ((index + 1) * 2L > slots)
            {
                Volatile.Write(ref _table, Rehash(_values, index + 1, slots * 2, randomized));
            }
            else
            {
                var mask = slots - 1;
                var slot = LabelValueHash.Of(value, randomized) & mask;
                var probes = 0;
                for (; table[slot] != 0; slot = (slot + 1) & mask)
                {
                    probes++;
                }

                Volatile.Write(ref table[slot], index + 1);
                if (!randomized && probes > LongProbe)
                {
                    Volatile.Write(ref _table, Rehash(_values, index + 1, slots, randomized: true));
                }
            }

            Volatile.Write(ref _count, index + 1);
            return index;
        }
    }

    private static int[] Rehash(string[] values, int count, int slots, bool randomized)
    {
        var table = NewTable(slots, randomized);
        var mask = slots - 1;
        for (var index = 0; index < count; index++)
        {
            var slot = LabelValueHash.Of(values[index], randomized) & mask;
            while (table[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            table[slot] = index + 1;
        }

        return table;
    }
}
