namespace Metrics.Generators.Generator.Helpers;

/// <summary>
/// TypeNames holds every fully qualified type the generated code names, runtime and BCL alike, so an emitter never
/// spells a namespace and a renamed runtime type is one edit here (the golden files then show every use).
/// </summary>
internal static class TypeNames
{
    /// <summary>The runtime's namespace, as a <c>global::</c> prefix.</summary>
    public const string Runtime = "global::Metrics.Generators.";

    public const string MetricRegistry = Runtime + "MetricRegistry";
    public const string MetricDescriptor = Runtime + "MetricDescriptor";
    public const string MetricOverrides = Runtime + "MetricOverrides";
    public const string MetricType = Runtime + "MetricType";
    public const string FamilyRecording = Runtime + "FamilyRecording";
    public const string FixedLabel = Runtime + "FixedLabel";
    public const string BoundedStringLabel = Runtime + "BoundedStringLabel";
    public const string InProgressTracker = Runtime + "InProgressTracker";
    public const string DeclaresMetricAttribute = Runtime + "DeclaresMetric";

    public const string Action = "global::System.Action";
    public const string Task = "global::System.Threading.Tasks.Task";
    public const string TaskOfT = "global::System.Threading.Tasks.Task<T>";
    public const string FuncOfT = "global::System.Func<T>";
    public const string FuncOfDouble = "global::System.Func<double>";
    public const string FuncOfTask = "global::System.Func<" + Task + ">";
    public const string FuncOfTaskOfT = "global::System.Func<" + TaskOfT + ">";
    public const string EmptyStringArray = "global::System.Array.Empty<string>()";
    public const string ArrayAsReadOnly = "global::System.Array.AsReadOnly";
    public const string ReadOnlyListOfDescriptors = "global::System.Collections.Generic.IReadOnlyList<" + MetricDescriptor + ">";
    public const string InvalidOperationException = "global::System.InvalidOperationException";
    public const string ArgumentException = "global::System.ArgumentException";
    public const string GeneratedCodeAttribute = "global::System.CodeDom.Compiler.GeneratedCode";
    public const string ModuleInitializerAttribute = "global::System.Runtime.CompilerServices.ModuleInitializer";
    public const string EditorBrowsableNeverAttribute =
        "global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)";

    /// <summary>A runtime type by its simple name: a cell (<c>CounterCell</c>) or a timer (<c>HistogramTimer</c>).</summary>
    public static string InRuntime(string simpleName) => Runtime + simpleName;

    /// <summary>The generic family over <paramref name="cell"/>: <c>MetricFamily&lt;CounterCell&gt;</c>.</summary>
    public static string FamilyOf(string cell) => Runtime + "MetricFamily<" + cell + ">";
}
