namespace Metrics.Generators;

/// <summary>
/// QuantileWindow is a summary series' sliding window: <c>ageBuckets</c> sketches, one per sub-window of
/// <c>maxAge / ageBuckets</c>, used round-robin. An observation goes into the sketch of the current sub-window
/// only; a scrape merges the sketches whose sub-window is among the last <c>ageBuckets</c>, so quantiles cover
/// between <c>maxAge × (ageBuckets − 1) / ageBuckets</c> and <c>maxAge</c> of recent data.
/// </summary>
/// <remarks>
/// Time is <see cref="Environment.TickCount64"/> (milliseconds, monotonic) unless a clock is injected for tests.
/// A stale sketch is reset by the first writer of its new sub-window (see <see cref="QuantileSketch.ResetTo"/>);
/// a scrape simply skips sketches that are too old, so an idle series reports NaN once its window has passed.
/// Thread-safe; recording is lock-free except for that reset.
/// </remarks>
internal sealed class QuantileWindow
{
    private readonly QuantileSketch[] _sketches;
    private readonly long _subWindowMilliseconds;
    private readonly Func<long>? _clock;

    /// <summary>Creates the window for <paramref name="descriptor"/>'s max age and age buckets.</summary>
    public QuantileWindow(MetricDescriptor descriptor, Func<long>? clock)
    {
        _sketches = new QuantileSketch[descriptor.AgeBuckets];
        for (var i = 0; i < _sketches.Length; i++)
        {
            _sketches[i] = new QuantileSketch();
        }

        _subWindowMilliseconds = Math.Max(1, (long)(descriptor.MaxAgeSeconds * 1000 / descriptor.AgeBuckets));
        _clock = clock;
    }

    /// <summary>Counts <paramref name="value"/> in the current sub-window.</summary>
    public void Record(double value)
    {
        var epoch = CurrentEpoch();
        var slot = (int)(epoch % _sketches.Length);
        var sketch = _sketches[slot < 0 ? slot + _sketches.Length : slot];
        if (Volatile.Read(ref sketch.Epoch) != epoch)
        {
            sketch.ResetTo(epoch);
        }

        sketch.Add(value);
    }

    /// <summary>Adds the live sub-windows' counts into <paramref name="merged"/>.</summary>
    public void Collect(ref MergedCounts merged)
    {
        var epoch = CurrentEpoch();
        foreach (var sketch in _sketches)
        {
            var sketchEpoch = Volatile.Read(ref sketch.Epoch);
            if (sketchEpoch > epoch - _sketches.Length && sketchEpoch <= epoch)
            {
                sketch.MergeInto(ref merged);
            }
        }
    }

    // Floor division, so an injected clock may start anywhere, negative included.
    private long CurrentEpoch()
    {
        var now = _clock is null ? Environment.TickCount64 : _clock();
        var epoch = now / _subWindowMilliseconds;
        return now < 0 && epoch * _subWindowMilliseconds != now ? epoch - 1 : epoch;
    }
}
