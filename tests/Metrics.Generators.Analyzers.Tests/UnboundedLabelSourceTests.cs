using Metrics.Generators.Analyzers.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace Metrics.Generators.Analyzers.Tests;

/// <summary>
/// MG2004 (string label fed from an unbounded source), compiled against the real Microsoft.AspNetCore.App shared
/// framework: each data-flow path the rule follows (locals, fields, helper parameters, concatenation, formatting,
/// StringBuilder, string chains) has a case that warns and one that must not.
/// </summary>
public class UnboundedLabelSourceTests
{
    private const string Usings = """
        using System.Diagnostics;
        using System.Linq;
        using System.Security.Claims;
        using System.Text;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Http.Extensions;
        using Microsoft.AspNetCore.Routing;

        """;

    [Theory]
    [InlineData("request.Path", "the raw request path or URL (PathString)")]
    [InlineData("request.Path.Value", "the raw request path or URL (PathString.Value)")]
    [InlineData("request.Query[\"q\"]", "a request query or header value")]
    [InlineData("request.QueryString.Value", "the raw request path or URL (QueryString.Value)")]
    [InlineData("request.Headers[\"User-Agent\"]", "a request query or header value")]
    [InlineData("request.Headers.UserAgent.ToString()", "a request query or header value")]
    [InlineData("request.Cookies[\"session\"]", "a request cookie value")]
    [InlineData("request.RouteValues[\"id\"]?.ToString()", "a route value (RouteValueDictionary)")]
    [InlineData("(string?)context.GetRouteValue(\"id\")", "a route value (GetRouteValue)")]
    [InlineData("request.GetDisplayUrl()", "the raw request path or URL (GetDisplayUrl)")]
    [InlineData("context.TraceIdentifier", "the request's trace identifier (HttpContext.TraceIdentifier)")]
    [InlineData("context.Connection.RemoteIpAddress!.ToString()", "a client address (IPAddress)")]
    [InlineData("context.Connection.Id", "a client address or connection id (ConnectionInfo.Id)")]
    [InlineData("context.User.Identity!.Name", "a user identity or claim (IIdentity.Name)")]
    [InlineData("context.User.FindFirst(\"sub\")!.Value", "a user identity or claim (Claim.Value)")]
    [InlineData("context.User.FindFirstValue(\"sub\")", "a user claim (FindFirstValue)")]
    [InlineData("context.User.Claims.First().Value", "a user identity or claim (Claim.Value)")]
    [InlineData("Activity.Current!.Id", "an Activity id (Activity.Id)")]
    [InlineData("Activity.Current!.TraceId.ToString()", "an Activity id (ActivityTraceId)")]
    [InlineData("Activity.Current!.SpanId.ToHexString()", "an Activity id (ActivitySpanId)")]
    [InlineData("Activity.Current!.RootId", "an Activity id (Activity.RootId)")]
    [InlineData("Activity.Current!.ParentId", "an Activity id (Activity.ParentId)")]
    [InlineData("DateTime.UtcNow.ToString(\"o\")", "the text of a timestamp")]
    [InlineData("DateTimeOffset.Now.ToString()", "the text of a timestamp")]
    [InlineData("DateTime.Now.ToShortDateString()", "the text of a timestamp")]
    [InlineData("Guid.NewGuid().ToString(\"N\")", "the text of a Guid")]
    [InlineData("orderId.ToString()", "the text of a numeric id")]
    [InlineData("order.Id.ToString()", "the text of a numeric id")]
    [InlineData("e.Message", "an exception's Message")]
    [InlineData("e.StackTrace", "an exception's StackTrace")]
    [InlineData("e.ToString()", "an exception's text")]
    [InlineData("uri.AbsoluteUri", "a URL (Uri.AbsoluteUri)")]
    public Task UnboundedSource_IsMG2004(string argument, string what) => VerifyAsync(
        Handler("Shop.Requests.Inc(Verb.Get, {|#0:" + argument + "|});"),
        Expected("route", "http_requests_total", what));

