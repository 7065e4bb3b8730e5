using System.Buffers.Text;
using System.IO.Enumeration;

namespace Metrics.Generators;

/// <summary>
/// ProcSelf reads this process' numbers from Linux procfs the way Prometheus' Python and Go clients do:
/// <c>/proc/self/stat</c> for virtual and resident memory, one directory entry per open descriptor, and the soft
/// "Max open files" limit in <c>/proc/self/limits</c>.
/// </summary>
/// <remarks>
/// Each call opens, reads and closes one file (or lists one directory) into a stack buffer and parses the bytes: no
/// <see cref="System.Diagnostics.Process"/>, no strings, no LINQ. A file that cannot be read or parsed gives NaN,
/// which <see cref="CallbackFamily"/> turns into a missing sample. Thread-safe (no state).
/// </remarks>
internal static class ProcSelf
{
    // Fields of /proc/self/stat counted from the first one after the ")" that closes the command name (field 3,
    // the state, is 0): proc(5) numbers vsize 23 and rss 24, 1-based.
    private const int VirtualMemoryField = 20;
    private const int ResidentPagesField = 21;

    private const string StatPath = "/proc/self/stat";
    private const string LimitsPath = "/proc/self/limits";

    // /proc/self/fdinfo has one entry per open descriptor, as /proc/self/fd does, but its entries are regular files:
    // .NET's enumerator stats every symlink it lists (to learn whether it points to a directory), which made listing
    // /proc/self/fd some 20 times slower. /proc/self/fd is the fallback for a kernel without fdinfo (before 2.6.22).
    private const string FdInfoPath = "/proc/self/fdinfo";
    private const string FdPath = "/proc/self/fd";

    // The stat line is usually about 300 bytes; 52 numbers of at most 20 digits and a 16-byte command name fit.
    private const int StatBufferSize = 2048;

    // /proc/self/limits is 17 fixed-width lines of about 80 bytes.
    private const int LimitsBufferSize = 4096;

    // Listing descriptors: every entry counts, none is skipped by attributes, and nothing is allocated per entry
    // (the transform never builds a path or name string).
    private static readonly EnumerationOptions FdListing = new()
    {
        AttributesToSkip = 0,
        IgnoreInaccessible = true,
        RecurseSubdirectories = false,
        ReturnSpecialDirectories = false,
    };

    /// <summary>Whether procfs describes this process (Linux, Android); probed once by the caller.</summary>
    public static bool IsAvailable()
    {
        try
        {
            return !double.IsNaN(VirtualMemoryBytes());
        }
        catch (Exception)
        {
            return false;
        }
    }

    /// <summary>The virtual memory size in bytes (stat field <c>vsize</c>), or NaN.</summary>
    public static double VirtualMemoryBytes() => StatField(VirtualMemoryField);

    /// <summary>The resident set size in bytes (stat field <c>rss</c>, in pages, times the page size), or NaN.</summary>
    public static double ResidentMemoryBytes() => StatField(ResidentPagesField) * Environment.SystemPageSize;

    /// <summary>
    /// Returns how to count open file descriptors here: a function that lists <c>/proc/self/fdinfo</c> (or
    /// <c>/proc/self/fd</c>). The count includes the descriptor the listing itself holds open, as in the Python and Go
    /// clients.
    /// </summary>
    public static Func<double> OpenFileDescriptors()
        => Directory.Exists(FdInfoPath) ? static () => CountEntries(FdInfoPath) : static () => CountEntries(FdPath);

    private static double CountEntries(string directory)
    {
        var count = 0;
        foreach (var _ in new FileSystemEnumerable<byte>(directory, static (ref FileSystemEntry _) => 0, FdListing))
        {
            count++;
        }

        return count;
    }

    /// <summary>The soft limit on open file descriptors ("Max open files"); +Inf when unlimited, NaN when unknown.</summary>
    public static double MaxFileDescriptors()
    {
        Span<byte> buffer = stackalloc byte[LimitsBufferSize];
        var text = buffer[..ReadFile(LimitsPath, buffer)];
        var at = text.IndexOf("Max open files"u8);
        if (at < 0)
        {
            return double.NaN;
        }

        var soft = text[(at + "Max open files".Length)..].TrimStart((byte)' ');
        if (soft.StartsWith("unlimited"u8))
        {
            return double.PositiveInfinity;
        }

        return Utf8Parser.TryParse(soft, out long limit, out _) ? limit : double.NaN;
    }

    /// <summary>Parses one numeric field of <c>/proc/self/stat</c> (see the field constants), or NaN.</summary>
    internal static double ParseStatField(ReadOnlySpan<byte> stat, int field)
    {
        // The command name is in parentheses and may itself hold spaces and ')': fields start after the last ')'.
        var close = stat.LastIndexOf((byte)')');
        if (close < 0)
        {
            return double.NaN;
        }

        var rest = stat[(close + 1)..].TrimStart((byte)' ');
        for (var i = 0; i < field; i++)
        {
            var space = rest.IndexOf((byte)' ');
            if (space < 0)
            {
                return double.NaN;
            }

            rest = rest[(space + 1)..].TrimStart((byte)' ');
        }

        return Utf8Parser.TryParse(rest, out ulong value, out _) ? value : double.NaN;
    }

    private static double StatField(int field)
    {
        Span<byte> buffer = stackalloc byte[StatBufferSize];
        return ParseStatField(buffer[..ReadFile(StatPath, buffer)], field);
    }

    /// <summary>Reads as much of <paramref name="path"/> as fits in <paramref name="buffer"/>; returns the length read.</summary>
    private static int ReadFile(string path, Span<byte> buffer)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var total = 0;
        while (total < buffer.Length)
        {
            var wanted = buffer.Length - total;
            var read = RandomAccess.Read(handle, buffer[total..], total);
            total += read;

            // procfs hands over the whole file in one read when it fits; a short read is the end, and asking again
            // at an offset would make the kernel render the file a second time only to skip it.
            if (read < wanted)
            {
                break;
            }
        }

        return total;
    }
}
