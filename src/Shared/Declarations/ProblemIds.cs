namespace Metrics.Generators.Shared.Declarations;

/// <summary>
/// ProblemIds are the diagnostic IDs the <see cref="DeclarationReader"/> reports problems under. The analyzers'
/// descriptor catalogue uses the same IDs; <see cref="ProblemMessages"/> gives each one's message format and
/// the order of its arguments. MG0003 (duplicate metric name) needs the whole compilation and is the
/// analyzer's own.
/// </summary>
internal static class ProblemIds
{
    /// <summary>The metric name does not match <c>[a-zA-Z_][a-zA-Z0-9_]*</c>. Args: name.</summary>
    public const string InvalidMetricName = "MG0001";

    /// <summary>A label name is invalid or reserved (<c>__</c> prefix, <c>le</c> on histograms, <c>quantile</c> on summaries). Args: label name, reason.</summary>
    public const string InvalidLabelName = "MG0002";

    /// <summary>The property cannot be implemented by the generator. Args: property name, reason.</summary>
    public const string WrongDeclarationShape = "MG0004";

    /// <summary>No <c>Help</c> and no XML doc summary. Args: metric name.</summary>
    public const string MissingHelp = "MG0005";

    /// <summary>Histogram buckets are invalid or declared twice. Args: metric name, reason.</summary>
    public const string InvalidBuckets = "MG0006";

    /// <summary>Summary quantiles or window are invalid. Args: metric name, reason.</summary>
    public const string InvalidSummary = "MG0007";

    /// <summary>One label name is declared twice on a metric. Args: label name, metric name.</summary>
    public const string DuplicateLabel = "MG0008";

    /// <summary>More than one of <c>[Counter]</c>, <c>[Gauge]</c>, <c>[Histogram]</c>, <c>[Summary]</c>. Args: property name, attribute list.</summary>
    public const string MultipleMetricKinds = "MG0009";

    /// <summary>A label's <c>MaxLength</c> is not positive, or set on a label whose values are fixed. Args: label name, metric name, the value, reason.</summary>
    public const string InvalidLabelMaxLength = "MG0010";

    /// <summary>A label's type is less accessible than the metric. Args: label name, metric name, label type, its accessibility, the metric's accessibility.</summary>
    public const string LabelTypeLessAccessible = "MG0011";

    /// <summary>The unit (declared or as the name's suffix) is not a base unit. Args: metric name, unit used, base unit to use.</summary>
    public const string NonBaseUnit = "MG1001";

    /// <summary>The name ends in a base unit but <c>Unit</c> is not set. Args: metric name, unit.</summary>
    public const string MissingUnit = "MG1002";

    /// <summary>The name does not end with the declared unit. Args: metric name, unit, expected suffix.</summary>
    public const string NameWithoutUnitSuffix = "MG1003";

    /// <summary>A label's values are not bounded at compile time. Args: label name, metric name, reason.</summary>
    public const string UnboundedLabel = "MG2001";

    /// <summary>A non-counter's name ends in <c>_total</c>. Args: metric name, metric type.</summary>
    public const string TotalOnNonCounter = "MG1004";

    /// <summary>A counter's name does not end in <c>_total</c>. Args: metric name.</summary>
    public const string CounterWithoutTotal = "MG1005";

    /// <summary>The name ends in <c>_bucket</c>, <c>_count</c>, <c>_sum</c> or <c>_created</c>. Args: metric name, suffix.</summary>
    public const string ReservedSuffix = "MG1006";

    /// <summary>The name contains a metric type as a word. Args: metric name, type word.</summary>
    public const string TypeInName = "MG1007";

    /// <summary>The name contains <c>:</c>, reserved for recording rules. Args: metric name.</summary>
    public const string ColonInName = "MG1008";

    /// <summary>A metric or label name is camelCase. Args: "metric" or "label", name, snake_case suggestion.</summary>
    public const string CamelCaseName = "MG1009";

