namespace Metrics.Generators;

/// <summary>
/// LabelBlock renders a series' labels as the UTF-8 text that goes between the braces of its sample lines,
/// <c>method="GET",route="/x"</c>, with values escaped, from the series index the cell carries.
/// It is the exposition layer's label lookup: the format writers' walk (<see cref="ExpositionFormatWriter"/>)
/// calls it once per series. Both text formats escape label values alike, so it holds no format decision.
/// </summary>
/// <remarks>
/// A scrape renders each series' block once, into a per-thread scratch buffer, and copies it into every sample
/// line of that series (13 for a histogram with 11 buckets). Known values (<see cref="FixedLabel"/>) are escaped
/// and encoded once when the label is created; free-form values are escaped and encoded as they are written, so a
/// live series holds no text of its own.
/// </remarks>
internal static class LabelBlock
{
    private const int StackLabels = 16;

    [ThreadStatic]
    private static byte[]? t_scratch;

    // Mixed-radix digits, first label most significant. The first digit is what remains (no division), and a
    // 32-bit division is used once the rest fits: a scrape decodes every series, and 64-bit divisions are slow.
    private static void Digits(LabelDimension[] labels, long seriesIndex, Span<int> digits)
    {
        var rest = seriesIndex;
        for (var k = labels.Length - 1; k > 0; k--)
        {
            var cardinality = labels[k].Cardinality;
            if ((ulong)rest <= uint.MaxValue)
            {
                (var quotient, var digit) = Math.DivRem((uint)rest, (uint)cardinality);
                digits[k] = (int)digit;
                rest = quotient;
            }
            else
            {
                (rest, var digit) = Math.DivRem(rest, cardinality);
                digits[k] = (int)digit;
            }
        }

        digits[0] = (int)rest;
    }

    /// <summary>Renders the block of <paramref name="seriesIndex"/> into a new array (for blocks kept for good).</summary>
    public static byte[] Render(LabelDimension[] labels, long seriesIndex) => RenderToScratch(labels, seriesIndex).ToArray();

    /// <summary>
    /// Decodes <paramref name="seriesIndex"/> (mixed-radix over <paramref name="labels"/>, first label most
    /// significant) and renders its labels. Empty for an unlabeled family. The span is this thread's scratch
    /// buffer: it is valid until the next call on the same thread.
    /// </summary>
    public static ReadOnlySpan<byte> RenderToScratch(LabelDimension[] labels, long seriesIndex)
    {
        if (labels.Length == 0)
        {
            return default;
        }

        Span<int> digits = labels.Length <= StackLabels ? stackalloc int[StackLabels] : new int[labels.Length];
        Digits(labels, seriesIndex, digits);

        var scratch = t_scratch ??= new byte[256];
        var used = 0;
        for (var k = 0; k < labels.Length; k++)
        {
            var label = labels[k];
            var prefix = label.NamePrefix;
            var known = label is FixedLabel fixedLabel ? fixedLabel.EscapedValue(digits[k]) : null;
            var value = known is null ? label.ValueAt(digits[k]) : null;
            var longest = 1 + prefix.Length + 1 + (known?.Length ?? TextEscaping.MaxEscapedLabelValueLength(value!.Length));
            if (scratch.Length - used < longest)
            {
                var larger = new byte[Math.Max(scratch.Length * 2, used + longest)];
                scratch.AsSpan(0, used).CopyTo(larger);
                t_scratch = scratch = larger;
            }

            if (k > 0)
            {
                scratch[used++] = (byte)',';
            }

            prefix.CopyTo(scratch, used);
            used += prefix.Length;
            if (known is not null)
            {
                known.CopyTo(scratch, used);
                used += known.Length;
            }
            else
            {
                used += TextEscaping.WriteEscapedLabelValue(value, scratch.AsSpan(used));
            }

            scratch[used++] = (byte)'"';
        }

        return scratch.AsSpan(0, used);
    }
}
