using System.Globalization;

namespace Metrics.Generators.AspNetCore;

/// <summary>StatusCodeText caches the decimal text of every status code 100–599, so labelling a response allocates nothing.</summary>
internal static class StatusCodeText
{
    private static readonly string[] Texts = CreateTexts();

    /// <summary>Returns the decimal text of <paramref name="statusCode"/>; cached for 100–599.</summary>
    /// <param name="statusCode">The response status code.</param>
    /// <returns>Its text.</returns>
    public static string Of(int statusCode)
        => (uint)(statusCode - 100) < (uint)Texts.Length
            ? Texts[statusCode - 100]
            : statusCode.ToString(CultureInfo.InvariantCulture);

    private static string[] CreateTexts()
    {
        var texts = new string[500];
        for (var i = 0; i < texts.Length; i++)
        {
            texts[i] = (i + 100).ToString(CultureInfo.InvariantCulture);
        }

        return texts;
    }
}