    /// <summary>The name contains an abbreviated unit as a word. Args: metric name, abbreviation, base unit.</summary>
    public const string AbbreviatedUnit = "MG1010";

    /// <summary>A histogram or summary name says what it measures but carries no unit. Args: metric name, measure word, base unit, suggested name.</summary>
    public const string MeasurementWithoutUnit = "MG1011";

    /// <summary>A label named like another type's reserved label (<c>le</c>, <c>quantile</c>). Args: label name, metric kind, metric name, the type it belongs to.</summary>
    public const string ReservedLabelOnOtherType = "MG1012";

    /// <summary>A label name says it holds per-user or per-request values. Args: label name, metric name.</summary>
    public const string UnboundedLabelName = "MG2002";

    /// <summary>A counter's name says it holds a current value. Args: metric name, the word that says so.</summary>
    public const string CounterForCurrentValue = "MG4001";

    /// <summary>A status-code label on a latency histogram. Args: label name, metric name.</summary>
    public const string StatusLabelOnLatency = "MG4003";
}

/// <summary>
/// ProblemMessages are the message formats for <see cref="ProblemIds"/>, one per ID, whose placeholders take
/// <see cref="DeclarationProblem.Arguments"/> in order. The analyzers' descriptors use these so that the
/// reader and the catalogue cannot disagree on argument order.
/// </summary>
internal static class ProblemMessages
{
    /// <summary>MG0001.</summary>
    public const string InvalidMetricName = "'{0}' is not a valid metric name: use letters, digits and underscores, not starting with a digit";

    /// <summary>MG0002.</summary>
    public const string InvalidLabelName = "'{0}' is not a valid label name: {1}";

    /// <summary>MG0004.</summary>
    public const string WrongDeclarationShape = "Property '{0}' cannot be implemented as a metric: {1}";

    /// <summary>MG0005.</summary>
    public const string MissingHelp = "Metric '{0}' has no help text: set Help or add a /// <summary> to the property";

    /// <summary>MG0006.</summary>
    public const string InvalidBuckets = "Histogram '{0}' has invalid buckets: {1}";

    /// <summary>MG0007.</summary>
    public const string InvalidSummary = "Summary '{0}' is invalid: {1}";

    /// <summary>MG0008.</summary>
    public const string DuplicateLabel = "Label '{0}' is declared more than once on metric '{1}'";

    /// <summary>MG0009.</summary>
    public const string MultipleMetricKinds = "Property '{0}' has more than one metric attribute ({1}): keep one";

    /// <summary>MG0010.</summary>
    public const string InvalidLabelMaxLength = "Label '{0}' of metric '{1}' has MaxLength = {2}: {3}";

    /// <summary>MG0011.</summary>
    public const string LabelTypeLessAccessible = "Label '{0}' of metric '{1}' has the type '{2}', which is {3}, but the metric is {4}: make '{2}' {4} or the metric property {3} (until then the generated members that take the label are {3})";

    /// <summary>MG1001.</summary>
    public const string NonBaseUnit = "Metric '{0}' uses the unit '{1}': use the base unit '{2}', convert the values and name it '{3}'";

    /// <summary>MG1002.</summary>
    public const string MissingUnit = "Metric '{0}' ends in '_{1}' but declares no unit: set Unit = \"{1}\"";

    /// <summary>MG1003.</summary>
    public const string NameWithoutUnitSuffix = "Metric '{0}' declares Unit = \"{1}\" but its name does not end with '_{1}': rename it to '{2}'";

    /// <summary>MG2001.</summary>
    public const string UnboundedLabel = "Label '{0}' of metric '{1}' is not bounded: {2}";

    /// <summary>MG1004.</summary>
    public const string TotalOnNonCounter = "Metric '{0}' is a {1} but ends in '_total', which marks counters: drop the suffix, or declare a [Counter] if the value only goes up";

    /// <summary>MG1005.</summary>
    public const string CounterWithoutTotal = "Counter '{0}' does not end in '_total': it is exposed as '{0}_total' anyway, so declare that name and let the code say what dashboards see";

