namespace Metrics.Generators;

/// <summary>
/// InProgressTracker is what <see cref="GaugeCell.TrackInProgress"/> returns: the gauge was incremented when it
/// was created and is decremented when it is disposed. A struct: tracking allocates nothing. Dispose it exactly
/// once (a <c>using</c> statement does); a copy disposed again would decrement again.
/// </summary>
public readonly struct InProgressTracker : IDisposable
{
    private readonly GaugeCell? _cell;

    internal InProgressTracker(GaugeCell cell) => _cell = cell;

    /// <summary>Decrements the gauge. Does nothing on a default instance.</summary>
    public void Dispose() => _cell?.Dec();
}
