namespace Metrics.Generators;

/// <summary>
/// DefaultCollectorOptions chooses which groups of process and .NET runtime metrics
/// <see cref="DefaultCollectors.Register"/> adds. Every group is on by default; set a property to false to leave its
/// families out. Read once, when <see cref="DefaultCollectors.Register"/> runs: changing it later changes nothing.
/// </summary>
public sealed class DefaultCollectorOptions
{
    /// <summary>
    /// Process metrics with the names Prometheus' Go and Python clients use: <c>process_cpu_seconds_total</c>,
    /// <c>process_resident_memory_bytes</c>, <c>process_virtual_memory_bytes</c>, <c>process_open_fds</c>,
    /// <c>process_max_fds</c>, <c>process_start_time_seconds</c>. On Linux the memory and descriptor values come from
    /// <c>/proc/self</c>; elsewhere from <see cref="Environment"/> and <see cref="System.Diagnostics.Process"/>, and a
    /// value the platform cannot give is left out.
    /// </summary>
    public bool Process { get; set; } = true;

    /// <summary>
    /// Garbage-collector metrics: <c>dotnet_gc_collections_total{generation}</c>, <c>dotnet_gc_heap_size_bytes</c>,
    /// <c>dotnet_gc_allocated_bytes_total</c>, <c>dotnet_gc_committed_memory_bytes</c>,
    /// <c>dotnet_gc_pause_seconds_total</c>.
    /// </summary>
    public bool GarbageCollector { get; set; } = true;

    /// <summary>
    /// Thread-pool metrics: <c>dotnet_threadpool_threads</c>, <c>dotnet_threadpool_queue_length</c>,
    /// <c>dotnet_threadpool_completed_items_total</c>.
    /// </summary>
    public bool ThreadPool { get; set; } = true;

    /// <summary>Lock contention: <c>dotnet_lock_contentions_total</c>.</summary>
    public bool LockContention { get; set; } = true;

    /// <summary>
    /// Exceptions thrown: <c>dotnet_exceptions_total</c>. Counting subscribes to
    /// <see cref="AppDomain.FirstChanceException"/> (one atomic increment per exception thrown anywhere in the
    /// process) while the family is registered; unregistering it unsubscribes.
    /// </summary>
    public bool Exceptions { get; set; } = true;
}
