namespace Metrics.Generators;

/// <summary>
/// SeriesCell is what every series of a family has in common: its place in the family's series index, from which
/// its label values are read back when it is written out. Only this library derives from it.
/// </summary>
/// <remarks>
/// A cell keeps its index rather than its rendered labels so that a live series costs a few words, not a
/// string of text; a scrape renders the labels from the index (see <c>LabelBlock</c>).
/// </remarks>
public abstract class SeriesCell
{
    private protected SeriesCell(long seriesIndex) => SeriesIndex = seriesIndex;

    /// <summary>The mixed-radix index of this series over its family's labels.</summary>
    internal long SeriesIndex { get; }
}
