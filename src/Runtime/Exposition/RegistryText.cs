using Metrics.Generators.Shared;

namespace Metrics.Generators;

/// <summary>
/// RegistryText is the exposition layer's cache for what a registry adds to every scrape beyond its families: the
/// constant labels every sample line starts its label block with (<c>service="order"</c>), and the
/// <c>target_info</c> family stating the service identity, rendered once per format when the registry is created.
/// </summary>
/// <remarks>
/// <c>target_info</c> follows OpenTelemetry's Prometheus compatibility rules: a resource attribute name becomes a
/// label name as an imported tag key does (<c>ImportedNames.Label</c>: every character outside <c>[a-zA-Z0-9_]</c>
/// becomes <c>_</c>, <c>service.name</c> → <c>service_name</c>), the value is 1, and the type is OpenMetrics <c>info</c> (a gauge in text 0.0.4, where
/// info does not exist). It carries the constant labels too, so it joins the series it describes. Immutable.
/// </remarks>
internal sealed class RegistryText
{
    /// <summary>The family name OpenTelemetry uses for resource attributes on a Prometheus endpoint.</summary>
    public const string TargetInfoName = "target_info";

    /// <summary>A registry with no constant labels and no identity: nothing to add.</summary>
    public static readonly RegistryText None = new([], []);

    private readonly byte[][] _targetInfo;

    public RegistryText(IReadOnlyList<KeyValuePair<string, string>> constantLabels, IReadOnlyList<KeyValuePair<string, string>> targetInfo)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, value) in constantLabels)
        {
            if (!NameRules.IsValidLabelName(name) || name.StartsWith("__", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Constant label name '{name}' is invalid: it must match [a-zA-Z_][a-zA-Z0-9_]* and not start with '__'.", nameof(constantLabels));
            }

            ArgumentNullException.ThrowIfNull(value, nameof(constantLabels));
            seen.Add(name);
        }

        ConstantLabelNames = [.. constantLabels.Select(label => label.Key)];
        ConstantLabels = RenderLabels(constantLabels);

        var identity = new List<KeyValuePair<string, string>>(constantLabels);
        foreach (var (attribute, value) in targetInfo)
        {
            ArgumentNullException.ThrowIfNull(value, nameof(targetInfo));
            var name = LabelNameOf(attribute);
            if (!seen.Add(name))
            {
                throw new ArgumentException($"Target info attribute '{attribute}' becomes label '{name}', which a constant label or another attribute already names.", nameof(targetInfo));
            }

            identity.Add(new(name, value));
        }

        HasTargetInfo = targetInfo.Count > 0;
        var block = RenderLabels(identity);
        _targetInfo = Array.ConvertAll(ExpositionFormatWriter.All, writer => HasTargetInfo ? writer.RenderTargetInfo(block) : []);
    }

    /// <summary>The rendered constant labels, <c>a="x",b="y"</c> (empty when there are none).</summary>
    public byte[] ConstantLabels { get; }

    /// <summary>The constant labels' names, which no family of the registry may declare.</summary>
    public string[] ConstantLabelNames { get; }

    /// <summary>Whether the registry writes a <c>target_info</c> family.</summary>
    public bool HasTargetInfo { get; }

    /// <summary>The <c>target_info</c> family as <paramref name="writer"/> writes it (empty when there is none).</summary>
    public byte[] TargetInfo(ExpositionFormatWriter writer) => _targetInfo[writer.Slot];

    /// <summary>
    /// A resource attribute name as a label name (<c>service.name</c> → <c>service_name</c>): the same rule the meter
    /// import applies to tag keys (<see cref="ImportedNames.Label"/>), so one attribute is one label name everywhere.
    /// </summary>
    public static string LabelNameOf(string attribute)
    {
        ArgumentException.ThrowIfNullOrEmpty(attribute);
        return ImportedNames.Label(attribute, histogram: false);
    }

    private static byte[] RenderLabels(IReadOnlyList<KeyValuePair<string, string>> labels)
    {
        var bytes = new List<byte>();
        foreach (var (name, value) in labels)
        {
            if (bytes.Count > 0)
            {
                bytes.Add((byte)',');
            }

            bytes.AddRange(System.Text.Encoding.UTF8.GetBytes(name + "=\""));
            var escaped = new byte[TextEscaping.MaxEscapedLabelValueLength(value.Length)];
            bytes.AddRange(escaped.AsSpan(0, TextEscaping.WriteEscapedLabelValue(value, escaped)).ToArray());
            bytes.Add((byte)'"');
        }

        return [.. bytes];
    }
}
