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

    /// <summary>The unit (declared or as the name's suffix) is not a base unit. Args: metric name, unit used, base unit to use.</summary>
    public const string NonBaseUnit = "MG1001";

    /// <summary>The name ends in a base unit but <c>Unit</c> is not set. Args: metric name, unit.</summary>
    public const string MissingUnit = "MG1002";

    /// <summary>The name does not end with the declared unit. Args: metric name, unit, expected suffix.</summary>
    public const string NameWithoutUnitSuffix = "MG1003";

    /// <summary>A label's values are not bounded at compile time. Args: label name, metric name, reason.</summary>
    public const string UnboundedLabel = "MG2001";
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

    /// <summary>MG1001.</summary>
    public const string NonBaseUnit = "Metric '{0}' uses the unit '{1}': use the base unit '{2}' and convert the values";

    /// <summary>MG1002.</summary>
    public const string MissingUnit = "Metric '{0}' ends in '_{1}' but declares no unit: set Unit = \"{1}\"";

    /// <summary>MG1003.</summary>
    public const string NameWithoutUnitSuffix = "Metric '{0}' declares the unit '{1}' but its name does not end with '{2}'";

    /// <summary>MG2001.</summary>
    public const string UnboundedLabel = "Label '{0}' of metric '{1}' is not bounded: {2}";

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
        ProblemIds.NonBaseUnit => NonBaseUnit,
        ProblemIds.MissingUnit => MissingUnit,
        ProblemIds.NameWithoutUnitSuffix => NameWithoutUnitSuffix,
        ProblemIds.UnboundedLabel => UnboundedLabel,
        _ => null,
    };
}
