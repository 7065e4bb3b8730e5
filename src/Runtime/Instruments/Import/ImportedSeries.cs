namespace Metrics.Generators;

/// <summary>
/// ImportedSeries is one series of an <see cref="ImportedFamily"/>: its label block, rendered once when the tag set
/// was first seen, and the cell that holds its value (a <see cref="CounterCell"/>, <see cref="GaugeCell"/> or
/// <see cref="HistogramCell"/>, by the family's kind).
/// </summary>
/// <remarks>
/// The overflow series of an observable counter or up-down counter also sums, per observation round, the values of
/// every tag set that folded into it (<see cref="BeginRound"/>/<see cref="EndRound"/>), so its value is their total
/// rather than whichever was observed last.
/// </remarks>
internal sealed class ImportedSeries
{
    private long _roundBits;

    public ImportedSeries(byte[] labelBlock, SeriesCell cell, bool isOverflow)
    {
        LabelBlock = labelBlock;
        Cell = cell;
        IsOverflow = isOverflow;
    }

    /// <summary>The text between the braces of its samples (<c>a="x",b="y"</c>), escaped; empty without tags.</summary>
    public byte[] LabelBlock { get; }

    /// <summary>The value.</summary>
    public SeriesCell Cell { get; }

    /// <summary>Whether this is the family's <c>__overflow__</c> series.</summary>
    public bool IsOverflow { get; }

    /// <summary>Adds an observed value to this round's total (overflow series of summed observable kinds only).</summary>
    public void AddToRound(double value) => AtomicDouble.Add(ref _roundBits, value);

    /// <summary>Starts an observation round: the total starts again from 0.</summary>
    public void BeginRound() => AtomicDouble.Write(ref _roundBits, 0);

    /// <summary>Ends an observation round: the round's total becomes the value scrapes see.</summary>
    public void EndRound() => ((GaugeCell)Cell).Set(AtomicDouble.Read(ref _roundBits));
}
