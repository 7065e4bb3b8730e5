using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;

namespace Metrics.Generators.Tests.Support;

/// <summary>
/// ChildProcess runs the SDK, the built apps and the external servers as real processes: to their end
/// (<see cref="Run"/>), or started, their output collected as it arrives, stopped with a signal, and always stopped
/// by PID — the whole process tree — when disposed, so a failed test leaves no process behind.
/// </summary>
public sealed class ChildProcess : IDisposable, IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ChildProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Standard output and error so far, line by line as they arrived.</summary>
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

    /// <summary>Runs a command to its end and returns its standard output; a non-zero exit fails the test.</summary>
    public static string Run(string directory, string file, params string[] arguments)
    {
        var (exitCode, stdout, stderr) = RunCore(directory, file, arguments);
        Assert.True(exitCode == 0, $"'{file} {string.Join(' ', arguments)}' exited {exitCode}:\n{stdout}\n{stderr}");
        return stdout;
    }

    /// <summary>Runs a command to its end and returns its exit code and output, whatever the exit code.</summary>
    public static (int ExitCode, string Output) RunToEnd(string directory, string file, params string[] arguments)
    {
        var (exitCode, stdout, stderr) = RunCore(directory, file, arguments);
        return (exitCode, stdout + stderr);
    }

    /// <summary>
    /// A start with redirected output, no shell, no telemetry banner, and without the test host's MSBuild variables
    /// (they would point a child build at the wrong SDK pieces).
    /// </summary>
    public static ProcessStartInfo StartInfo(string directory, string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in new[] { "MSBuildExtensionsPath", "MSBUILD_EXE_PATH", "MSBuildSDKsPath" })
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        return start;
    }

    /// <summary>Starts <paramref name="start"/> and collects its output.</summary>
    public static ChildProcess Start(ProcessStartInfo start)
    {
        var process = new Process { StartInfo = start };
        var child = new ChildProcess(process);
        process.OutputDataReceived += (_, e) => child.Append(e.Data);
        process.ErrorDataReceived += (_, e) => child.Append(e.Data);
        Assert.True(process.Start(), "could not start " + start.FileName);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>
    /// Starts an app that a test stops with signals. It goes through <c>env --default-signal=INT,QUIT</c> (GNU
    /// coreutils, which execs, so the PID is the app's): a test runner started in the background inherits SIGINT
    /// ignored from its shell and would pass that on, where a terminal's Ctrl+C is not ignored.
    /// </summary>
    public static ChildProcess StartApp(string directory, string file, params string[] arguments)
    {
        Require.Linux("sends POSIX signals with kill and env --default-signal");
        return Start(StartInfo(directory, "env", ["--default-signal=INT,QUIT", file, .. arguments]));
    }

    /// <summary>Waits for the first output line matching <paramref name="pattern"/>; fails if the process exits first or time runs out.</summary>
    public async Task<Match> WaitForOutputAsync(Regex pattern, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (pattern.Match(Output) is { Success: true } match)
            {
                return match;
            }

            if (_process.HasExited)
            {
                _process.WaitForExit(); // drains the redirected output
                if (pattern.Match(Output) is { Success: true } last)
                {
                    return last;
                }

                Assert.Fail($"the process exited with {_process.ExitCode} before printing /{pattern}/:\n{Output}");
            }

            Assert.True(DateTime.UtcNow < deadline, $"the process did not print /{pattern}/ within {timeout}:\n{Output}");
            await Task.Delay(50, cancellationToken);
        }
    }

    /// <summary>Sends a POSIX signal (TERM, INT, KILL, QUIT) to the process by its PID, as a container runtime or systemd does.</summary>
    public void Signal(string signal)
    {
        var number = signal switch
        {
            "INT" => 2,
            "QUIT" => 3,
            "KILL" => 9,
            "TERM" => 15,
            _ => throw new ArgumentOutOfRangeException(nameof(signal), signal, "INT, QUIT, KILL or TERM"),
        };
        Assert.True(Kill(_process.Id, number) == 0, $"kill({_process.Id}, SIG{signal}) failed: errno {Marshal.GetLastPInvokeError()}");
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

    /// <summary>Sends <paramref name="signal"/> and requires a clean exit (code 0, no unhandled exception) within 10 s.</summary>
    public async Task StopWithAsync(string signal, CancellationToken cancellationToken)
    {
        Signal(signal);
        var exitCode = await WaitForExitAsync(TimeSpan.FromSeconds(10), cancellationToken);
        Assert.True(exitCode is not null, $"still running 10 s after SIG{signal}:\n{Output}");
        Assert.True(exitCode == 0, $"exit code {exitCode} after SIG{signal}:\n{Output}");
        Assert.DoesNotContain("Unhandled exception", Output, StringComparison.Ordinal);
    }

    /// <summary>Kills the process and every process it started, by PID, if it still runs; then waits for it.</summary>
    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            _process.WaitForExit();
        }
        catch (InvalidOperationException)
        {
            // Never started: nothing to stop.
        }

        _process.Dispose();
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    public override string ToString() => _process.StartInfo.FileName + " (PID " + _process.Id.ToString(CultureInfo.InvariantCulture) + ")";

    private static (int ExitCode, string Stdout, string Stderr) RunCore(string directory, string file, string[] arguments)
    {
        using var process = Process.Start(StartInfo(directory, file, arguments))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"'{file} {string.Join(' ', arguments)}' did not finish in 10 minutes");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Append(line).Append('\n');
        }
    }
}
