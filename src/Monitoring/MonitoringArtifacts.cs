using System.Text;
using Metrics.Generators.Shared;
using Metrics.Generators.Shared.Declarations;

namespace Metrics.Generators.Monitoring;

/// <summary>
/// MonitoringArtifacts turns metric declarations into the files that watch them: a Prometheus 2.x rules file
/// (recording rules for rates, RED error ratios, histogram quantiles and SLO fractions, plus one SLO alert per
/// histogram that declares <c>Slo</c>) and a Grafana dashboard plotting the same expressions. Pass it
/// <c>Metrics.Generators.Generated.MetricCatalog.Descriptors</c> to cover every metric an assembly declares.
/// </summary>
/// <remarks>
/// <para>Pure and dependency-free: the output depends only on the descriptors and the options, never on input
/// order, culture, time or machine, so the files can be committed and diffed; regenerate them when a declaration
/// changes. The rule and panel names are listed in <c>docs/monitoring.md</c>.</para>
/// <para>It reads declarations, not a running registry: nothing here touches <see cref="MetricRegistry"/>.
/// Thread-safe. Cost is linear in the number of metrics; meant for a build step or a start-up hook, not a request path.</para>
/// </remarks>
public static class MonitoringArtifacts
{
    /// <summary>The file name <see cref="WriteFiles"/> gives the rules file.</summary>
    public const string RulesFileName = "prometheus-rules.yml";

    /// <summary>The file name <see cref="WriteFiles"/> gives the dashboard.</summary>
    public const string DashboardFileName = "grafana-dashboard.json";

    /// <summary>Returns the YAML text of a Prometheus 2.x rules file (<c>promtool check rules</c> accepts it) for <paramref name="metrics"/>.</summary>
    /// <param name="metrics">The metrics to cover, in any order; gauges get no rules.</param>
    /// <param name="options">Aggregation, window and SLO settings; null for the defaults.</param>
    /// <returns>The file's text, <c>\n</c> line ends, ending in a line feed.</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="metrics"/> is null.</exception>
    /// <exception cref="ArgumentException">When a descriptor is null, two expose the same name, or an option is invalid.</exception>
    public static string PrometheusRules(IEnumerable<MetricDescriptor> metrics, MonitoringOptions? options = null)
    {
        var (sorted, checkedOptions) = Prepare(metrics, options);
        return PrometheusRulesWriter.Write(sorted, checkedOptions);
    }

    /// <summary>Returns the JSON of a Grafana dashboard (schema 39) for <paramref name="metrics"/>, ready to import or provision.</summary>
    /// <param name="metrics">The metrics to plot, in any order.</param>
    /// <param name="options">Aggregation labels (template variables), window, title and uid; null for the defaults.</param>
    /// <returns>Indented JSON, <c>\n</c> line ends, ending in a line feed.</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="metrics"/> is null.</exception>
    /// <exception cref="ArgumentException">When a descriptor is null, two expose the same name, or an option is invalid.</exception>
    public static string GrafanaDashboard(IEnumerable<MetricDescriptor> metrics, MonitoringOptions? options = null)
    {
        var (sorted, checkedOptions) = Prepare(metrics, options);
        return GrafanaDashboardWriter.Write(sorted, checkedOptions);
    }

    /// <summary>
    /// Writes <see cref="RulesFileName"/> and <see cref="DashboardFileName"/> into <paramref name="directory"/>
    /// (created if missing, files replaced), UTF-8 without a byte-order mark. Both texts are built before either
    /// file is written, so invalid input leaves the directory untouched.
    /// </summary>
    /// <param name="directory">The target directory.</param>
    /// <param name="metrics">The metrics to cover.</param>
    /// <param name="options">Settings for both files; null for the defaults.</param>
    /// <exception cref="ArgumentException">As <see cref="PrometheusRules"/>, or when <paramref name="directory"/> is blank.</exception>
    public static void WriteFiles(string directory, IEnumerable<MetricDescriptor> metrics, MonitoringOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var (sorted, checkedOptions) = Prepare(metrics, options);
        var rules = PrometheusRulesWriter.Write(sorted, checkedOptions);
        var dashboard = GrafanaDashboardWriter.Write(sorted, checkedOptions);
        Directory.CreateDirectory(directory);
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        File.WriteAllText(Path.Combine(directory, RulesFileName), rules, utf8);
        File.WriteAllText(Path.Combine(directory, DashboardFileName), dashboard, utf8);
    }

    // Ordinal by family name, like a registry's exposition, so the caller's order never shows in the output.
    private static (MetricDescriptor[] Metrics, MonitoringOptions Options) Prepare(IEnumerable<MetricDescriptor> metrics, MonitoringOptions? options)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        options ??= new MonitoringOptions();
        options.Validate();

        var sorted = metrics.ToArray();
        var claimed = new Dictionary<string, MetricDescriptor>(StringComparer.Ordinal);
        foreach (var metric in sorted)
        {
            if (metric is null)
            {
                throw new ArgumentException("The metrics contain a null descriptor.", nameof(metrics));
            }

            // The same checks a registry makes: two metrics exposing one name would give two sets of rules for one series.
            foreach (var name in SampleNames.Claimed(metric.Name, (MetricKind)metric.Type))
            {
                if (!claimed.TryAdd(name, metric))
                {
                    throw new ArgumentException($"Metrics '{claimed[name].Name}' and '{metric.Name}' both expose '{name}'.", nameof(metrics));
                }
            }
        }

        Array.Sort(sorted, static (a, b) => string.CompareOrdinal(a.FamilyName, b.FamilyName));
        return (sorted, options);
    }
}
