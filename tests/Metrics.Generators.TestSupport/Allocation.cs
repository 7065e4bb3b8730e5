namespace Metrics.Generators.Tests.Support;

/// <summary>Allocation measures what a recording path allocates, with the current thread's allocation counter.</summary>
public static class Allocation
{
    /// <summary>How often <see cref="AssertNone"/> runs the action: once as warm-up, once measured.</summary>
    public const int Iterations = 10_000;

    /// <summary>
    /// Runs <paramref name="action"/> <see cref="Iterations"/> times to warm up (creates the series, JIT-compiles
    /// every tier that will run, fills lazily allocated chunks), then as often again measured: not one byte.
    /// </summary>
    public static void AssertNone(Action action)
    {
        for (var i = 0; i < Iterations; i++)
        {
            action();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Iterations; i++)
        {
            action();
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated == 0, $"{Iterations} calls allocated {allocated} bytes ({allocated / (double)Iterations:0.##} a call); expected none.");
    }
}
