namespace Metrics.Generators.Shared.Declarations;

/// <summary>LabelKind says how a label's values are known, and so how the generated code indexes them.</summary>
internal enum LabelKind
{
    /// <summary>An enum: values are the members, indexed by a switch on the member.</summary>
    Enum,
    /// <summary>A bool: values <c>false</c>, <c>true</c>.</summary>
    Bool,
    /// <summary>A string with <c>AllowedValues</c>: a fixed set, indexed by a switch on the string.</summary>
    AllowedStrings,
    /// <summary>A string with <c>MaxValues</c>: the first n distinct values seen at run time.</summary>
    BoundedString,
}
