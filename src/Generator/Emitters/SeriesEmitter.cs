using Metrics.Generators.Generator.Helpers;
using Metrics.Generators.Shared.Declarations;

namespace Metrics.Generators.Generator.Emitters;

/// <summary>
/// SeriesEmitter writes the <c>Series</c> handle of a labeled metric (one pre-bound series), and the members
/// every single series exposes, which an unlabeled metric type carries directly.
/// </summary>
internal static class SeriesEmitter
{

    /// <summary>Writes <c>public readonly struct Series</c>.</summary>
    public static void WriteSeries(SourceWriter writer, MetricSpec spec)
    {
        var kind = KindInfo.For(spec.Kind);
        writer.Separate();
        writer.WriteLine("/// <summary>");
        writer.WriteLine("/// One series of <c>" + spec.Name + "</c>, bound to its label values: recording through it costs one atomic");
        writer.WriteLine("/// operation, with no label lookup. Get it once from <c>Bind</c> and keep it.");
        writer.WriteLine("/// </summary>");
        writer.OpenBlock("public readonly struct Series");
        writer.WriteLine("private readonly " + kind.Cell + " _cell;");
        writer.WriteLine();
        writer.WriteLine("[" + TypeNames.EditorBrowsableNeverAttribute + "]");
        writer.WriteLine("internal Series(" + kind.Cell + " cell) => _cell = cell;");
        WriteCellMembers(writer, spec, "_cell", "this series");
        writer.CloseBlock();
    }

    /// <summary>Writes the recording and reading members of one series, delegating to <paramref name="cellField"/>.</summary>
    public static void WriteCellMembers(SourceWriter writer, MetricSpec spec, string cellField, string subject)
    {
        foreach (var operation in Operation.For(spec))
        {
            writer.Separate();
            writer.WriteLine("/// <summary>" + string.Format(System.Globalization.CultureInfo.InvariantCulture, operation.Summary, subject) + "</summary>");
            if (operation.ValueParameter is { } value)
            {
                writer.WriteLine("/// <param name=\"" + value + "\">" + operation.ValueDoc + "</param>");
                writer.WriteLine("public void " + operation.Method + "(double " + value + ") => " + cellField + "." + operation.CellCall + ";");
            }
            else
            {
                writer.WriteLine("public void " + operation.Method + "() => " + cellField + "." + operation.CellCall + ";");
            }
        }

        switch (spec.Kind)
        {
            case MetricKind.Counter:
                WriteValue(writer, cellField, subject);
                WriteCountExceptions(writer, cellField, subject);
                break;
            case MetricKind.Gauge:
                writer.WriteLine();
                writer.WriteLine("/// <summary>Sets " + subject + " to the current time, in seconds since the Unix epoch (UTC).</summary>");
                writer.WriteLine("public void SetToCurrentTimeUtc() => " + cellField + ".SetToCurrentTimeUtc();");
                writer.WriteLine();
                writer.WriteLine("/// <summary>Adds 1 to " + subject + " now and subtracts it when the returned tracker is disposed: <c>using var _ = ….TrackInProgress();</c></summary>");
                writer.WriteLine("/// <returns>The tracker to dispose when the work is done.</returns>");
                writer.WriteLine("public " + TypeNames.InProgressTracker + " TrackInProgress() => " + cellField + ".TrackInProgress();");
                writer.WriteLine();
                writer.WriteLine("/// <summary>Makes " + subject + " report what <paramref name=\"callback\"/> returns at each scrape; <c>null</c> stops it.</summary>");
                writer.WriteLine("/// <param name=\"callback\">Called at collect time; keep it fast and thread-safe.</param>");
                writer.WriteLine("public void SetCallback(" + TypeNames.FuncOfDouble + "? callback) => " + cellField + ".SetCallback(callback);");
                WriteValue(writer, cellField, subject);
                break;
            default:
                var timer = spec.Kind == MetricKind.Histogram ? "HistogramTimer" : "SummaryTimer";
                writer.WriteLine();
                writer.WriteLine("/// <summary>Starts a timer that records the elapsed seconds in " + subject + " when disposed: <c>using var _ = ….Time();</c></summary>");
                writer.WriteLine("/// <returns>The timer to dispose when the timed work is done.</returns>");
                writer.WriteLine("public " + TypeNames.InRuntime(timer) + " Time() => " + cellField + ".Time();");
                writer.WriteLine();
                writer.WriteLine("/// <summary>The number of observations recorded in " + subject + ".</summary>");
                writer.WriteLine("public long Count => " + cellField + ".Count;");
                writer.WriteLine();
                writer.WriteLine("/// <summary>The sum of the observations recorded in " + subject + ".</summary>");
                writer.WriteLine("public double Sum => " + cellField + ".Sum;");
                break;
        }
    }

    private static void WriteValue(SourceWriter writer, string cellField, string subject)
    {
        writer.WriteLine();
        writer.WriteLine("/// <summary>The current value of " + subject + ".</summary>");
        writer.WriteLine("public double Value => " + cellField + ".Value;");
    }

    private static void WriteCountExceptions(SourceWriter writer, string cellField, string subject)
    {
        writer.WriteLine();
        writer.WriteLine("/// <summary>Runs <paramref name=\"action\"/> and adds 1 to " + subject + " if it throws; the exception propagates.</summary>");
        writer.WriteLine("/// <param name=\"action\">The work to run.</param>");
        writer.WriteLine("public void CountExceptions(" + TypeNames.Action + " action) => " + cellField + ".CountExceptions(action);");

        writer.WriteLine();
        writer.WriteLine("/// <summary>Runs <paramref name=\"func\"/> and adds 1 to " + subject + " if it throws; the exception propagates.</summary>");
        writer.WriteLine("/// <typeparam name=\"T\">The result type.</typeparam>");
        writer.WriteLine("/// <param name=\"func\">The work to run.</param>");
        writer.WriteLine("/// <returns>What <paramref name=\"func\"/> returns.</returns>");
        writer.WriteLine("public T CountExceptions<T>(" + TypeNames.FuncOfT + " func) => " + cellField + ".CountExceptions(func);");

        writer.WriteLine();
        writer.WriteLine("/// <summary>Awaits <paramref name=\"action\"/> and adds 1 to " + subject + " if it throws; the exception propagates.</summary>");
        writer.WriteLine("/// <param name=\"action\">The asynchronous work to run.</param>");
        writer.WriteLine("/// <returns>A task that completes as the work's task does.</returns>");
        writer.WriteLine("public " + TypeNames.Task + " CountExceptionsAsync(" + TypeNames.FuncOfTask + " action) => " + cellField + ".CountExceptionsAsync(action);");

        writer.WriteLine();
        writer.WriteLine("/// <summary>Awaits <paramref name=\"func\"/> and adds 1 to " + subject + " if it throws; the exception propagates.</summary>");
        writer.WriteLine("/// <typeparam name=\"T\">The result type.</typeparam>");
        writer.WriteLine("/// <param name=\"func\">The asynchronous work to run.</param>");
        writer.WriteLine("/// <returns>A task with what <paramref name=\"func\"/>'s task returns.</returns>");
        writer.WriteLine("public " + TypeNames.TaskOfT + " CountExceptionsAsync<T>(" + TypeNames.FuncOfTaskOfT + " func) => " + cellField + ".CountExceptionsAsync(func);");
    }
}
