using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;

namespace Metrics.Generators.PackageTests.Support;

/// <summary>Processes runs the SDK and the built apps as real processes, the way a user or an operator does.</summary>
internal static class Processes
{
    public const int SIGINT = 2;
    public const int SIGTERM = 15;

    /// <summary>Runs a command to its end and returns its standard output; a non-zero exit fails the test.</summary>
    public static string Run(string directory, string file, params string[] arguments)
    {
        using var process = Process.Start(StartInfo(directory, file, arguments))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"'{file} {string.Join(' ', arguments)}' did not finish in 10 minutes");
        }

        Assert.True(process.ExitCode == 0, $"'{file} {string.Join(' ', arguments)}' exited {process.ExitCode}:\n{stdout.Result}\n{stderr.Result}");
        return stdout.Result;
    }

    /// <summary>Runs a command to its end and returns its exit code and standard output, whatever the exit code.</summary>
    public static (int ExitCode, string Output) RunToEnd(string directory, string file, params string[] arguments)
    {
        using var process = Process.Start(StartInfo(directory, file, arguments))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"'{file} {string.Join(' ', arguments)}' did not finish in 10 minutes");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }

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

        // Inherited MSBuild variables from the test host would point the child build at the wrong SDK pieces.
        foreach (var name in new[] { "MSBuildExtensionsPath", "MSBUILD_EXE_PATH", "MSBuildSDKsPath" })
        {
            start.Environment.Remove(name);
        }

        return start;
    }

    /// <summary>
    /// The start of an app that a test stops with signals. It goes through <c>env --default-signal=INT,QUIT</c>
    /// (GNU coreutils, which execs, so the PID is the app's): a test runner started in the background inherits
    /// SIGINT ignored from its shell and would pass that on, where a terminal's Ctrl+C is not ignored.
    /// </summary>
    public static ProcessStartInfo AppStartInfo(string directory, string file, params string[] arguments)
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "sends POSIX signals with kill and env --default-signal (Linux only)");
        return StartInfo(directory, "env", ["--default-signal=INT,QUIT", file, .. arguments]);
    }

    /// <summary>Sends a POSIX signal, as a container runtime or systemd does.</summary>
    public static void Signal(Process process, int signal)
        => Assert.True(Kill(process.Id, signal) == 0, $"kill({process.Id}, {signal}) failed: errno {Marshal.GetLastPInvokeError()}");

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}

/// <summary>
/// RunningApp is a started app whose output is collected as it arrives; disposing it kills what is still running,
/// so a failed test leaves no process behind.
/// </summary>
internal sealed class RunningApp : IDisposable
{
    private readonly StringBuilder _output = new();
    private readonly Process _process;

    public RunningApp(ProcessStartInfo start)
    {
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        Assert.True(_process.Start(), "could not start " + start.FileName);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public Process Process => _process;

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

    /// <summary>Waits for Kestrel's "Now listening on:" line and returns that address.</summary>
    public Uri WaitForListeningAddress(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var match = Regex.Match(Output, @"Now listening on: (http://127\.0\.0\.1:\d+)");
            if (match.Success)
            {
                return new Uri(match.Groups[1].Value);
            }

            Assert.False(_process.HasExited, $"the app exited with {(_process.HasExited ? _process.ExitCode : 0)} before listening:\n{Output}");
            Thread.Sleep(100);
        }

        Assert.Fail($"the app did not report a listening address within {timeout}:\n{Output}");
        return null!;
    }

    /// <summary>Sends <paramref name="signal"/> and requires a clean exit (code 0, no unhandled exception) in 10 s.</summary>
    public void StopWith(int signal)
    {
        Processes.Signal(_process, signal);
        Assert.True(_process.WaitForExit(TimeSpan.FromSeconds(10)), $"still running 10 s after signal {signal}:\n{Output}");
        _process.WaitForExit(); // drains the redirected output
        Assert.True(_process.ExitCode == 0, $"exit code {_process.ExitCode} after signal {signal}:\n{Output}");
        Assert.DoesNotContain("Unhandled exception", Output, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

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