    [Theory]
    [InlineData("var id = context.TraceIdentifier;", "id", "the request's trace identifier (HttpContext.TraceIdentifier)")]
    [InlineData("var path = request.Path; var text = path.Value;", "text", "the raw request path or URL (PathString.Value)")]
    [InlineData("var route = \"/orders/\" + orderId;", "route", "the text of a numeric id")]
    [InlineData("var route = \"/orders/\" + context.TraceIdentifier;", "route", "the request's trace identifier (HttpContext.TraceIdentifier)")]
    [InlineData("var route = string.Concat(\"/orders/\", context.TraceIdentifier);", "route", "the request's trace identifier (HttpContext.TraceIdentifier)")]
    [InlineData("var route = string.Concat(\"a\", \"b\", \"c\", context.TraceIdentifier, \"e\");", "route", "the request's trace identifier (HttpContext.TraceIdentifier)")]
    [InlineData("var route = string.Format(\"/orders/{0}\", Guid.NewGuid());", "route", "the text of a Guid")]
    [InlineData("var route = $\"/orders/{request.Path}\";", "route", "an interpolated string of the raw request path or URL (HttpRequest.Path)")]
    [InlineData("var route = request.Path.ToString().ToLowerInvariant().Trim();", "route", "the raw request path or URL (PathString)")]
    [InlineData("var route = context.TraceIdentifier.Substring(0, 8).ToUpperInvariant();", "route", "the request's trace identifier (HttpContext.TraceIdentifier)")]
    [InlineData("var route = new StringBuilder().Append(\"/o/\").Append(context.TraceIdentifier).ToString();", "route", "the request's trace identifier (HttpContext.TraceIdentifier)")]
    [InlineData("var sb = new StringBuilder(); sb.Append(\"/o/\"); sb.Append(e.Message); var route = sb.ToString();", "route", "an exception's Message")]
    [InlineData("string route; route = request.Headers[\"X\"];", "route", "a request query or header value")]
    public Task UnboundedSourceThroughALocal_IsMG2004(string statements, string local, string what) => VerifyAsync(
        Handler(statements + " Shop.Requests.Inc(Verb.Get, {|#0:" + local + "|});"),
        Expected("route", "http_requests_total", what));

    [Theory]
    [InlineData("var route = context.TraceIdentifier; route = \"/orders\";")]
    [InlineData("var route = \"/orders\"; if (orderId > 0) { route = context.TraceIdentifier; }")]
    [InlineData("var route = \"/orders/{id}\";")]
    [InlineData("var route = \"/orders/\" + Verb.Get;")]
    [InlineData("var route = Verb.Get.ToString().ToLowerInvariant();")]
    [InlineData("var route = $\"/{Verb.Post}/{true}\";")]
    [InlineData("var route = new StringBuilder().Append(\"/orders/\").Append(Verb.Get).ToString();")]
    [InlineData("var sb = new StringBuilder(); sb.Append(\"/orders\"); var route = sb.ToString();")]
    [InlineData("var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? \"unknown\";")]
    [InlineData("var route = Routes.Orders;")]
    [InlineData("var route = e.GetType().Name;")]
    [InlineData("var route = statusCode.ToString();")]
    [InlineData("var route = request.Method;")]
    public Task BoundedSourceThroughALocal_IsNotReported(string statements) => VerifyAsync(
        Handler(statements + " Shop.Requests.Inc(Verb.Get, route);"));

    [Fact]
    public Task FieldsAssignedOnce_AreFollowed() => VerifyAsync(
        Usings + Shop + """
        public sealed class Tagger
        {
            private static readonly string s_startedAt = DateTime.UtcNow.ToString("o");
            private readonly string _instance;
            private readonly string _template = "/orders/{id}";
            private string _mode = "fast";

            public Tagger(HttpContext context) => _instance = context.Connection.Id;

            public void Record()
            {
                Shop.Requests.Inc(Verb.Get, {|#0:s_startedAt|});
                Shop.Requests.Inc(Verb.Get, {|#1:_instance|});
                Shop.Requests.Inc(Verb.Get, _template);
                Shop.Requests.Inc(Verb.Get, _mode);
            }

            public void Switch(HttpContext context) => _mode = "slow";
        }
        """,
        Expected("route", "http_requests_total", "the text of a timestamp", 0),
        Expected("route", "http_requests_total", "a client address or connection id (ConnectionInfo.Id)", 1));

    [Fact]
    public Task FieldWrittenTwiceOrPublic_IsNotFollowed() => VerifyAsync(
        Usings + Shop + """
        public sealed class Tagger
        {
            private string _route = "/orders";
            public string Route = "/cart";

            public void Enter(HttpContext context) => _route = context.TraceIdentifier;

            public void Record(HttpContext context)
            {
                Route = context.TraceIdentifier;
                Shop.Requests.Inc(Verb.Get, _route);
                Shop.Requests.Inc(Verb.Get, Route);
            }
        }
        """);

