namespace Metrics.Generators.AspNetCore;

/// <summary>
/// HttpMethodLabel maps a request method onto the <c>method</c> label: the nine methods of RFC 9110 and RFC 5789
/// keep their names, anything else is <c>_OTHER</c> (the OpenTelemetry convention), so a client inventing methods
/// cannot create series.
/// </summary>
internal static class HttpMethodLabel
{
    /// <summary>The value every non-standard method folds into.</summary>
    public const string Other = "_OTHER";

    /// <summary>The label's values in index order; <see cref="Other"/> is last.</summary>
    public static readonly string[] Values = ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE", "CONNECT", Other];

    /// <summary>Returns the label index of <paramref name="method"/>; case-sensitive, as methods are.</summary>
    /// <param name="method">The request method.</param>
    /// <returns>An index into <see cref="Values"/>.</returns>
    public static int IndexOf(string method) => method switch
    {
        "GET" => 0,
        "POST" => 1,
        "PUT" => 2,
        "DELETE" => 3,
        "PATCH" => 4,
        "HEAD" => 5,
        "OPTIONS" => 6,
        "TRACE" => 7,
        "CONNECT" => 8,
        _ => 9,
    };
}
