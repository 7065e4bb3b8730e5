namespace Metrics.Generators.AspNetCore;

/// <summary>
/// ScrapeGate caps the scrapes of one endpoint that render at the same time. Each scrape renders its own copy of the
/// exposition and holds it until the client has read it, so a few slow clients of a large registry would otherwise
/// hold one copy each: beyond the cap a scrape is answered 503 with <c>Retry-After</c> before anything is rendered.
/// </summary>
/// <remarks>A counter, not a queue: a refused scraper retries at its next interval, which is what Prometheus does.</remarks>
internal sealed class ScrapeGate
{
    private readonly int _limit;
    private int _inFlight;

    public ScrapeGate(int limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        _limit = limit;
    }

    /// <summary>Takes a slot; false when <c>limit</c> scrapes are in flight.</summary>
    /// <returns>True when the caller must call <see cref="Exit"/>.</returns>
    public bool TryEnter()
    {
        if (Interlocked.Increment(ref _inFlight) <= _limit)
        {
            return true;
        }

        Interlocked.Decrement(ref _inFlight);
        return false;
    }

    public void Exit() => Interlocked.Decrement(ref _inFlight);
}
