using System.Runtime.CompilerServices;
using System.Text;
using Metrics.Generators.Shared;

namespace Metrics.Generators;

/// <summary>
/// TagSetTable finds the series of an imported instrument's measurement by its tag set, in any tag order, and
/// creates it on first use, up to a bound; past the bound, new tag sets fold into one <c>__overflow__</c> series.
/// </summary>
/// <remarks>
/// <para>Mechanism: a tag set's hash is the sum of one mixed hash per tag (of the key and the value's text), so it
/// does not depend on tag order. The table is an array of buckets, each an immutable chain of nodes (hash, the tag
/// set sorted by key and value text, series). A lookup hashes the tags, walks one chain and compares each candidate
/// as a multiset: same count, and every incoming tag matches a distinct stored one by key and value text. Value text
/// is formatted into a stack buffer (<see cref="TagValueText"/>), so finding a known tag set takes no lock and
/// allocates nothing.</para>
/// <para>Creating takes a lock: it looks again, renders the label block once (tag keys become label names, sorted;
/// values are cut to <see cref="NameRules.DefaultLabelValueMaxLength"/> units and escaped) and prepends a node to its
/// chain with a release write, so readers see either the old chain or the new one. Two tag sets that render alike
/// (keys <c>a.b</c> and <c>a_b</c>, long values with one prefix) share one series, so a scrape never shows a series
/// twice. Growing builds new chains and publishes the new array; a reader on the old one misses at worst, and takes
/// the slow path.</para>
/// <para>Bound: at most <c>maxSeries</c> series; once full, a new tag set is not stored (so memory stays bounded)
/// and goes to the overflow series without the lock. The overflow series carries the label names of the first tag
/// set that overflowed, every value <c>__overflow__</c>; a tag set whose every value is literally
/// <c>__overflow__</c> is that series too, so no real series can look like it.</para>
/// </remarks>
internal sealed class TagSetTable
{
    private const int InitialBuckets = 16;

    private readonly Func<SeriesCell> _createCell;
    private readonly Func<string, string> _labelName;
    private readonly int _maxSeries;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ImportedSeries> _byLabels = new(StringComparer.Ordinal);
    private Node?[] _buckets = new Node?[InitialBuckets];
    private ImportedSeries[] _series = new ImportedSeries[4];
    private int _seriesCount;
    private int _realSeries;
    private int _nodes;
    private ImportedSeries? _overflow;

    /// <param name="maxSeries">The most series with tag sets of their own.</param>
    /// <param name="createCell">Makes the cell of a new series.</param>
    /// <param name="labelName">The label name of a tag key (called under the lock, once per key and series).</param>
    public TagSetTable(int maxSeries, Func<SeriesCell> createCell, Func<string, string> labelName)
    {
        _maxSeries = maxSeries;
        _createCell = createCell;
        _labelName = labelName;
    }

    /// <summary>Series created so far, the overflow series included; the writer reads <see cref="At"/> up to it.</summary>
    public int Count => Volatile.Read(ref _seriesCount);

    /// <summary>The overflow series, or null while no tag set has overflowed.</summary>
    public ImportedSeries? Overflow => Volatile.Read(ref _overflow);

    /// <summary>The series at <paramref name="index"/> in creation order (below <see cref="Count"/>).</summary>
    public ImportedSeries At(int index) => Volatile.Read(ref _series)[index];

