using System.Collections.Concurrent;

namespace Metrics.Generators;

/// <summary>
/// SeriesTable maps a family's series index to its cell, creating the cell (and rendering its label block) the
/// first time an index is used, and keeps every cell in creation order for scraping.
/// </summary>
/// <remarks>
/// <para>Mechanism: when the product of the label cardinalities is at most <see cref="DenseLimit"/>, the table is
/// a dense array of cell references indexed directly by the series index; otherwise a
/// <see cref="ConcurrentDictionary{TKey,TValue}"/> keyed by the index. Looking up an existing series is one
/// read of an array slot (or a lock-free dictionary read) and allocates nothing.</para>
/// <para>Creating a series takes a lock, re-checks, renders the label block, appends the cell to the
/// creation-ordered array and only then publishes it in the table with a release write; a series is created once
/// in a family's life, so the lock is off the hot path and makes the scrape list and the table agree. The ordered
/// array is copy-on-grow and its count is published after the element, so a scrape reads it without a lock.</para>
/// </remarks>
/// <typeparam name="TCell">The cell type of the family.</typeparam>
internal sealed class SeriesTable<TCell>
    where TCell : class
{
    /// <summary>The largest series count stored as a dense array (4096 references, 32 KiB on 64-bit).</summary>
    public const long DenseLimit = 4096;

    private readonly LabelDimension[] _labels;
    private readonly Func<byte[], TCell> _create;
    private readonly long _cardinality;
    private readonly TCell?[]? _dense;
    private readonly ConcurrentDictionary<long, TCell>? _sparse;
    private readonly Lock _gate = new();
    private TCell[] _ordered = [];
    private int _count;

    /// <summary>Creates a table for the series of <paramref name="labels"/>; <paramref name="create"/> makes a cell from its label block.</summary>
    public SeriesTable(LabelDimension[] labels, Func<byte[], TCell> create)
    {
        _labels = labels;
        _create = create;
        long cardinality = 1;
        foreach (var label in labels)
        {
            try
            {
                cardinality = checked(cardinality * label.Cardinality);
            }
            catch (OverflowException)
            {
                throw new ArgumentException("The product of the label cardinalities does not fit in a long series index.", nameof(labels));
            }
        }

        _cardinality = cardinality;
        if (cardinality <= DenseLimit)
        {
            _dense = new TCell?[cardinality];
        }
        else
        {
            _sparse = new ConcurrentDictionary<long, TCell>();
        }
    }

    /// <summary>How many distinct series indexes exist: the product of the label cardinalities.</summary>
    public long Cardinality => _cardinality;

    /// <summary>The cells created so far, in creation order. Lock-free snapshot.</summary>
    public ReadOnlySpan<TCell> Cells
    {
        get
        {
            var count = Volatile.Read(ref _count);
            return new ReadOnlySpan<TCell>(Volatile.Read(ref _ordered), 0, count);
        }
    }

    /// <summary>Returns the cell of <paramref name="seriesIndex"/>, creating it on first use.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When the index is negative or not below <see cref="Cardinality"/>.</exception>
    public TCell GetOrAdd(long seriesIndex)
    {
        var dense = _dense;
        if (dense is not null)
        {
            // A plain read is enough: the cell was published with a release write, and .NET orders a read of a
            // reference before reads through it. (Volatile.Read(ref dense[i]) would add a covariance check here.)
            if ((ulong)seriesIndex < (ulong)dense.Length && dense[seriesIndex] is { } cell)
            {
                return cell;
            }
        }
        else if (_sparse!.TryGetValue(seriesIndex, out var cell))
        {
            return cell;
        }

        return Add(seriesIndex);
    }

    private TCell Add(long seriesIndex)
    {
        if ((ulong)seriesIndex >= (ulong)_cardinality)
        {
            throw new ArgumentOutOfRangeException(nameof(seriesIndex), seriesIndex, $"A series index must be in [0, {_cardinality}).");
        }

        lock (_gate)
        {
            var existing = _dense is not null ? _dense[seriesIndex] : _sparse!.GetValueOrDefault(seriesIndex);
            if (existing is not null)
            {
                return existing;
            }

            var cell = _create(LabelBlock.Render(_labels, seriesIndex));
            var ordered = _ordered;
            if (_count == ordered.Length)
            {
                var larger = new TCell[Math.Max(4, ordered.Length * 2)];
                ordered.CopyTo(larger, 0);
                larger[_count] = cell;
                Volatile.Write(ref _ordered, larger);
            }
            else
            {
                ordered[_count] = cell;
            }

            Volatile.Write(ref _count, _count + 1);
            if (_dense is not null)
            {
                Volatile.Write(ref _dense[seriesIndex], cell);
            }
            else
            {
                _sparse![seriesIndex] = cell;
            }

            return cell;
        }
    }
}
