namespace Metrics.Generators;

/// <summary>
/// SeriesTags is a series' labels as instrument tags: the registry's constant labels, then the family's labels with
/// the values a scrape shows (<c>__overflow__</c> included), decoded once from the series index. A recording cell keeps
/// the one built for the instrument it records into, so an enabled recording allocates nothing after its first.
/// </summary>
internal sealed class SeriesTags
{
    private SeriesTags(object owner, KeyValuePair<string, object?>[] values)
    {
        Owner = owner;
        Values = values;
    }

    /// <summary>The instrument these tags were built for (its registry decides the constant labels).</summary>
    public object Owner { get; }

    /// <summary>The tags, constant labels first.</summary>
    public KeyValuePair<string, object?>[] Values { get; }

    /// <summary>The tags of <paramref name="seriesIndex"/> for <paramref name="owner"/>.</summary>
    public static SeriesTags For(object owner, KeyValuePair<string, object?>[] constant, LabelDimension[] labels, long seriesIndex)
        => new(owner, Build(constant, labels, seriesIndex));

    /// <summary>Decodes <paramref name="seriesIndex"/> (mixed-radix, first label most significant) into tags.</summary>
    public static KeyValuePair<string, object?>[] Build(KeyValuePair<string, object?>[] constant, LabelDimension[] labels, long seriesIndex)
    {
        if (labels.Length == 0)
        {
            return constant;
        }

        var tags = new KeyValuePair<string, object?>[constant.Length + labels.Length];
        constant.CopyTo(tags, 0);
        var rest = seriesIndex;
        for (var k = labels.Length - 1; k > 0; k--)
        {
            (rest, var digit) = Math.DivRem(rest, labels[k].Cardinality);
            tags[constant.Length + k] = new(labels[k].Name, labels[k].ValueAt((int)digit));
        }

        tags[constant.Length] = new(labels[0].Name, labels[0].ValueAt((int)rest));
        return tags;
    }
}
