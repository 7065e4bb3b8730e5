using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Metrics.Generators.AspNetCore;
using OpenTelemetry.Metrics;

namespace Metrics.Generators.OpenTelemetry.Tests;

/// <summary>
/// PrometheusExporterTests runs the setup a user writes: our /metrics and OpenTelemetry's Prometheus exporter on one
/// web app, <c>AddMetricsGeneratorsInstrumentation()</c> in between. After traffic, every sample our endpoint shows
/// for the declared metrics and the HTTP RED metrics must be in OpenTelemetry's output under the same name, with the
/// same labels and value.
/// </summary>
[Collection(DefaultRegistryCollection.Name)]
public sealed class PrometheusExporterTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task EverySampleOfOurEndpoint_IsInOpenTelemetrysExporter_WithTheSameNameLabelsAndValue()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseTestServer();
        builder.Services.AddPrometheusMetrics();
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMetricsGeneratorsInstrumentation()
            .AddPrometheusExporter(options => options.ScrapeResponseCacheDurationMilliseconds = 0));
        await using var app = builder.Build();
        app.MapGet("/checkout/{outcome}", (string outcome) =>
        {
            var checkout = outcome == "paid" ? Checkout.Paid : Checkout.Declined;
            ShopTelemetry.Orders.Inc(checkout);
            ShopTelemetry.Sent.Add(512);
            ShopTelemetry.Cart.Set(2048, "eu");
            ShopTelemetry.Hits.Set(0.75);
            ShopTelemetry.Checkouts.Observe(checkout == Checkout.Paid ? 0.05 : 2, checkout);
            ShopTelemetry.Payments.Observe(0.02);
            return "ok";
        });
        app.MapPrometheusMetrics("/metrics");
        app.MapPrometheusScrapingEndpoint("/otel");
        await app.StartAsync(Ct);
        using var client = app.GetTestClient();
        foreach (var outcome in new[] { "paid", "paid", "declined", "paid" })
        {
            Assert.Equal("ok", await client.GetStringAsync("/checkout/" + outcome, Ct));
        }

        var ours = await client.GetStringAsync("/metrics", Ct);
        var theirs = PrometheusSample.Parse(await client.GetStringAsync("/otel", Ct));

        var compared = PrometheusSample.Parse(ours)
            .Where(s => s.Name.StartsWith("otel_", StringComparison.Ordinal) || s.Name.StartsWith("http_request", StringComparison.Ordinal))
            // The scrapes' own requests are still running or counted between the two scrapes; our quantiles have no OTel form.
            .Where(s => !(s.Labels.TryGetValue("route", out var route) && route is "/metrics" or "/otel") && !s.Labels.ContainsKey("quantile"))
            .ToList();
        Assert.Contains(compared, s => s.Name == "http_requests_total" && s.Labels["route"] == "/checkout/{outcome}" && s.Value == 4);
        Assert.Contains(compared, s => s.Name == "otel_checkout_duration_seconds_bucket");
        foreach (var name in new[] { "otel_orders_total", "otel_sent_bytes_total", "otel_cart_bytes", "otel_hit_ratio", "otel_checkout_duration_seconds_sum", "otel_payment_duration_seconds_count", "http_request_duration_seconds_bucket", "http_requests_in_progress" })
        {
            Assert.Contains(compared, s => s.Name == name);
        }

        var missing = new List<string>();
        foreach (var sample in compared)
        {
            var match = theirs.Where(t => t.Name == sample.Name && t.SameLabels(sample)).ToList();
            if (match.Count != 1 || match[0].Value != sample.Value)
            {
                missing.Add($"{sample.Line}  →  {(match.Count == 0 ? "absent" : string.Join(" | ", match.Select(m => m.Line)))}");
            }
        }

        Assert.True(missing.Count == 0, "not in OpenTelemetry's exporter as in ours:\n" + string.Join('\n', missing) + "\n\nOpenTelemetry's output:\n" + string.Join('\n', theirs.Select(t => t.Line)));
    }
}

/// <summary>One sample line of Prometheus text, as our endpoint or OpenTelemetry's writes it (the latter may add a timestamp).</summary>
internal sealed record PrometheusSample(string Name, Dictionary<string, string> Labels, double Value, string Line)
{
    public static List<PrometheusSample> Parse(string text)
    {
        var samples = new List<PrometheusSample>();
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            var brace = line.IndexOf('{');
            var nameEnd = brace >= 0 ? brace : line.IndexOf(' ');
            var rest = nameEnd;
            if (brace >= 0)
            {
                var i = brace + 1;
                while (line[i] != '}')
                {
                    var eq = line.IndexOf('=', i);
                    var key = line[i..eq].TrimStart(',');
                    var value = new System.Text.StringBuilder();
                    var j = eq + 2;
                    for (; line[j] != '"'; j++)
                    {
                        if (line[j] == '\\')
                        {
                            j++;
                            value.Append(line[j] == 'n' ? '\n' : line[j]);
                        }
                        else
                        {
                            value.Append(line[j]);
                        }
                    }

                    labels[key] = value.ToString();
                    i = j + 1;
                    if (line[i] == ',')
                    {
                        i++;
                    }
                }

                rest = i + 1;
            }

            var fields = line[rest..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            samples.Add(new PrometheusSample(line[..nameEnd], labels, ParseValue(fields[0]), line));
        }

        return samples;
    }

    /// <summary>The same labels, leaving out the scope labels OpenTelemetry adds and comparing <c>le</c> as a number.</summary>
    public bool SameLabels(PrometheusSample other)
    {
        var mine = Comparable(Labels);
        var theirs = Comparable(other.Labels);
        return mine.Count == theirs.Count && mine.All(pair => theirs.TryGetValue(pair.Key, out var value) && value == pair.Value);
    }

    private static Dictionary<string, string> Comparable(Dictionary<string, string> labels)
        => labels.Where(pair => !pair.Key.StartsWith("otel_scope_", StringComparison.Ordinal))
            .ToDictionary(pair => pair.Key, pair => pair.Key == "le" ? ParseValue(pair.Value).ToString("R", CultureInfo.InvariantCulture) : pair.Value, StringComparer.Ordinal);

    private static double ParseValue(string value) => value switch
    {
        "+Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        "NaN" => double.NaN,
        _ => double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture),
    };
}

/// <summary>Tests that record into <see cref="MetricRegistry.Default"/> and read totals back run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DefaultRegistryCollection
{
    public const string Name = "MetricRegistry.Default";
}
