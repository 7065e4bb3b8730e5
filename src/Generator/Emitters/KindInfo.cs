using Metrics.Generators.Generator.Helpers;
using Metrics.Generators.Shared.Declarations;

namespace Metrics.Generators.Generator.Emitters;

/// <summary>KindInfo names the runtime types and words that differ by metric kind.</summary>
internal sealed class KindInfo
{

    private static readonly KindInfo s_counter = new("counter", "Counter");
    private static readonly KindInfo s_gauge = new("gauge", "Gauge");
    private static readonly KindInfo s_histogram = new("histogram", "Histogram");
    private static readonly KindInfo s_summary = new("summary", "Summary");

    private KindInfo(string word, string prefix)
    {
        Word = word;
        MetricType = TypeNames.MetricType + "." + prefix;
        Cell = TypeNames.InRuntime(prefix + "Cell");
        Family = TypeNames.FamilyOf(Cell);
    }

    /// <summary>The kind in prose: <c>counter</c>.</summary>
    public string Word { get; }

    /// <summary>The <c>MetricType</c> member.</summary>
    public string MetricType { get; }

    /// <summary>The family type, e.g. <c>global::Metrics.Generators.MetricFamily&lt;global::Metrics.Generators.CounterCell&gt;</c>.</summary>
    public string Family { get; }

    /// <summary>The cell (one series) type, e.g. <c>global::Metrics.Generators.CounterCell</c>.</summary>
    public string Cell { get; }

    /// <summary>The info for <paramref name="kind"/>.</summary>
    public static KindInfo For(MetricKind kind) => kind switch
    {
        MetricKind.Gauge => s_gauge,
        MetricKind.Histogram => s_histogram,
        MetricKind.Summary => s_summary,
        _ => s_counter,
    };
}
