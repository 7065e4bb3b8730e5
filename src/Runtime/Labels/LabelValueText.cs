namespace Metrics.Generators;

/// <summary>
/// LabelValueText turns a raw label value into the value a bounded string label stores and a scrape writes: at
/// most <c>maxLength</c> UTF-16 units, cut where no surrogate pair is split, with every lone surrogate replaced
/// by U+FFFD (what UTF-8 encoding would write for it anyway).
/// </summary>
/// <remarks>
/// Storing the written form, not the raw one, is what keeps one written value one series: "\ud800" and "\ud801"
/// differ as strings but are both written <c>"\ufffd"</c>. Only the miss path of a lookup calls this; a stored
/// value has no lone surrogate and is no longer than the limit, so a raw value that needs either change can
/// never equal one and always misses first.
/// </remarks>
internal static class LabelValueText
{
    /// <summary>The length <paramref name="value"/> is cut to: at most <paramref name="maxLength"/>, one less where the cut would split a pair.</summary>
    public static int TruncatedLength(ReadOnlySpan<char> value, int maxLength)
    {
        if (value.Length <= maxLength)
        {
            return value.Length;
        }

        return char.IsHighSurrogate(value[maxLength - 1]) && char.IsLowSurrogate(value[maxLength]) ? maxLength - 1 : maxLength;
    }

    /// <summary>Whether <paramref name="value"/> holds a surrogate that is not part of a pair.</summary>
    public static bool HasLoneSurrogate(ReadOnlySpan<char> value)
    {
        var i = value.IndexOfAnyInRange('\ud800', '\udfff');
        while (i >= 0)
        {
            if (!char.IsHighSurrogate(value[i]) || i + 1 == value.Length || !char.IsLowSurrogate(value[i + 1]))
            {
                return true;
            }

            // A pair: continue after its low half.
            var next = value[(i + 2)..].IndexOfAnyInRange('\ud800', '\udfff');
            i = next < 0 ? -1 : i + 2 + next;
        }

        return false;
    }

    /// <summary>A new string of <paramref name="value"/> with every lone surrogate replaced by U+FFFD.</summary>
    public static string Normalize(ReadOnlySpan<char> value)
    {
        var chars = value.Length <= 256 ? stackalloc char[value.Length] : new char[value.Length];
        value.CopyTo(chars);
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(chars[i]))
            {
                chars[i] = '\ufffd';
            }
        }

        return new string(chars);
    }
}
