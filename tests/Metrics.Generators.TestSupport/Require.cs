namespace Metrics.Generators.Tests.Support;

/// <summary>
/// Require is the one rule for a test that needs something of the machine — an external tool, an operating
/// system, a second processor: without it the test skips with the reason on a developer machine, and FAILS when
/// METRICS_REQUIRE_TOOLS=1 (CI), so CI cannot go green by silently skipping the checks that matter.
/// </summary>
public static class Require
{
    public const string Variable = "METRICS_REQUIRE_TOOLS";

    /// <summary>Whether this run must have every tool and machine property (CI sets METRICS_REQUIRE_TOOLS=1).</summary>
    public static bool IsStrict => Environment.GetEnvironmentVariable(Variable) == "1";

    /// <summary>Skips (developer machine) or fails (METRICS_REQUIRE_TOOLS=1) with <paramref name="reason"/> unless <paramref name="condition"/>.</summary>
    public static void That(bool condition, string reason)
    {
        if (!condition)
        {
            Missing(reason);
        }
    }

    /// <summary>Linux, for tests that send POSIX signals or read procfs.</summary>
    public static void Linux(string why) => That(OperatingSystem.IsLinux(), "needs Linux: " + why);

    /// <summary>At least <paramref name="count"/> processors, for tests whose threads must really run at once.</summary>
    public static void Processors(int count, string why)
        => That(Environment.ProcessorCount >= count, $"needs {count} processors, this machine has {Environment.ProcessorCount}: {why}");

    /// <summary>Never returns: skips, or fails under METRICS_REQUIRE_TOOLS=1.</summary>
    public static void Missing(string reason)
    {
        if (IsStrict)
        {
            Assert.Fail(reason + $" ({Variable}=1 makes this a failure)");
        }

        Assert.Skip(reason);
    }
}
