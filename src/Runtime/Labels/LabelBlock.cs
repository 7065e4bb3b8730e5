using System.Text;

namespace Metrics.Generators;

/// <summary>
/// LabelBlock renders a series' labels as the UTF-8 text that goes between the braces of its sample lines,
/// <c>method="GET",route="/x"</c>, with values escaped. It runs once per series, when the series is created, so
/// a scrape copies bytes and never formats or escapes labels.
/// </summary>
internal static class LabelBlock
{
    /// <summary>
    /// Decodes <paramref name="seriesIndex"/> (mixed-radix over <paramref name="labels"/>, first label most
    /// significant) into label values and renders them. Empty for an unlabeled family.
    /// </summary>
    public static byte[] Render(LabelDimension[] labels, long seriesIndex)
    {
        if (labels.Length == 0)
        {
            return [];
        }

        var values = new string[labels.Length];
        var rest = seriesIndex;
        for (var k = labels.Length - 1; k >= 0; k--)
        {
            var cardinality = labels[k].Cardinality;
            values[k] = labels[k].ValueAt((int)(rest % cardinality));
            rest /= cardinality;
        }

        var builder = new StringBuilder();
        for (var k = 0; k < labels.Length; k++)
        {
            if (k > 0)
            {
                builder.Append(',');
            }

            builder.Append(labels[k].Name).Append("=\"");
            TextEscaping.AppendEscaped(builder, values[k], escapeQuotes: true).Append('"');
        }

        return Encoding.UTF8.GetBytes(builder.ToString());
    }
}