    [Fact]
    public Task ParameterOfNonPublicHelper_IsFollowedToItsCallSites() => VerifyAsync(
        Usings + Shop + """
        public static class Endpoints
        {
            public static void Orders(HttpContext context) => Record(context.Request.Path.Value!);

            public static void Cart() => Record("/cart");

            private static void Record(string route) => Shop.Requests.Inc(Verb.Get, {|#0:route|});
        }

        internal static class Audit
        {
            public static void Log(HttpContext context) => Helpers.Write(context.TraceIdentifier);
        }

        internal static class Helpers
        {
            internal static void Write(string reason) => Shop.ErrorsSeen.Inc({|#1:reason|});
        }

        public static class Local
        {
            public static void Run(HttpContext context)
            {
                Count(context.Connection.Id);

                void Count(string reason) => Shop.ErrorsSeen.Inc({|#2:reason|});
            }
        }
        """,
        Expected("route", "http_requests_total", "the raw request path or URL (PathString.Value), passed to parameter 'route' of Record", 0),
        Expected("reason", "errors_total", "the request's trace identifier (HttpContext.TraceIdentifier), passed to parameter 'reason' of Write", 1),
        Expected("reason", "errors_total", "a client address or connection id (ConnectionInfo.Id), passed to parameter 'reason' of Count", 2));

    [Fact]
    public Task ParameterOfPublicMethodOrBoundedCallers_IsNotFollowed() => VerifyAsync(
        Usings + Shop + """
        public static class Endpoints
        {
            // Public: its callers are outside this compilation, so nothing is known about 'route'.
            public static void Record(string route) => Shop.Requests.Inc(Verb.Get, route);

            public static void Orders() => Record("/orders");

            public static void Cart(HttpContext context) => Write(Routes.Orders, context);

            private static void Write(string route, HttpContext context) => Shop.Requests.Inc(Verb.Get, route);

            public static void Recursive(HttpContext context) => Loop("/a", 3);

            private static void Loop(string route, int n)
            {
                Shop.Requests.Inc(Verb.Get, route);
                if (n > 0) { Loop(route, n - 1); }
            }
        }
        """);

    [Fact]
    public Task ConstantsEnumsAndAllowedValues_AreNotReported() => VerifyAsync(
        Usings + Shop + """
        public static class Handler
        {
            private const string Route = "/orders/{id}";

            public static void Handle(Exception e, int statusCode, string template, Verb verb)
            {
                Shop.Requests.Inc(Verb.Get, "/orders/{id}");
                Shop.Requests.Inc(Verb.Get, Route);
                Shop.Requests.Inc(Verb.Get, template);
                Shop.Requests.Inc(Verb.Get, $"/orders/{"x"}");
                Shop.Requests.Inc(Verb.Get, $"/orders/{verb}");
                Shop.Requests.Inc(Verb.Get, verb.ToString());
                Shop.ErrorsSeen.Inc(e.GetType().Name);
                Shop.ErrorsSeen.Inc(statusCode.ToString());
                Shop.Tiers.Inc(Routes.Gold);
                Shop.Requests.Add(2, new Shop.HttpRequests.Labels(Verb.Post, "/cart"));
            }
        }
        """);

    [Fact]
    public Task UnknownInterpolationHole_IsStillMG2004() => VerifyAsync(
        Handler("Shop.Requests.Inc(Verb.Get, {|#0:$\"/orders/{statusCode}\"|});"),
        Expected("route", "http_requests_total", "an interpolated string"));

    [Fact]
    public Task LabelsConstructorAndBind_AreChecked() => VerifyAsync(
        Handler("""
            Shop.Requests.Add(2, new Shop.HttpRequests.Labels(Verb.Post, {|#0:context.TraceIdentifier|}));
            Shop.ErrorsSeen.Bind({|#1:e.Message|}).Inc();
            """),
        // The Labels constructor's parameters are the label properties' names.
        Expected("Route", "http_requests_total", "the request's trace identifier (HttpContext.TraceIdentifier)", 0),
        Expected("reason", "errors_total", "an exception's Message", 1));

    private const string Shop = UsageAnalyzerTests.Metrics + """
        public static partial class Shop
        {
            [Counter("tier_requests_total", Help = "Requests per tier.")]
            [Label<string>("tier", AllowedValues = new[] { "gold", "silver" })]
            public static partial TierRequests Tiers { get; }
        }

        public static class Routes
        {
            public const string Orders = "/orders/{id}";
            public const string Gold = "gold";
        }

        public sealed class Order { public long Id { get; set; } }

        """;

    private static string Handler(string body) => Usings + Shop + $$"""
        public static class Handler
        {
            public static void Handle(HttpContext context, HttpRequest request, Uri uri, long orderId, Order order, Exception e, int statusCode)
            {
                {{body}}
            }
        }
        """;

    private static DiagnosticResult Expected(string label, string metric, string what, int location = 0)
        => new DiagnosticResult("MG2004", DiagnosticSeverity.Warning).WithLocation(location).WithArguments(label, metric, what);

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected)
        => AnalyzerVerifier<UnboundedLabelSourceAnalyzer>.VerifyWithReferencesAsync(source, AspNetCoreReferences.All, expected);
}
