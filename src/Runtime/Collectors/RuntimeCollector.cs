namespace Metrics.Generators;

/// <summary>
/// RuntimeCollector builds the <c>dotnet_*</c> families that read totals the .NET runtime already keeps, through
/// public APIs that cost a field read or one runtime call each:
/// <list type="table">
/// <item><term><c>dotnet_gc_collections_total{generation="0|1|2"}</c></term><description>counter: <see cref="GC.CollectionCount"/>; collecting a generation also counts for every younger one.</description></item>
/// <item><term><c>dotnet_gc_heap_size_bytes</c></term><description>gauge: bytes thought to be allocated on the managed heap (<see cref="GC.GetTotalMemory"/> without forcing a collection).</description></item>
/// <item><term><c>dotnet_gc_allocated_bytes_total</c></term><description>counter: bytes allocated on the managed heap since the process started (<see cref="GC.GetTotalAllocatedBytes"/>).</description></item>
/// <item><term><c>dotnet_gc_committed_memory_bytes</c></term><description>gauge: memory the GC had committed at the last collection (<see cref="GCMemoryInfo.TotalCommittedBytes"/>).</description></item>
/// <item><term><c>dotnet_gc_pause_seconds_total</c></term><description>counter: time the runtime was paused for collections (<see cref="GC.GetTotalPauseDuration"/>).</description></item>
/// <item><term><c>dotnet_threadpool_threads</c></term><description>gauge: thread-pool threads (<see cref="ThreadPool.ThreadCount"/>).</description></item>
/// <item><term><c>dotnet_threadpool_queue_length</c></term><description>gauge: work items queued, not yet started (<see cref="ThreadPool.PendingWorkItemCount"/>).</description></item>
/// <item><term><c>dotnet_threadpool_completed_items_total</c></term><description>counter: work items completed (<see cref="ThreadPool.CompletedWorkItemCount"/>).</description></item>
/// <item><term><c>dotnet_lock_contentions_total</c></term><description>counter: times a thread had to wait for a lock (<see cref="Monitor.LockContentionCount"/>).</description></item>
/// </list>
/// </summary>
/// <remarks>
/// Every value is read when the family is written; nothing runs between scrapes. The only allocation per scrape is
/// the object behind <see cref="GC.GetGCMemoryInfo()"/>. Collection counts are the runtime's own cumulative numbers
/// (a generation-2 collection adds 1 to generations 0, 1 and 2), so each series only goes up.
/// </remarks>
internal static class RuntimeCollector
{
    private static readonly FixedLabel Generation = new("generation", "0", "1", "2");

    private static readonly MetricDescriptor GcCollections = new(
        "dotnet_gc_collections_total", MetricType.Counter,
        "Garbage collections by generation since the process started; collecting a generation also counts for every younger one.",
        null, ["generation"]);

    private static readonly MetricDescriptor GcHeapSize = new(
        "dotnet_gc_heap_size_bytes", MetricType.Gauge,
        "Bytes currently thought to be allocated on the managed heap (GC.GetTotalMemory).", "bytes", []);

    private static readonly MetricDescriptor GcAllocated = new(
        "dotnet_gc_allocated_bytes_total", MetricType.Counter,
        "Bytes allocated on the managed heap since the process started.", "bytes", []);

    private static readonly MetricDescriptor GcCommitted = new(
        "dotnet_gc_committed_memory_bytes", MetricType.Gauge,
        "Memory committed by the garbage collector, as of the last collection.", "bytes", []);

    private static readonly MetricDescriptor GcPause = new(
        "dotnet_gc_pause_seconds_total", MetricType.Counter,
        "Time the runtime has been paused for garbage collections since the process started.", "seconds", []);

    private static readonly MetricDescriptor ThreadPoolThreads = new(
        "dotnet_threadpool_threads", MetricType.Gauge, "Thread-pool threads that currently exist.", null, []);

    private static readonly MetricDescriptor ThreadPoolQueueLength = new(
        "dotnet_threadpool_queue_length", MetricType.Gauge, "Thread-pool work items queued and not yet started.", null, []);

    private static readonly MetricDescriptor ThreadPoolCompleted = new(
        "dotnet_threadpool_completed_items_total", MetricType.Counter,
        "Thread-pool work items completed since the process started.", null, []);

    private static readonly MetricDescriptor LockContentions = new(
        "dotnet_lock_contentions_total", MetricType.Counter,
        "Times a thread had to wait for a lock held by another thread since the process started.", null, []);

    /// <summary>The garbage-collector descriptors.</summary>
    internal static MetricDescriptor[] GarbageCollectorDescriptors => [GcCollections, GcHeapSize, GcAllocated, GcCommitted, GcPause];

    /// <summary>The thread-pool descriptors.</summary>
    internal static MetricDescriptor[] ThreadPoolDescriptors => [ThreadPoolThreads, ThreadPoolQueueLength, ThreadPoolCompleted];

    /// <summary>The lock-contention descriptors.</summary>
    internal static MetricDescriptor[] LockContentionDescriptors => [LockContentions];

    /// <summary>Adds the garbage-collector families.</summary>
    public static void AddGarbageCollector(List<MetricFamily> families)
    {
        families.Add(new CallbackFamily(GcCollections, Generation,
            [static () => GC.CollectionCount(0), static () => GC.CollectionCount(1), static () => GC.CollectionCount(2)]));
        families.Add(new CallbackFamily(GcHeapSize, static () => GC.GetTotalMemory(forceFullCollection: false)));
        families.Add(new CallbackFamily(GcAllocated, static () => GC.GetTotalAllocatedBytes(precise: false)));
        families.Add(new CallbackFamily(GcCommitted, static () => GC.GetGCMemoryInfo().TotalCommittedBytes));
        families.Add(new CallbackFamily(GcPause, static () => GC.GetTotalPauseDuration().TotalSeconds));
    }

    /// <summary>Adds the thread-pool families.</summary>
    public static void AddThreadPool(List<MetricFamily> families)
    {
        families.Add(new CallbackFamily(ThreadPoolThreads, static () => ThreadPool.ThreadCount));
        families.Add(new CallbackFamily(ThreadPoolQueueLength, static () => ThreadPool.PendingWorkItemCount));
        families.Add(new CallbackFamily(ThreadPoolCompleted, static () => ThreadPool.CompletedWorkItemCount));
    }

    /// <summary>Adds the lock-contention family.</summary>
    public static void AddLockContention(List<MetricFamily> families)
        => families.Add(new CallbackFamily(LockContentions, static () => Monitor.LockContentionCount));
}
