namespace Metrics.Generators;

/// <summary>
/// LabelAttribute adds a typed label to a metric declaration. <typeparamref name="T"/> is an enum, <see cref="bool"/>
/// or <see cref="string"/>. Enum and bool labels have a cardinality known at compile time; a string label
/// must declare its bound: <see cref="AllowedValues"/>, or <see cref="MaxValues"/> distinct values beyond which
/// new values fold into one overflow series (<c>__overflow__</c>).
/// Labels appear in the generated methods in declaration order.
/// </summary>
/// <typeparam name="T">The label's C# type.</typeparam>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = true, Inherited = false)]
public sealed class LabelAttribute<T>(string name) : Attribute
{
    /// <summary>The label name, e.g. <c>status</c>. Must match <c>[a-zA-Z_][a-zA-Z0-9_]*</c> and not start with <c>__</c>.</summary>
    public string Name { get; } = name;

    /// <summary>For string labels: the most distinct values kept; later values fold into the overflow series.</summary>
    public int MaxValues { get; set; }

    /// <summary>
    /// For string labels with <see cref="MaxValues"/>: the most UTF-16 code units kept of a value, at least 1 (MG0010
    /// otherwise); when not set, 256. A longer value is cut to this length (one less where the cut would split a
    /// surrogate pair), so a 100 KB value costs 256 units in memory and in every scrape.
    /// </summary>
    public int MaxLength { get; set; }

    /// <summary>For string labels: the complete set of values; any other value folds into the overflow series.</summary>
    public string[]? AllowedValues { get; set; }
}

/// <summary>
/// LabelValueAttribute overrides the label value an enum member is exposed as. Without it, the member name
/// is converted to snake_case (<c>NotFound</c> becomes <c>not_found</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Field, AllowMultiple = false, Inherited = false)]
public sealed class LabelValueAttribute(string value) : Attribute
{
    /// <summary>The exposed label value.</summary>
    public string Value { get; } = value;
}