    /// <summary>MG1006.</summary>
    public const string ReservedSuffix = "Metric '{0}' ends in '{1}', a suffix histograms and summaries use for their own series: rename it (a count of things is a counter named '..._total')";

    /// <summary>MG1007.</summary>
    public const string TypeInName = "Metric '{0}' has the type '{1}' in its name: the exposition already states the type, so drop the word from the name";

    /// <summary>MG1008.</summary>
    public const string ColonInName = "Metric '{0}' contains ':', which is reserved for recording rules: use '_' instead";

    /// <summary>MG1009.</summary>
    public const string CamelCaseName = "The {0} name '{1}' is camelCase: write it in snake_case ('{2}')";

    /// <summary>MG1010.</summary>
    public const string AbbreviatedUnit = "Metric '{0}' uses the abbreviated unit '{1}': spell out the base unit ({2})";

    /// <summary>MG1011.</summary>
    public const string MeasurementWithoutUnit = "Metric '{0}' measures a {1} but has no unit: name it '{3}' and set Unit = \"{2}\"";

    /// <summary>MG1012.</summary>
    public const string ReservedLabelOnOtherType = "Label '{0}' on {1} '{2}' reads as the {3} label in PromQL and several clients reject it: rename the label";

    /// <summary>MG2002.</summary>
    public const string UnboundedLabelName = "Label '{0}' of metric '{1}' holds one value per user, request or object, which no bound makes useful: drop the label and put the value in logs or traces";

    /// <summary>MG4001.</summary>
    public const string CounterForCurrentValue = "Counter '{0}' names a current value ('{1}'), but a counter only goes up: declare a [Gauge] and use Inc/Dec, Set or TrackInProgress";

    /// <summary>MG4003.</summary>
    public const string StatusLabelOnLatency = "Label '{0}' splits latency histogram '{1}' into one full set of buckets per status: count statuses in a counter and keep the histogram by route and method";

    /// <summary>Returns the format for <paramref name="id"/>, or null for an unknown ID.</summary>
    public static string? For(string id) => id switch
    {
        ProblemIds.InvalidMetricName => InvalidMetricName,
        ProblemIds.InvalidLabelName => InvalidLabelName,
        ProblemIds.WrongDeclarationShape => WrongDeclarationShape,
        ProblemIds.MissingHelp => MissingHelp,
        ProblemIds.InvalidBuckets => InvalidBuckets,
        ProblemIds.InvalidSummary => InvalidSummary,
        ProblemIds.DuplicateLabel => DuplicateLabel,
        ProblemIds.MultipleMetricKinds => MultipleMetricKinds,
        ProblemIds.InvalidLabelMaxLength => InvalidLabelMaxLength,
        ProblemIds.LabelTypeLessAccessible => LabelTypeLessAccessible,
        ProblemIds.NonBaseUnit => NonBaseUnit,
        ProblemIds.MissingUnit => MissingUnit,
        ProblemIds.NameWithoutUnitSuffix => NameWithoutUnitSuffix,
        ProblemIds.UnboundedLabel => UnboundedLabel,
        ProblemIds.TotalOnNonCounter => TotalOnNonCounter,
        ProblemIds.CounterWithoutTotal => CounterWithoutTotal,
        ProblemIds.ReservedSuffix => ReservedSuffix,
        ProblemIds.TypeInName => TypeInName,
        ProblemIds.ColonInName => ColonInName,
        ProblemIds.CamelCaseName => CamelCaseName,
        ProblemIds.AbbreviatedUnit => AbbreviatedUnit,
        ProblemIds.MeasurementWithoutUnit => MeasurementWithoutUnit,
        ProblemIds.ReservedLabelOnOtherType => ReservedLabelOnOtherType,
        ProblemIds.UnboundedLabelName => UnboundedLabelName,
        ProblemIds.CounterForCurrentValue => CounterForCurrentValue,
        ProblemIds.StatusLabelOnLatency => StatusLabelOnLatency,
        _ => null,
    };
}
