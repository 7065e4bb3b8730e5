using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace Metrics.Generators.EndToEnd.Tests.Support;

/// <summary>
/// ChildProcess runs a program of this repository as a real process, collects its output, and stops it with a
/// signal. It is started through <c>env --default-signal=INT,QUIT</c>: a test runner launched in the background
/// inherits SIGINT ignored from its shell, and the child would inherit that too, where a terminal's Ctrl+C is not.
/// </summary>
internal sealed partial class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<Uri> _metrics = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ChildProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>A path the test project put in its assembly metadata (see the csproj).</summary>
    public static string PathOf(string key) => Path.GetFullPath(Metadata(key));

    /// <summary>A value the test project put in its assembly metadata (see the csproj).</summary>
    public static string Metadata(string key)
        => typeof(ChildProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

    /// <summary>Starts <c>dotnet</c> with <paramref name="arguments"/> in a fresh temporary working directory.</summary>
    public static ChildProcess StartDotnet(string workingDirectory, params string[] arguments)
    {
        // POSIX signals sent with kill(1), and env(1) from GNU coreutils to undo an inherited SIG_IGN.
        Assert.SkipUnless(OperatingSystem.IsLinux(), "sends POSIX signals with kill and env --default-signal (Linux only)");
        var start = new ProcessStartInfo("env")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in (string[])["--default-signal=INT,QUIT", "dotnet", .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        // No telemetry banner or first-run work in the child's output.
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        var child = new ChildProcess(process);
        process.OutputDataReceived += (_, e) => child.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => child.OnLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>The first metrics URL the program printed (<c>metrics: http://…/metrics</c>).</summary>
    public async Task<Uri> MetricsUrlAsync(CancellationToken cancellationToken)
    {
        var exited = _process.WaitForExitAsync(cancellationToken);
        var first = await Task.WhenAny(_metrics.Task, exited);
        if (first != _metrics.Task)
        {
            throw new InvalidOperationException("The process ended before printing its metrics URL:\n" + Output);
        }

        return await _metrics.Task;
    }

    /// <summary>Sends <paramref name="signal"/> (TERM, INT, …) to the process by its PID.</summary>
    public void Signal(string signal)
    {
        using var kill = Process.Start("kill", ["-s", signal, Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }

    /// <summary>The exit code, or null when the process is still running after <paramref name="limit"/>.</summary>
    public async Task<int?> WaitForExitAsync(TimeSpan limit, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limit);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }

        // The exit event can come before the last output lines: wait for the streams to end.
        _process.WaitForExit();
        return _process.ExitCode;
    }

    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        if (MetricsLine().Match(line) is { Success: true } match)
        {
            _metrics.TrySetResult(new Uri(match.Groups[1].Value));
        }
    }

    [GeneratedRegex(@"metrics: (https?://\S+/metrics)")]
    private static partial Regex MetricsLine();
}
