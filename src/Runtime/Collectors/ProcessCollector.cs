using System.Diagnostics;
using System.Runtime.Versioning;

namespace Metrics.Generators;

/// <summary>
/// ProcessCollector builds the <c>process_*</c> families with the names, help texts and meanings of Prometheus'
/// Python (<c>ProcessCollector</c>) and Go clients, so existing dashboards work unchanged:
/// <list type="table">
/// <item><term><c>process_cpu_seconds_total</c></term><description>counter: user + system CPU seconds (<see cref="Environment.CpuUsage"/>).</description></item>
/// <item><term><c>process_resident_memory_bytes</c></term><description>gauge: resident set size.</description></item>
/// <item><term><c>process_virtual_memory_bytes</c></term><description>gauge: virtual memory size.</description></item>
/// <item><term><c>process_open_fds</c></term><description>gauge: open file descriptors (handles on Windows, as the Go client reports).</description></item>
/// <item><term><c>process_max_fds</c></term><description>gauge: the soft limit on open file descriptors (Linux only).</description></item>
/// <item><term><c>process_start_time_seconds</c></term><description>gauge: process start, Unix seconds (read once).</description></item>
/// </list>
/// </summary>
/// <remarks>
/// <para>On Linux memory and descriptors come from <c>/proc/self</c> (<see cref="ProcSelf"/>), a file read per value
/// per scrape. CPU time everywhere comes from <see cref="Environment.CpuUsage"/>, one <c>getrusage</c> (Linux,
/// macOS) or <c>GetProcessTimes</c> (Windows) call: the same user + system total as <c>/proc/self/stat</c>'s
/// <c>utime + stime</c>, at microsecond rather than clock-tick resolution and without a file.</para>
/// <para>Elsewhere resident memory is <see cref="Environment.WorkingSet"/> and virtual memory (and Windows' handle
/// count) one <see cref="Process"/> kept for the collector's life and refreshed under a lock per scrape.
/// Each value is read once at registration; what the platform cannot give (an exception, NaN) is not registered at
/// all, and a value that later fails to read is a missing sample, never a failed scrape.</para>
/// </remarks>
internal static class ProcessCollector
{
    private static readonly MetricDescriptor CpuSeconds = new(
        "process_cpu_seconds_total", MetricType.Counter, "Total user and system CPU time spent in seconds.", "seconds", []);

    private static readonly MetricDescriptor ResidentMemory = new(
        "process_resident_memory_bytes", MetricType.Gauge, "Resident memory size in bytes.", "bytes", []);

    private static readonly MetricDescriptor VirtualMemory = new(
        "process_virtual_memory_bytes", MetricType.Gauge, "Virtual memory size in bytes.", "bytes", []);

    private static readonly MetricDescriptor OpenFds = new(
        "process_open_fds", MetricType.Gauge, "Number of open file descriptors.", null, []);

    private static readonly MetricDescriptor MaxFds = new(
        "process_max_fds", MetricType.Gauge, "Maximum number of open file descriptors.", null, []);

    private static readonly MetricDescriptor StartTime = new(
        "process_start_time_seconds", MetricType.Gauge, "Start time of the process since unix epoch in seconds.", "seconds", []);

    /// <summary>The process descriptors, in the order above.</summary>
    internal static MetricDescriptor[] Descriptors => [CpuSeconds, ResidentMemory, VirtualMemory, OpenFds, MaxFds, StartTime];

    /// <summary>Whether the <see cref="Environment.CpuUsage"/> and <see cref="Process"/> APIs exist here.</summary>
    [UnsupportedOSPlatformGuard("ios")]
    [UnsupportedOSPlatformGuard("tvos")]
    [UnsupportedOSPlatformGuard("browser")]
    private static bool CanQueryProcess => !OperatingSystem.IsIOS() && !OperatingSystem.IsTvOS() && !OperatingSystem.IsBrowser();

    /// <summary>Adds the families this platform can measure to <paramref name="families"/>.</summary>
    public static void AddTo(List<MetricFamily> families)
    {
        if (!CanQueryProcess)
        {
            return;
        }

        AddIfReadable(families, CpuSeconds, static () => Environment.CpuUsage.TotalTime.TotalSeconds);
        var startTime = ReadStartTime();
        AddIfReadable(families, StartTime, () => startTime);

        if (ProcSelf.IsAvailable())
        {
            AddIfReadable(families, ResidentMemory, ProcSelf.ResidentMemoryBytes);
            AddIfReadable(families, VirtualMemory, ProcSelf.VirtualMemoryBytes);
            AddIfReadable(families, OpenFds, ProcSelf.OpenFileDescriptors());
            AddIfReadable(families, MaxFds, ProcSelf.MaxFileDescriptors);
            return;
        }

        // Environment.WorkingSet says 0 when the OS would not tell.
        AddIfReadable(families, ResidentMemory, static () => Environment.WorkingSet is > 0 and var bytes ? bytes : double.NaN);
        var process = new RefreshedProcess();
        AddIfReadable(families, VirtualMemory, process.VirtualMemoryBytes);
        if (OperatingSystem.IsWindows())
        {
            AddIfReadable(families, OpenFds, process.HandleCount);
        }
    }

    private static void AddIfReadable(List<MetricFamily> families, MetricDescriptor descriptor, Func<double> read)
    {
        double probe;
        try
        {
            probe = read();
        }
        catch (Exception)
        {
            return;
        }

        if (!double.IsNaN(probe))
        {
            families.Add(new CallbackFamily(descriptor, read));
        }
    }

    [UnsupportedOSPlatform("ios")]
    [UnsupportedOSPlatform("tvos")]
    [UnsupportedOSPlatform("browser")]
    private static double ReadStartTime()
    {
        try
        {
            using var process = Process.GetCurrentProcess();
            return (process.StartTime.ToUniversalTime() - DateTime.UnixEpoch).TotalSeconds;
        }
        catch (Exception)
        {
            return double.NaN;
        }
    }

    /// <summary>One <see cref="Process"/> for the collector's life, refreshed before each read (not thread-safe itself).</summary>
    [UnsupportedOSPlatform("ios")]
    [UnsupportedOSPlatform("tvos")]
    [UnsupportedOSPlatform("browser")]
    private sealed class RefreshedProcess
    {
        private readonly Lock _gate = new();
        private readonly Process _process = Process.GetCurrentProcess();

        public double VirtualMemoryBytes()
        {
            lock (_gate)
            {
                _process.Refresh();
                return _process.VirtualMemorySize64;
            }
        }

        public double HandleCount()
        {
            lock (_gate)
            {
                _process.Refresh();
                return _process.HandleCount;
            }
        }
    }
}