    /// <summary>The series of <paramref name="tags"/>, created on first use (or the overflow series past the bound).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ImportedSeries GetOrAdd(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var hash = Hash(tags);
        return Find(Volatile.Read(ref _buckets), tags, hash) ?? Add(tags, hash);
    }

    private static int Hash(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        Span<char> scratch = stackalloc char[TagValueText.StackChars];
        var sum = 0u;
        foreach (var tag in tags)
        {
            var value = TagValueText.Chars(tag.Value, scratch);
            sum += Mix((uint)HashCode.Combine(tag.Key?.GetHashCode() ?? 0, string.GetHashCode(value)));
        }

        return (int)Mix(sum + (uint)tags.Length);
    }

    // Sums of raw hashes cluster; mixing each term first spreads them (a murmur3 finalizer).
    private static uint Mix(uint h)
    {
        h ^= h >> 16;
        h *= 0x85EBCA6B;
        h ^= h >> 13;
        h *= 0xC2B2AE35;
        return h ^ (h >> 16);
    }

    private static ImportedSeries? Find(Node?[] buckets, ReadOnlySpan<KeyValuePair<string, object?>> tags, int hash)
    {
        for (var node = Volatile.Read(ref buckets[hash & (buckets.Length - 1)]); node is not null; node = node.Next)
        {
            if (node.Hash == hash && Matches(node.Tags, tags))
            {
                return node.Series;
            }
        }

        return null;
    }

    // Multiset equality of the incoming tags and a stored set: every incoming tag takes a distinct stored tag with
    // the same key and value text. Tag sets are small; each incoming value is formatted once.
    private static bool Matches(KeyValuePair<string, string>[] stored, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (stored.Length != tags.Length)
        {
            return false;
        }

        Span<char> scratch = stackalloc char[TagValueText.StackChars];
        Span<bool> taken = stored.Length <= 32 ? stackalloc bool[32] : new bool[stored.Length];
        taken.Clear();
        foreach (var tag in tags)
        {
            var value = TagValueText.Chars(tag.Value, scratch);
            var key = tag.Key ?? string.Empty;
            var found = false;
            for (var i = 0; i < stored.Length; i++)
            {
                if (!taken[i] && string.Equals(stored[i].Key, key, StringComparison.Ordinal) && value.SequenceEqual(stored[i].Value))
                {
                    taken[i] = true;
                    found = true;
                    break;
                }
            }

            if (!found)
            {
                return false;
            }
        }

        return true;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private ImportedSeries Add(ReadOnlySpan<KeyValuePair<string, object?>> tags, int hash)
    {
        // Full: no new tag set can get a series of its own, so do not contend on the lock.
        if (Volatile.Read(ref _realSeries) >= _maxSeries && Volatile.Read(ref _overflow) is { } full)
        {
            return full;
        }

        lock (_gate)
        {
            var buckets = _buckets;
            if (Find(buckets, tags, hash) is { } found)
            {
                return found;
            }

            var stored = new KeyValuePair<string, string>[tags.Length];
            for (var i = 0; i < tags.Length; i++)
            {
                stored[i] = new(tags[i].Key ?? string.Empty, TagValueText.String(tags[i].Value));
            }

            Array.Sort(stored, static (a, b) =>
            {
                var byKey = string.CompareOrdinal(a.Key, b.Key);
                return byKey != 0 ? byKey : string.CompareOrdinal(a.Value, b.Value);
            });

            var allOverflow = stored.Length > 0 && Array.TrueForAll(stored, static tag => tag.Value == NameRules.OverflowValue);
            if (allOverflow || _realSeries >= _maxSeries || _nodes >= _maxSeries * 2L)
            {
                var overflow = _overflow ?? CreateOverflow(stored);
                if (allOverflow)
                {
                    Insert(hash, stored, overflow);
                }

                return overflow;
            }

            var labels = Render(stored);
            if (!_byLabels.TryGetValue(labels, out var series))
            {
                series = new ImportedSeries(Encoding.UTF8.GetBytes(labels), _createCell(), isOverflow: false);
                _byLabels.Add(labels, series);
                Append(series);
                Volatile.Write(ref _realSeries, _realSeries + 1);
            }

            Insert(hash, stored, series);
            return series;
        }
    }

    private ImportedSeries CreateOverflow(KeyValuePair<string, string>[] stored)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var tag in stored)
        {
            names.Add(_labelName(tag.Key));
        }

        var block = string.Join(',', names.Select(static name => name + "=\"" + NameRules.OverflowValue + "\""));
        var overflow = new ImportedSeries(Encoding.UTF8.GetBytes(block), _createCell(), isOverflow: true);
        _byLabels.TryAdd(block, overflow);
        Append(overflow);
        Volatile.Write(ref _overflow, overflow);
        return overflow;
    }

    // Label names sorted; tags whose keys map to one name (a.b and a_b) share it, values joined by ';' in key order,
    // as the OpenTelemetry compatibility rules say.
    private string Render(KeyValuePair<string, string>[] stored)
    {
        var byName = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var tag in stored)
        {
            var name = _labelName(tag.Key);
            if (!byName.TryGetValue(name, out var values))
            {
                byName.Add(name, values = []);
            }

            values.Add(tag.Value);
        }

        var text = new StringBuilder();
        Span<byte> escaped = stackalloc byte[TextEscaping.MaxEscapedLabelValueLength(NameRules.DefaultLabelValueMaxLength)];
        foreach (var (name, values) in byName)
        {
            var value = string.Join(';', values);
            var kept = value.AsSpan(0, LabelValueText.TruncatedLength(value, NameRules.DefaultLabelValueMaxLength));
            var written = TextEscaping.WriteEscapedLabelValue(LabelValueText.HasLoneSurrogate(kept) ? LabelValueText.Normalize(kept) : kept, escaped);
            if (text.Length > 0)
            {
                text.Append(',');
            }

            text.Append(name).Append("=\"").Append(Encoding.UTF8.GetString(escaped[..written])).Append('"');
        }

        return text.ToString();
    }

    private void Append(ImportedSeries series)
    {
        var items = _series;
        if (_seriesCount == items.Length)
        {
            var larger = new ImportedSeries[items.Length * 2];
            items.CopyTo(larger, 0);
            Volatile.Write(ref _series, items = larger);
        }

        Volatile.Write(ref items[_seriesCount], series);
        Volatile.Write(ref _seriesCount, _seriesCount + 1);
    }

    private void Insert(int hash, KeyValuePair<string, string>[] stored, ImportedSeries series)
    {
        var buckets = _buckets;
        if (_nodes + 1 > buckets.Length * 3 / 4)
        {
            var larger = new Node?[buckets.Length * 2];
            foreach (var head in buckets)
            {
                for (var node = head; node is not null; node = node.Next)
                {
                    ref var slot = ref larger[node.Hash & (larger.Length - 1)];
                    slot = new Node(node.Hash, node.Tags, node.Series, slot);
                }
            }

            Volatile.Write(ref _buckets, buckets = larger);
        }

        ref var bucket = ref buckets[hash & (buckets.Length - 1)];
        Volatile.Write(ref bucket, new Node(hash, stored, series, bucket));
        _nodes++;
    }

    private sealed class Node(int hash, KeyValuePair<string, string>[] tags, ImportedSeries series, Node? next)
    {
        public int Hash { get; } = hash;

        public KeyValuePair<string, string>[] Tags { get; } = tags;

        public ImportedSeries Series { get; } = series;

        public Node? Next { get; } = next;
    }
}
