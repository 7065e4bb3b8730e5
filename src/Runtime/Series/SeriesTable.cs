namespace Metrics.Generators;

/// <summary>
/// SeriesTable maps a family's series index to its cell, creating the cell the first time an index is used, and
/// lets a scrape walk every cell created so far.
/// </summary>
/// <remarks>
/// <para>Mechanism: when the product of the label cardinalities is at most <see cref="DenseLimit"/>, the table is
/// a dense array of cells indexed directly by the series index. Otherwise it is an open-addressing hash table of
/// cells (linear probing, at most ¾ full) keyed by the index each cell carries, so a live series costs one slot
/// reference and nothing else: no node, no separate key. Looking up an existing series is one slot read (dense)
/// or a short probe (hashed) and allocates nothing.</para>
/// <para>Concurrency: lookups take no lock. Creating a series takes a lock, re-checks, creates the cell and only
/// then publishes it with a release write; a series is created once in a family's life, so the lock is off the
/// hot path. Slots are only ever filled, never changed or emptied. Growing the hashed table builds a larger array
/// under the lock and publishes it; a reader still probing the old array may miss a cell created since, and then
/// takes the slow path, which looks again in the current array under the lock.</para>
/// <para>A scrape walks a dense table in series index order; a hashed table keeps its cells also in creation order,
/// in pages of <see cref="PageSize"/> references (one more reference per series, no copying as it grows), and is
/// walked in that order: the cells were allocated in that order, so the walk reads memory nearly sequentially,
/// where hash order would jump across the heap for every series. A cell created during the walk may or may not
/// be included.</para>
/// </remarks>
/// <typeparam name="TCell">The cell type of the family.</typeparam>
internal sealed class SeriesTable<TCell>
    where TCell : SeriesCell
{
    /// <summary>The largest series count stored as a dense array (4096 references, 32 KiB on 64-bit).</summary>
    public const long DenseLimit = 4096;

    /// <summary>Cells per page of a hashed table's creation-order list.</summary>
    internal const int PageSize = 256;

    private const int InitialHashedSize = 16;

    private readonly Func<long, TCell> _create;
    private readonly long _cardinality;
    private readonly TCell?[]? _dense;
    private readonly Lock _gate = new();
    private TCell?[] _hashed;
    private TCell[]?[] _pages = [];
    private int _count;

    /// <summary>Creates a table for the series of <paramref name="labels"/>; <paramref name="create"/> makes the cell of a series index.</summary>
    public SeriesTable(LabelDimension[] labels, Func<long, TCell> create)
    {
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
            _hashed = [];
        }
        else
        {
            _hashed = new TCell?[InitialHashedSize];
        }
    }

    /// <summary>How many distinct series indexes exist: the product of the label cardinalities.</summary>
    public long Cardinality => _cardinality;

    /// <summary>How many series have been created.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>
    /// The lock every cell is created under: code that must see every cell, or be seen by every cell created later
    /// (a publishing registry handing its instrument to a family's cells), takes it too.
    /// </summary>
    public Lock CreationGate => _gate;

    /// <summary>Walks the cells created so far (see the remarks for the order). Lock-free.</summary>
    public Enumerator GetEnumerator()
    {
        // The count first: every page and cell it covers was published before it.
        var count = Volatile.Read(ref _count);
        return _dense is not null ? new(_dense, [], 0) : new(null, Volatile.Read(ref _pages), count);
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
        else
        {
            var table = Volatile.Read(ref _hashed);
            var mask = table.Length - 1;
            for (var slot = Slot(seriesIndex, mask); table[slot] is { } cell; slot = (slot + 1) & mask)
            {
                if (cell.SeriesIndex == seriesIndex)
                {
                    return cell;
                }
            }
        }

        return Add(seriesIndex);
    }

    // Fibonacci hashing: series indexes are mixed-radix, so the ones in use often share a stride (a bool label
    // last makes them all even); multiplying by 2^64/φ spreads any stride over the whole table.
    private static int Slot(long seriesIndex, int mask) => (int)((ulong)(seriesIndex * -7046029254386353131L) >> 33) & mask;

    private TCell Add(long seriesIndex)
    {
        if ((ulong)seriesIndex >= (ulong)_cardinality)
        {
            throw new ArgumentOutOfRangeException(nameof(seriesIndex), seriesIndex, $"A series index must be in [0, {_cardinality}).");
        }

        lock (_gate)
        {
            if (_dense is not null)
            {
                if (_dense[seriesIndex] is { } existing)
                {
                    return existing;
                }

                var created = _create(seriesIndex);
                Volatile.Write(ref _dense[seriesIndex], created);
                Volatile.Write(ref _count, _count + 1);
                return created;
            }

            var table = _hashed;
            var mask = table.Length - 1;
            var slot = Slot(seriesIndex, mask);
            for (; table[slot] is { } cell; slot = (slot + 1) & mask)
            {
                if (cell.SeriesIndex == seriesIndex)
                {
                    return cell;
                }
            }

            var added = _create(seriesIndex);
            AppendToPages(added);
            if ((_count + 1) * 4L > table.Length * 3L)
            {
                Volatile.Write(ref _hashed, Rehash(table, added));
            }
            else
            {
                Volatile.Write(ref table[slot], added);
            }

            Volatile.Write(ref _count, _count + 1);
            return added;
        }
    }

    private void AppendToPages(TCell cell)
    {
        var page = _count / PageSize;
        var pages = _pages;
        if (page == pages.Length)
        {
            var larger = new TCell[]?[Math.Max(4, pages.Length * 2)];
            pages.CopyTo(larger, 0);
            Volatile.Write(ref _pages, pages = larger);
        }

        var cells = pages[page];
        if (cells is null)
        {
            Volatile.Write(ref pages[page], cells = new TCell[PageSize]);
        }

        cells[_count % PageSize] = cell;
    }

    private static TCell?[] Rehash(TCell?[] table, TCell added)
    {
        var larger = new TCell?[table.Length * 2];
        var mask = larger.Length - 1;
        foreach (var cell in table)
        {
            if (cell is not null)
            {
                Insert(larger, mask, cell);
            }
        }

        Insert(larger, mask, added);
        return larger;
    }

    private static void Insert(TCell?[] table, int mask, TCell cell)
    {
        var slot = Slot(cell.SeriesIndex, mask);
        while (table[slot] is not null)
        {
            slot = (slot + 1) & mask;
        }

        table[slot] = cell;
    }

    /// <summary>Enumerator walks the filled slots of a dense table, or the creation-order pages of a hashed one.</summary>
    public ref struct Enumerator
    {
        private readonly TCell?[]? _dense;
        private readonly TCell[]?[] _pages;
        private readonly int _count;
        private int _next;

        internal Enumerator(TCell?[]? dense, TCell[]?[] pages, int count)
        {
            _dense = dense;
            _pages = pages;
            _count = count;
            _next = 0;
            Current = null!;
        }

        /// <summary>The current cell.</summary>
        public TCell Current { get; private set; }

        /// <summary>Moves to the next created cell.</summary>
        public bool MoveNext()
        {
            if (_dense is not { } dense)
            {
                if (_next >= _count)
                {
                    return false;
                }

                Current = _pages[_next / PageSize]![_next % PageSize];
                _next++;
                return true;
            }

            while ((uint)_next < (uint)dense.Length)
            {
                // A plain read, as in GetOrAdd: a reference to an element of a generic array would add a type check.
                var cell = dense[_next++];
                if (cell is not null)
                {
                    Current = cell;
                    return true;
                }
            }

            return false;
        }
    }
}
