using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Metrics.Generators.AspNetCore;

/// <summary>
/// MetricServerAuthorization checks a scrape of <see cref="MetricServer"/> against the credentials in
/// <see cref="MetricServerOptions"/>: bearer token or basic credentials (401 with <c>WWW-Authenticate</c> when missing or
/// wrong), then the <see cref="MetricServerOptions.Authorize"/> predicate (403).
/// </summary>
/// <remarks>
/// Secrets are compared as SHA-256 digests with <see cref="CryptographicOperations.FixedTimeEquals"/>: equal lengths
/// whatever was sent, so the time taken says nothing about how much of a guess was right, nor how long the secret is.
/// </remarks>
internal sealed class MetricServerAuthorization
{
    private readonly byte[]? _bearer;
    private readonly byte[]? _basic;
    private readonly Func<HttpContext, bool>? _authorize;
    private readonly StringValues _challenges;

    private MetricServerAuthorization(MetricServerOptions options)
    {
        var challenges = new List<string>(2);
        if (options.BearerToken is { } token)
        {
            ArgumentException.ThrowIfNullOrEmpty(token, nameof(options.BearerToken));
            _bearer = Digest(token);
            challenges.Add("Bearer realm=\"metrics\"");
        }

        if (options.BasicUserName is not null || options.BasicPassword is not null)
        {
            ArgumentException.ThrowIfNullOrEmpty(options.BasicUserName, nameof(options.BasicUserName));
            ArgumentNullException.ThrowIfNull(options.BasicPassword, nameof(options.BasicPassword));
            if (options.BasicUserName.Contains(':', StringComparison.Ordinal))
            {
                throw new ArgumentException("A basic-auth user name cannot contain ':'.", nameof(options));
            }

            _basic = Digest(options.BasicUserName + ":" + options.BasicPassword);
            challenges.Add("Basic realm=\"metrics\", charset=\"UTF-8\"");
        }

        _authorize = options.Authorize;
        _challenges = new StringValues([.. challenges]);
    }

    /// <summary>The checks <paramref name="options"/> asks for, or null when it asks for none.</summary>
    public static MetricServerAuthorization? For(MetricServerOptions options)
        => options.BearerToken is null && options.BasicUserName is null && options.BasicPassword is null && options.Authorize is null
            ? null
            : new MetricServerAuthorization(options);

    /// <summary>True to serve the request; otherwise the 401 or 403 is already set on the response.</summary>
    public bool Check(HttpContext context)
    {
        if ((_bearer is not null || _basic is not null) && !HasValidCredentials(context.Request.Headers.Authorization.ToString()))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = _challenges;
            return false;
        }

        if (_authorize is not null && !_authorize(context))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return false;
        }

        return true;
    }

    private bool HasValidCredentials(string authorization)
    {
        var space = authorization.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0)
        {
            return false;
        }

        var scheme = authorization.AsSpan(0, space);
        var parameter = authorization.AsSpan(space + 1).Trim();
        if (_bearer is not null && scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return CryptographicOperations.FixedTimeEquals(Digest(parameter), _bearer);
        }

        if (_basic is not null && scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase))
        {
            var decoded = new byte[(parameter.Length * 3 / 4) + 3];
            return Convert.TryFromBase64Chars(parameter, decoded, out var length)
                && CryptographicOperations.FixedTimeEquals(SHA256.HashData(decoded.AsSpan(0, length)), _basic);
        }

        return false;
    }

    private static byte[] Digest(ReadOnlySpan<char> secret)
    {
        var bytes = new byte[Encoding.UTF8.GetByteCount(secret)];
        Encoding.UTF8.GetBytes(secret, bytes);
        return SHA256.HashData(bytes);
    }
}
