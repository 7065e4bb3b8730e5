using Metrics.Generators.Shared;

namespace Metrics.Generators;

/// <summary>
/// LabelDimension is one label of a metric family: its name and the finite set of values a series index can
/// select, the last of which is always <c>__overflow__</c> (where unknown or excess values fold). A family's
/// series index is mixed-radix over its dimensions, first most significant, each digit in [0, <see cref="Cardinality"/>).
/// </summary>
/// <remarks>
/// Only <see cref="FixedLabel"/> and <see cref="BoundedStringLabel"/> derive from it. Thread-safe.
/// </remarks>
public abstract class LabelDimension
{
    private protected LabelDimension(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!NameRules.IsValidLabelName(name))
        {
            var why = name.StartsWith("__", StringComparison.Ordinal)
                ? "names starting with '__' are reserved"
                : "it must match [a-zA-Z_][a-zA-Z0-9_]*";
            throw new ArgumentException($"Label name '{name}' is invalid: {why}.", nameof(name));
        }

        Name = name;
        NamePrefix = System.Text.Encoding.UTF8.GetBytes(name + "=\"");
    }

    /// <summary>The label name.</summary>
    public string Name { get; }

    /// <summary>The UTF-8 of <c>name="</c>, which starts this label in a rendered label block.</summary>
    internal byte[] NamePrefix { get; }

    /// <summary>How many values an index of this label can take, the overflow value included.</summary>
    public abstract int Cardinality { get; }

    /// <summary>Returns the label value selected by <paramref name="index"/>; the last index is <c>__overflow__</c>.</summary>
    /// <param name="index">An index in [0, <see cref="Cardinality"/>).</param>
    /// <returns>The unescaped label value.</returns>
    /// <exception cref="ArgumentOutOfRangeException">When no value has that index (yet).</exception>
    public abstract string ValueAt(int index);
}
