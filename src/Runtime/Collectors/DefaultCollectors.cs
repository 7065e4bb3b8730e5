using System.Runtime.InteropServices;

namespace Metrics.Generators;

/// <summary>
/// DefaultCollectors adds the process and .NET runtime metrics most dashboards expect to a registry. Nothing is
/// added anywhere unless a host calls <see cref="Register"/>; <see cref="MetricRegistry.Default"/> stays empty of
/// them until then.
/// </summary>
/// <remarks>
/// <para>The metrics, by <see cref="DefaultCollectorOptions"/> switch:</para>
/// <list type="table">
/// <listheader><term>name</term><description>type, meaning</description></listheader>
/// <item><term><c>process_cpu_seconds_total</c></term><description>counter: user + system CPU time, seconds (<see cref="DefaultCollectorOptions.Process"/>)</description></item>
/// <item><term><c>process_resident_memory_bytes</c></term><description>gauge: resident memory</description></item>
/// <item><term><c>process_virtual_memory_bytes</c></term><description>gauge: virtual memory</description></item>
/// <item><term><c>process_open_fds</c></term><description>gauge: open file descriptors (Linux; handles on Windows)</description></item>
/// <item><term><c>process_max_fds</c></term><description>gauge: soft limit on open file descriptors (Linux)</description></item>
/// <item><term><c>process_start_time_seconds</c></term><description>gauge: process start time, Unix seconds</description></item>
/// <item><term><c>dotnet_gc_collections_total{generation}</c></term><description>counter: collections of generation 0, 1, 2 (<see cref="DefaultCollectorOptions.GarbageCollector"/>)</description></item>
/// <item><term><c>dotnet_gc_heap_size_bytes</c></term><description>gauge: bytes allocated on the managed heap</description></item>
/// <item><term><c>dotnet_gc_allocated_bytes_total</c></term><description>counter: bytes allocated since start</description></item>
/// <item><term><c>dotnet_gc_committed_memory_bytes</c></term><description>gauge: memory committed by the GC at the last collection</description></item>
/// <item><term><c>dotnet_gc_pause_seconds_total</c></term><description>counter: time paused for collections</description></item>
/// <item><term><c>dotnet_threadpool_threads</c></term><description>gauge: thread-pool threads (<see cref="DefaultCollectorOptions.ThreadPool"/>)</description></item>
/// <item><term><c>dotnet_threadpool_queue_length</c></term><description>gauge: queued work items</description></item>
/// <item><term><c>dotnet_threadpool_completed_items_total</c></term><description>counter: completed work items</description></item>
/// <item><term><c>dotnet_lock_contentions_total</c></term><description>counter: contended lock acquisitions (<see cref="DefaultCollectorOptions.LockContention"/>)</description></item>
/// <item><term><c>dotnet_exceptions_total</c></term><description>counter: exceptions thrown since registration (<see cref="DefaultCollectorOptions.Exceptions"/>)</description></item>
/// </list>
/// <para>Cost: values are read from the runtime and the OS when a scrape writes them, so nothing runs between
/// scrapes; a scrape makes a few system calls (on Linux it reads <c>/proc/self/stat</c> twice,
/// <c>/proc/self/limits</c> once and lists <c>/proc/self/fdinfo</c>) and allocates a few small objects. The one
/// exception is <c>dotnet_exceptions_total</c>, which adds an atomic increment to every exception thrown.
/// A value that cannot be read at scrape time is left out of that scrape; scrapes never fail because of it.</para>
/// </remarks>
public static class DefaultCollectors
{
    /// <summary>
    /// Registers the collectors switched on in <paramref name="options"/> into <paramref name="registry"/>, all at once:
    /// if any of their names is already registered (for example because this was already called for the registry),
    /// it throws the registry's duplicate-name <see cref="InvalidOperationException"/> and registers none of them.
    /// </summary>
    /// <param name="registry">The registry, e.g. <see cref="MetricRegistry.Default"/>.</param>
    /// <param name="options">Which collectors to add; null adds all of them.</param>
    /// <exception cref="InvalidOperationException">When one of the names is already registered in <paramref name="registry"/>.</exception>
    public static void Register(MetricRegistry registry, DefaultCollectorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        options ??= new DefaultCollectorOptions();

        var families = new List<MetricFamily>();
        if (options.Process)
        {
            ProcessCollector.AddTo(families);
        }

        if (options.GarbageCollector)
        {
            RuntimeCollector.AddGarbageCollector(families);
        }

        if (options.ThreadPool)
        {
            RuntimeCollector.AddThreadPool(families);
        }

        if (options.LockContention)
        {
            RuntimeCollector.AddLockContention(families);
        }

        if (options.Exceptions)
        {
            ExceptionCollector.AddTo(families);
        }

        registry.RegisterAll(CollectionsMarshal.AsSpan(families));
    }
}
