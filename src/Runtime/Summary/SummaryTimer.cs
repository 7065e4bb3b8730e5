using System.Diagnostics;

namespace Metrics.Generators;

/// <summary>
/// SummaryTimer measures from its creation (<see cref="SummaryCell.Time"/>) to <see cref="Dispose"/> with
/// <see cref="Stopwatch.GetTimestamp"/> and observes the elapsed seconds. A struct: nothing is allocated.
/// Dispose it exactly once; a copy disposed again would observe again.
/// </summary>
public readonly struct SummaryTimer : IDisposable
{
    private readonly SummaryCell? _cell;
    private readonly long _started;

    internal SummaryTimer(SummaryCell cell)
    {
        _cell = cell;
        _started = Stopwatch.GetTimestamp();
    }

    /// <summary>Observes the seconds elapsed since the timer started. Does nothing on a default instance.</summary>
    public void Dispose()
        => _cell?.Observe((Stopwatch.GetTimestamp() - _started) / (double)Stopwatch.Frequency);
}
