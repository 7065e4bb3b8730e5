namespace Metrics.Generators.AspNetCore;

/// <summary>
/// HttpMethodLabel is the <c>method</c> label: the nine methods of RFC 9110 and RFC 5789 keep their names, anything
/// else is <c>_OTHER</c> (the OpenTelemetry convention), so a client inventing methods cannot create series.
/// </summary>
internal enum HttpMethodLabel
{
    [LabelValue("GET")]
    Get,
    [LabelValue("POST")]
    Post,
    [LabelValue("PUT")]
    Put,
    [LabelValue("DELETE")]
    Delete,
    [LabelValue("PATCH")]
    Patch,
    [LabelValue("HEAD")]
    Head,
    [LabelValue("OPTIONS")]
    Options,
    [LabelValue("TRACE")]
    Trace,
    [LabelValue("CONNECT")]
    Connect,

    /// <summary>Every non-standard method.</summary>
    [LabelValue("_OTHER")]
    Other,
}

/// <summary>HttpMethodLabels maps a request method onto <see cref="HttpMethodLabel"/>.</summary>
internal static class HttpMethodLabels
{
    /// <summary>Returns the label of <paramref name="method"/>; case-sensitive, as methods are.</summary>
    /// <param name="method">The request method.</param>
    /// <returns>Its label, <see cref="HttpMethodLabel.Other"/> for a non-standard method.</returns>
    public static HttpMethodLabel Of(string method) => method switch
    {
        "GET" => HttpMethodLabel.Get,
        "POST" => HttpMethodLabel.Post,
        "PUT" => HttpMethodLabel.Put,
        "DELETE" => HttpMethodLabel.Delete,
        "PATCH" => HttpMethodLabel.Patch,
        "HEAD" => HttpMethodLabel.Head,
        "OPTIONS" => HttpMethodLabel.Options,
        "TRACE" => HttpMethodLabel.Trace,
        "CONNECT" => HttpMethodLabel.Connect,
        _ => HttpMethodLabel.Other,
    };
}
