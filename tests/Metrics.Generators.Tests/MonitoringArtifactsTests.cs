extern alias monitoring;

using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Metrics.Generators.Generated;
using monitoring::Metrics.Generators.Monitoring;
using Metrics.Generators.Tests.Support;

namespace Metrics.Generators.Tests;

/// <summary>
/// The rules file and the dashboard generated from the seed's order service: promtool accepts the rules and, fed
/// input series, records the values and fires the SLO alert the expressions promise; the dashboard holds the
/// panels and expressions expected, with stable ids; both are byte-identical whatever the input order or culture.
/// </summary>
public class MonitoringArtifactsTests
{
    private static readonly double[] LatencyBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

    private static readonly JsonSerializerOptions TestFileJson = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // -- Rules: names, syntax, behaviour -----------------------------------------------------------------------

    [Fact]
    public void Rules_ForTheSeedServices_HaveTheConventionalNames()
    {
        var rules = MonitoringArtifacts.PrometheusRules(SeedServices());

        Assert.Equal(
            [
                "job:http_request_duration_seconds:p50_rate5m",
                "job:http_request_duration_seconds:p95_rate5m",
                "job:http_request_duration_seconds:p99_rate5m",
                "job_method_route:http_request_duration_seconds:p50_rate5m",
                "job_method_route:http_request_duration_seconds:p95_rate5m",
                "job_method_route:http_request_duration_seconds:p99_rate5m",
                "job:http_request_duration_seconds_within_slo:ratio_rate5m",
                "alert HttpRequestDurationSecondsSloBreached",
                "job:http_requests:rate5m",
                "job:http_requests_errors:ratio_rate5m",
                "job_route:http_requests_errors:ratio_rate5m",
                "job:orders:rate5m",
                "job:payment_duration_seconds_count:rate5m",
                "job:payment_duration_seconds:mean5m",
            ],
            RuleNames(rules));
    }

    [Fact]
    public void Rules_ForTheSeedServices_UseTheDocumentedExpressions()
    {
        var rules = MonitoringArtifacts.PrometheusRules(SeedServices());

        Assert.Contains("expr: 'sum by (job) (rate(http_requests_total[5m]))'", rules);
        Assert.Contains(
            "expr: '(sum by (job, route) (rate(http_requests_total{status=~\"5..\"}[5m])) or 0 * sum by (job, route) (rate(http_requests_total[5m]))) / sum by (job, route) (rate(http_requests_total[5m]))'",
            rules);
        Assert.Contains("expr: 'histogram_quantile(0.99, sum by (job, method, route, le) (rate(http_request_duration_seconds_bucket[5m])))'", rules);
        Assert.Contains(
            "expr: 'sum by (job) (rate(http_request_duration_seconds_bucket{le=\"0.25\"}[5m])) / sum by (job) (rate(http_request_duration_seconds_count[5m]))'",
            rules);
        Assert.Contains("expr: 'job:http_request_duration_seconds_within_slo:ratio_rate5m < 0.99'", rules);
        Assert.Contains("        for: 5m\n", rules);
        Assert.Contains("          severity: 'warning'\n", rules);
    }

    [Fact]
    public void Rules_OrderOutcomeStatus_IsNotTakenForAnHttpStatus()
    {
        var rules = MonitoringArtifacts.PrometheusRules(SeedServices());

        // orders_total{status} counts created/failed: a 5xx ratio of it would always read 0.
        Assert.DoesNotContain("orders_errors", rules);
        Assert.DoesNotContain("orders_in_flight", rules);
    }

    [Fact]
    public void Rules_PromtoolCheckRules_Succeeds()
    {
        var promtool = ExternalTools.Promtool();
        using var directory = new TemporaryDirectory();
        var file = directory.Write("rules.yml", MonitoringArtifacts.PrometheusRules(SeedServices()));

        var (exitCode, stdout, stderr) = ExternalTools.Run(promtool, ["check", "rules", file], string.Empty);

        Assert.True(exitCode == 0, $"promtool exit {exitCode}\nstdout: {stdout}\nstderr: {stderr}");
        Assert.Contains("SUCCESS: 14 rules found", stdout);
    }

    [Fact]
    public void Rules_PromtoolTestRules_RecordTheExpectedValuesAndFireTheSloAlert()
    {
        var promtool = ExternalTools.Promtool();
        using var directory = new TemporaryDirectory();
        directory.Write("rules.yml", MonitoringArtifacts.PrometheusRules(SeedServices()));

        // Counters grow by rate × 60 per 1-minute sample, so rate over 5m is exact: shop serves 20 req/s, 1 of them
        // a 5xx on /orders; quiet serves 1 req/s and no 5xx (its ratio must read 0, not vanish).
        var series = new JsonArray
        {
            Series("http_requests_total{job=\"shop\",method=\"GET\",route=\"/orders\",status=\"200\"}", 9),
            Series("http_requests_total{job=\"shop\",method=\"GET\",route=\"/orders\",status=\"500\"}", 1),
            Series("http_requests_total{job=\"shop\",method=\"GET\",route=\"/health\",status=\"200\"}", 10),
            Series("http_requests_total{job=\"quiet\",method=\"GET\",route=\"/\",status=\"200\"}", 1),
            Series("orders_total{job=\"shop\",status=\"created\"}", 2),
            Series("orders_total{job=\"shop\",status=\"failed\"}", 1),
            Series("payment_duration_seconds_count{job=\"shop\"}", 4),
            Series("payment_duration_seconds_sum{job=\"shop\"}", 1),
        };

        // Latency per second: shop 10 observations, 5 at or under 50 ms and all under 100 ms (inside the 250 ms SLO);
        // slow 10 observations, only 5 at or under 250 ms (50% < 99%: the alert fires once 5 minutes have passed).
        AddHistogram(series, "job=\"shop\",method=\"GET\",route=\"/orders\"", le => le < 0.05 ? 0 : le < 0.1 ? 5 : 10);
        AddHistogram(series, "job=\"slow\",method=\"POST\",route=\"/orders\"", le => le < 0.25 ? 0 : le < 0.5 ? 5 : 10);

        // histogram_quantile interpolates linearly inside the bucket that holds the rank (rank = q × count).
        var shopP50 = 0.025 + ((0.05 - 0.025) * (5.0 / 5.0));
        var shopRank99 = 0.99 * 10;
        var shopP99 = 0.05 + ((0.1 - 0.05) * ((shopRank99 - 5) / (10 - 5)));
        var slowP50 = 0.1 + ((0.25 - 0.1) * (5.0 / 5.0));
        var slowRank99 = 0.99 * 10;
        var slowP99 = 0.25 + ((0.5 - 0.25) * ((slowRank99 - 5) / (10 - 5)));

        var expressions = new JsonArray
        {
            Expect("job:http_requests:rate5m", ("{job=\"shop\"}", 20), ("{job=\"quiet\"}", 1)),
            Expect("job:http_requests_errors:ratio_rate5m", ("{job=\"shop\"}", 0.05), ("{job=\"quiet\"}", 0)),
            Expect("job_route:http_requests_errors:ratio_rate5m",
                ("{job=\"shop\",route=\"/orders\"}", 0.1), ("{job=\"shop\",route=\"/health\"}", 0), ("{job=\"quiet\",route=\"/\"}", 0)),
            Expect("job:orders:rate5m", ("{job=\"shop\"}", 3)),
            Expect("job:payment_duration_seconds_count:rate5m", ("{job=\"shop\"}", 4)),
            Expect("job:payment_duration_seconds:mean5m", ("{job=\"shop\"}", 0.25)),
            Expect("job:http_request_duration_seconds:p50_rate5m", ("{job=\"shop\"}", shopP50), ("{job=\"slow\"}", slowP50)),
            Expect("job:http_request_duration_seconds:p99_rate5m", ("{job=\"shop\"}", shopP99), ("{job=\"slow\"}", slowP99)),
            Expect("job_method_route:http_request_duration_seconds:p99_rate5m",
                ("{job=\"shop\",method=\"GET\",route=\"/orders\"}", shopP99), ("{job=\"slow\",method=\"POST\",route=\"/orders\"}", slowP99)),
            Expect("job:http_request_duration_seconds_within_slo:ratio_rate5m", ("{job=\"shop\"}", 1), ("{job=\"slow\"}", 0.5)),
        };

        const string alert = "HttpRequestDurationSecondsSloBreached";
        var alerts = new JsonArray
        {
            // Pending, not yet firing: below target only since the first rate at 1m, and `for` is 5m.
            new JsonObject { ["eval_time"] = "3m", ["alertname"] = alert, ["exp_alerts"] = new JsonArray() },
            new JsonObject
            {
                ["eval_time"] = "10m",
                ["alertname"] = alert,
                ["exp_alerts"] = new JsonArray
                {
                    new JsonObject
                    {
                        ["exp_labels"] = new JsonObject { ["severity"] = "warning", ["job"] = "slow" },
                        ["exp_annotations"] = new JsonObject
                        {
                            ["summary"] = "http_request_duration_seconds: fewer than 99% of observations within 0.25 seconds (job=slow)",
                            ["description"] = "50% of http_request_duration_seconds observations over the last 5m were at or under 0.25 seconds " +
                                              "(bucket le=\"0.25\"); the SLO target is 99%. http_request_duration_seconds: HTTP request latency by method and route template.",
                        },
                    },
                },
            },
        };

        var (exitCode, stdout, stderr) = RunUnitTest(promtool, directory, series, expressions, alerts);

        Assert.True(exitCode == 0, $"promtool exit {exitCode}\nstdout: {stdout}\nstderr: {stderr}");
    }

    [Fact]
    public void ErrorRatio_OfACounterThatHasSeenOnlyStatus200_IsZeroInRulesAndDashboard()
    {
        var promtool = ExternalTools.Promtool();
        using var directory = new TemporaryDirectory();
        directory.Write("rules.yml", MonitoringArtifacts.PrometheusRules(SeedServices()));

        // No 5xx series exists at all, on any job: `errors` is an empty vector, which alone would make the ratio empty.
        var series = new JsonArray
        {
            Series("http_requests_total{job=\"shop\",method=\"GET\",route=\"/orders\",status=\"200\"}", 5),
            Series("http_requests_total{job=\"shop\",method=\"GET\",route=\"/health\",status=\"200\"}", 1),
        };
        var expressions = new JsonArray
        {
            Expect("job:http_requests_errors:ratio_rate5m", ("{job=\"shop\"}", 0)),
            Expect("job_route:http_requests_errors:ratio_rate5m", ("{job=\"shop\",route=\"/orders\"}", 0), ("{job=\"shop\",route=\"/health\"}", 0)),
        };

        // The dashboard's own queries, with the job variable set to all jobs as Grafana would.
        using var dashboard = JsonDocument.Parse(MonitoringArtifacts.GrafanaDashboard(SeedServices()));
        var ratioPanels = dashboard.RootElement.GetProperty("panels").EnumerateArray()
            .Where(p => p.GetProperty("title").GetString()!.Contains("5xx ratio", StringComparison.Ordinal))
            .ToList();
        Assert.Equal(2, ratioPanels.Count);
        foreach (var panel in ratioPanels)
        {
            var query = Assert.Single(Expressions(panel)).Replace("$job", ".*", StringComparison.Ordinal);
            var byRoute = query.StartsWith("(sum by (job, route)", StringComparison.Ordinal);
            var expected = new JsonArray
            {
                new JsonObject { ["labels"] = byRoute ? "{job=\"shop\",route=\"/orders\"}" : "{job=\"shop\"}", ["value"] = 0 },
            };
            if (byRoute)
            {
                expected.Add(new JsonObject { ["labels"] = "{job=\"shop\",route=\"/health\"}", ["value"] = 0 });
            }

            expressions.Add(new JsonObject { ["expr"] = query, ["eval_time"] = "10m", ["exp_samples"] = expected });
        }

        var (exitCode, stdout, stderr) = RunUnitTest(promtool, directory, series, expressions, []);

        Assert.True(exitCode == 0, $"promtool exit {exitCode}\nstdout: {stdout}\nstderr: {stderr}");
    }

    [Theory]
    [InlineData("Latency \"p99\": seconds, per route")]
    [InlineData("First line\nsecond: line")]
    [InlineData("It's {{ not a template }} and a \\ backslash; {{{{ too")]
    [InlineData("Tab\there, CR\r, bell\u0007, ünï✓ 日本 🚀")]
    [InlineData("- looks like a list item: # and a comment")]
    [InlineData("'single-quoted'")]
    [InlineData("Line\u2028separator, next\u0085line, BOM\uFEFF, DEL\u007F")]
    public void Rules_HelpWithQuotesNewlinesColons_ReadsBackExactlyInTheAlert(string help)
    {
        var promtool = ExternalTools.Promtool();
        var latency = new MetricDescriptor("latency_seconds", MetricType.Histogram, help, "seconds", [], [0.25, 0.5], slo: 0.25);
        using var directory = new TemporaryDirectory();
        var rulesFile = directory.Write("rules.yml", MonitoringArtifacts.PrometheusRules([latency]));

        var check = ExternalTools.Run(promtool, ["check", "rules", rulesFile], string.Empty);
        Assert.True(check.ExitCode == 0, $"promtool check exit {check.ExitCode}\n{check.Stdout}\n{check.Stderr}");

        var series = new JsonArray();
        AddHistogram(series, "job=\"api\"", le => le < 0.25 ? 0 : le < 0.5 ? 1 : 2, "latency_seconds", [0.25, 0.5]);
        var alerts = new JsonArray
        {
            new JsonObject
            {
                ["eval_time"] = "10m",
                ["alertname"] = "LatencySecondsSloBreached",
                ["exp_alerts"] = new JsonArray
                {
                    new JsonObject
                    {
                        ["exp_labels"] = new JsonObject { ["severity"] = "warning", ["job"] = "api" },
                        ["exp_annotations"] = new JsonObject
                        {
                            ["summary"] = "latency_seconds: fewer than 99% of observations within 0.25 seconds (job=api)",
                            ["description"] = "50% of latency_seconds observations over the last 5m were at or under 0.25 seconds " +
                                              "(bucket le=\"0.25\"); the SLO target is 99%. latency_seconds: " + help,
                        },
                    },
                },
            },
        };

        var (exitCode, stdout, stderr) = RunUnitTest(promtool, directory, series, [], alerts);

        Assert.True(exitCode == 0, $"promtool exit {exitCode}\nstdout: {stdout}\nstderr: {stderr}\nrules:\n{File.ReadAllText(rulesFile)}");
    }

    [Fact]
    public void YamlQuote_SingleQuotesPrintableLines_EscapesTheRest()
    {
        Assert.Equal("""'plain: "quoted" and ''apostrophes'''""", YamlText.Quote("""plain: "quoted" and 'apostrophes'"""));
        Assert.Equal("""
            "a\nb\t\\c\"\u2028\u0085"
            """, YamlText.Quote("a\nb\t\\c\"\u2028\u0085"));

        // A lone surrogate has no UTF-8 form: it becomes U+FFFD, as an encoder would write it; a pair passes through.
        Assert.Equal("\"lone \\uFFFD, pair \U0001F680\\n\"", YamlText.Quote("lone \uD83D, pair \U0001F680\n"));
    }

    [Fact]
    public void Rules_SloMatcher_UsesTheLeValueTheRuntimeExposes()
    {
        var descriptor = new MetricDescriptor("job_duration_seconds", MetricType.Histogram, "Job duration.", "seconds", [], [0.5, 1, 2], slo: 1);
        var registry = new MetricRegistry();
        registry.Register(new MetricFamily<HistogramCell>(descriptor)).GetOrAdd(0).Observe(0.7);

        var rules = MonitoringArtifacts.PrometheusRules([descriptor]);

        // The runtime writes the bound 1 as "1.0", like the Go and Python clients; a matcher le="1" would match nothing.
        Assert.Contains("job_duration_seconds_bucket{le=\"1.0\"} 1", Scrape.Text(registry));
        Assert.Contains("rate(job_duration_seconds_bucket{le=\"1.0\"}[5m])", rules);
    }

    [Fact]
    public void Rules_WithOptions_ChangeLevelWindowTargetAndGroup()
    {
        var options = new MonitoringOptions
        {
            AggregationLabels = ["cluster", "job"],
            RateWindow = TimeSpan.FromSeconds(90),
            SloTarget = 0.995,
            SloAlertFor = TimeSpan.FromMinutes(10),
            AlertSeverity = "page",
            GroupName = "shop: order \"service\"",
        };

        var rules = MonitoringArtifacts.PrometheusRules(SeedServices(), options);

        Assert.Contains("- record: cluster_job:http_requests:rate90s\n", rules);
        Assert.Contains("expr: 'sum by (cluster, job) (rate(http_requests_total[90s]))'", rules);
        Assert.Contains("- record: cluster_job_route:http_requests_errors:ratio_rate90s\n", rules);
        Assert.Contains("- record: cluster_job_method_route:http_request_duration_seconds:p99_rate90s\n", rules);
        Assert.Contains("- record: cluster_job:payment_duration_seconds:mean90s\n", rules);
        Assert.Contains("expr: 'cluster_job:http_request_duration_seconds_within_slo:ratio_rate90s < 0.995'", rules);
        Assert.Contains("for: 10m\n", rules);
        Assert.Contains("severity: 'page'\n", rules);
        Assert.Contains("fewer than 99.5% of observations within 0.25 seconds (cluster={{ $labels.cluster }}, job={{ $labels.job }})", rules);
        Assert.Contains("  - name: 'shop: order \"service\"'\n", rules);

        var promtool = ExternalTools.Promtool();
        using var directory = new TemporaryDirectory();
        var file = directory.Write("rules.yml", rules);
        var (exitCode, stdout, stderr) = ExternalTools.Run(promtool, ["check", "rules", file], string.Empty);
        Assert.True(exitCode == 0, $"promtool exit {exitCode}\nstdout: {stdout}\nstderr: {stderr}");
    }

    [Fact]
    public void Rules_GeneratedCatalogue_PassPromtoolCheck()
    {
        var promtool = ExternalTools.Promtool();
        using var directory = new TemporaryDirectory();
        var file = directory.Write("rules.yml", MonitoringArtifacts.PrometheusRules(MetricCatalog.Descriptors));

        var (exitCode, stdout, stderr) = ExternalTools.Run(promtool, ["check", "rules", file], string.Empty);

        Assert.True(exitCode == 0, $"promtool exit {exitCode}\nstdout: {stdout}\nstderr: {stderr}");
        Assert.Contains("job:gen_request_duration_seconds_within_slo:ratio_rate5m", File.ReadAllText(file));
    }

    [Fact]
    public void Rules_NoMetrics_IsAnEmptyGroupPromtoolAccepts()
    {
        var rules = MonitoringArtifacts.PrometheusRules([]);

        Assert.EndsWith("    rules: []\n", rules);
        var promtool = ExternalTools.Promtool();
        using var directory = new TemporaryDirectory();
        var file = directory.Write("rules.yml", rules);
        var (exitCode, stdout, stderr) = ExternalTools.Run(promtool, ["check", "rules", file], string.Empty);
        Assert.True(exitCode == 0, $"promtool exit {exitCode}\nstdout: {stdout}\nstderr: {stderr}");
    }

    // -- Dashboard ------------------------------------------------------------------------------------------------

    [Fact]
    public void Dashboard_HasOneRowPerGroupAndTheExpectedPanels()
    {
        using var dashboard = JsonDocument.Parse(MonitoringArtifacts.GrafanaDashboard(SeedServices()));
        var root = dashboard.RootElement;

        Assert.Equal(39, root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal("Metrics", root.GetProperty("title").GetString());
        Assert.Equal("metrics", root.GetProperty("uid").GetString());
        Assert.Equal(
            [
                "1 row http",
                "2 timeseries http_requests_total: rate [reqps]",
                "3 timeseries http_requests_total: 5xx ratio [percentunit]",
                "4 timeseries http_requests_total: 5xx ratio by route [percentunit]",
                "5 timeseries http_request_duration_seconds: p50 / p95 / p99 [s]",
                "6 timeseries http_request_duration_seconds: p99 by method, route [s]",
                "7 timeseries http_request_duration_seconds: within SLO (≤ 0.25 s) [percentunit]",
                "8 row orders",
                "9 timeseries orders_total: rate [ops]",
                "10 stat orders_in_flight [short]",
                "11 row payment",
                "12 timeseries payment_duration_seconds: observations per second [ops]",
                "13 timeseries payment_duration_seconds: mean [s]",
                "14 timeseries payment_duration_seconds: quantiles per instance [s]",
            ],
            root.GetProperty("panels").EnumerateArray().Select(Describe));
    }

    [Fact]
    public void Dashboard_PanelsQueryTheRuleExpressionsFilteredByJob()
    {
        using var dashboard = JsonDocument.Parse(MonitoringArtifacts.GrafanaDashboard(SeedServices()));
        var panels = dashboard.RootElement.GetProperty("panels").EnumerateArray().ToDictionary(p => p.GetProperty("title").GetString()!);

        Assert.Equal(
            ["sum by (job, status) (rate(http_requests_total{job=~\"$job\"}[5m]))"],
            Expressions(panels["http_requests_total: rate"]));
        Assert.Equal(
            ["(sum by (job) (rate(http_requests_total{status=~\"5..\",job=~\"$job\"}[5m])) or 0 * sum by (job) (rate(http_requests_total{job=~\"$job\"}[5m]))) / sum by (job) (rate(http_requests_total{job=~\"$job\"}[5m]))"],
            Expressions(panels["http_requests_total: 5xx ratio"]));
        Assert.Equal(
            [
                "histogram_quantile(0.5, sum by (job, le) (rate(http_request_duration_seconds_bucket{job=~\"$job\"}[5m])))",
                "histogram_quantile(0.95, sum by (job, le) (rate(http_request_duration_seconds_bucket{job=~\"$job\"}[5m])))",
                "histogram_quantile(0.99, sum by (job, le) (rate(http_request_duration_seconds_bucket{job=~\"$job\"}[5m])))",
            ],
            Expressions(panels["http_request_duration_seconds: p50 / p95 / p99"]));
        Assert.Equal(
            ["sum by (job) (rate(http_request_duration_seconds_bucket{le=\"0.25\",job=~\"$job\"}[5m])) / sum by (job) (rate(http_request_duration_seconds_count{job=~\"$job\"}[5m]))"],
            Expressions(panels["http_request_duration_seconds: within SLO (≤ 0.25 s)"]));
        Assert.Equal(["sum by (job) (orders_in_flight{job=~\"$job\"})"], Expressions(panels["orders_in_flight"]));

        var slo = panels["http_request_duration_seconds: within SLO (≤ 0.25 s)"].GetProperty("fieldConfig").GetProperty("defaults");
        Assert.Equal(0.99, slo.GetProperty("thresholds").GetProperty("steps")[1].GetProperty("value").GetDouble());
        Assert.Equal("Orders currently being processed.", panels["orders_in_flight"].GetProperty("description").GetString());
    }

    [Fact]
    public void Dashboard_DatasourceAndJobAreTemplateVariables()
    {
        using var dashboard = JsonDocument.Parse(MonitoringArtifacts.GrafanaDashboard(SeedServices()));
        var variables = dashboard.RootElement.GetProperty("templating").GetProperty("list").EnumerateArray().ToList();

        Assert.Equal(["datasource:datasource", "job:query"], variables.Select(v => v.GetProperty("name").GetString() + ":" + v.GetProperty("type").GetString()));
        Assert.Equal("prometheus", variables[0].GetProperty("query").GetString());
        Assert.Equal("label_values(http_request_duration_seconds_count, job)", variables[1].GetProperty("definition").GetString());
        Assert.True(variables[1].GetProperty("multi").GetBoolean() && variables[1].GetProperty("includeAll").GetBoolean());

        // Every panel and query reads the chosen data source, never a fixed uid.
        var queryPanels = dashboard.RootElement.GetProperty("panels").EnumerateArray().Where(p => p.GetProperty("type").GetString() != "row").ToList();
        Assert.NotEmpty(queryPanels);
        foreach (var panel in queryPanels)
        {
            Assert.Equal("${datasource}", panel.GetProperty("datasource").GetProperty("uid").GetString());
            Assert.NotEmpty(panel.GetProperty("targets").EnumerateArray());
            Assert.All(panel.GetProperty("targets").EnumerateArray(), t => Assert.Equal("${datasource}", t.GetProperty("datasource").GetProperty("uid").GetString()));
        }
    }

    [Fact]
    public void Dashboard_IdsAreUniqueAndPanelsDoNotOverlap()
    {
        using var dashboard = JsonDocument.Parse(MonitoringArtifacts.GrafanaDashboard(SeedServices()));
        var panels = dashboard.RootElement.GetProperty("panels").EnumerateArray().ToList();

        Assert.Equal(Enumerable.Range(1, panels.Count), panels.Select(p => p.GetProperty("id").GetInt32()));
        var cells = new HashSet<(int X, int Y)>();
        foreach (var panel in panels)
        {
            var grid = panel.GetProperty("gridPos");
            int x = grid.GetProperty("x").GetInt32(), y = grid.GetProperty("y").GetInt32();
            int w = grid.GetProperty("w").GetInt32(), h = grid.GetProperty("h").GetInt32();
            Assert.True(x + w <= 24, $"panel {panel.GetProperty("id")} is wider than the grid");
            for (var i = x; i < x + w; i++)
            {
                for (var j = y; j < y + h; j++)
                {
                    Assert.True(cells.Add((i, j)), $"panel {panel.GetProperty("id")} overlaps another at ({i}, {j})");
                }
            }
        }
    }

    [Fact]
    public void Dashboard_WithTwoAggregationLabels_ChainsTheVariables()
    {
        var options = new MonitoringOptions { AggregationLabels = ["cluster", "job"], Title = "Order service — production", RateWindow = TimeSpan.FromMinutes(2) };

        using var dashboard = JsonDocument.Parse(MonitoringArtifacts.GrafanaDashboard(SeedServices(), options));
        var variables = dashboard.RootElement.GetProperty("templating").GetProperty("list").EnumerateArray().ToList();

        Assert.Equal("order-service-production", dashboard.RootElement.GetProperty("uid").GetString());
        Assert.Equal("label_values(http_request_duration_seconds_count, cluster)", variables[1].GetProperty("definition").GetString());
        Assert.Equal("label_values(http_request_duration_seconds_count{cluster=~\"$cluster\"}, job)", variables[2].GetProperty("definition").GetString());
        var rate = dashboard.RootElement.GetProperty("panels").EnumerateArray().First(p => p.GetProperty("title").GetString() == "orders_total: rate");
        Assert.Equal(["sum by (cluster, job, status) (rate(orders_total{cluster=~\"$cluster\",job=~\"$job\"}[2m]))"], Expressions(rate));
    }

    // -- Determinism, files, validation ---------------------------------------------------------------------------

    [Fact]
    public void Output_IsByteIdentical_WhateverTheInputOrderAndCulture()
    {
        var metrics = SeedServices();
        var rules = MonitoringArtifacts.PrometheusRules(metrics);
        var dashboard = MonitoringArtifacts.GrafanaDashboard(metrics);

        var previous = CultureInfo.CurrentCulture;
        try
        {
            // German writes 0,25; Arabic (Saudi Arabia) uses its own digits and separators.
            foreach (var culture in new[] { "de-DE", "ar-SA", "tr-TR" })
            {
                CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
                var reversed = metrics.AsEnumerable().Reverse().ToArray();
                Assert.Equal(rules, MonitoringArtifacts.PrometheusRules(reversed));
                Assert.Equal(dashboard, MonitoringArtifacts.GrafanaDashboard(reversed));
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }

        Assert.Equal(rules, MonitoringArtifacts.PrometheusRules(metrics));
        Assert.Equal(dashboard, MonitoringArtifacts.GrafanaDashboard(metrics));
        Assert.DoesNotContain('\r', rules);
        Assert.DoesNotContain('\r', dashboard);
    }

    [Fact]
    public void WriteFiles_WritesBothFiles_Utf8WithoutByteOrderMark()
    {
        using var directory = new TemporaryDirectory();
        var target = Path.Combine(directory.Path, "monitoring");

        MonitoringArtifacts.WriteFiles(target, SeedServices());

        var rules = File.ReadAllBytes(Path.Combine(target, "prometheus-rules.yml"));
        var dashboard = File.ReadAllBytes(Path.Combine(target, "grafana-dashboard.json"));
        Assert.Equal(MonitoringArtifacts.PrometheusRules(SeedServices()), System.Text.Encoding.UTF8.GetString(rules));
        Assert.Equal(MonitoringArtifacts.GrafanaDashboard(SeedServices()), System.Text.Encoding.UTF8.GetString(dashboard));
        Assert.NotEqual(0xEF, rules[0]);
        Assert.NotEqual(0xEF, dashboard[0]);
    }

    [Fact]
    public void Metrics_ExposingTheSameName_Throw()
    {
        var counter = new MetricDescriptor("jobs_total", MetricType.Counter, "Jobs.", null, []);
        var gauge = new MetricDescriptor("jobs", MetricType.Gauge, "Jobs.", null, []);

        var e = Assert.Throws<ArgumentException>(() => MonitoringArtifacts.PrometheusRules([counter, gauge]));

        Assert.Contains("both expose 'jobs'", e.Message);
        Assert.Throws<ArgumentException>(() => MonitoringArtifacts.GrafanaDashboard([counter, null!]));
        Assert.Throws<ArgumentNullException>(() => MonitoringArtifacts.PrometheusRules(null!));
    }

    [Theory]
    [InlineData(nameof(MonitoringOptions.SloTarget))]
    [InlineData(nameof(MonitoringOptions.RateWindow))]
    [InlineData(nameof(MonitoringOptions.AggregationLabels))]
    [InlineData(nameof(MonitoringOptions.GroupName))]
    [InlineData(nameof(MonitoringOptions.DashboardUid))]
    public void Options_Invalid_ThrowNamingTheOption(string option)
    {
        var options = option switch
        {
            nameof(MonitoringOptions.SloTarget) => new MonitoringOptions { SloTarget = 1 },
            nameof(MonitoringOptions.RateWindow) => new MonitoringOptions { RateWindow = TimeSpan.Zero },
            nameof(MonitoringOptions.AggregationLabels) => new MonitoringOptions { AggregationLabels = ["job", "job"] },
            nameof(MonitoringOptions.GroupName) => new MonitoringOptions { GroupName = " " },
            _ => new MonitoringOptions { DashboardUid = "has space" },
        };

        var e = Assert.Throws<ArgumentException>(() => MonitoringArtifacts.PrometheusRules(SeedServices(), options));

        Assert.Equal(option, e.ParamName);
    }

    [Theory]
    [InlineData(300_000, "5m")]
    [InlineData(90_000, "90s")]
    [InlineData(3_600_000, "1h")]
    [InlineData(86_400_000, "1d")]
    [InlineData(1_500, "1500ms")]
    public void RateWindow_IsWrittenInTheLargestWholeUnit(int milliseconds, string expected)
    {
        var rules = MonitoringArtifacts.PrometheusRules(SeedServices(), new MonitoringOptions { RateWindow = TimeSpan.FromMilliseconds(milliseconds) });

        Assert.Contains($"- record: job:orders:rate{expected}\n", rules);
        Assert.Contains($"(rate(orders_total[{expected}]))", rules);
    }

    // -- Helpers --------------------------------------------------------------------------------------------------

    /// <summary>The seed's order service: RED counter and latency histogram, an outcome counter, an in-flight gauge, a summary.</summary>
    private static MetricDescriptor[] SeedServices() =>
    [
        new("http_requests_total", MetricType.Counter, "HTTP requests by method, route template and status code.", null, ["method", "route", "status"]),
        new("http_request_duration_seconds", MetricType.Histogram, "HTTP request latency by method and route template.", "seconds",
            ["method", "route"], LatencyBuckets, slo: 0.25),
        new("orders_total", MetricType.Counter, "Orders by outcome.", null, ["status"]),
        new("orders_in_flight", MetricType.Gauge, "Orders currently being processed.", null, []),
        new("payment_duration_seconds", MetricType.Summary, "Time spent charging the payment provider.", "seconds", [], quantiles: [0.5, 0.9, 0.99]),
    ];

    private static List<string> RuleNames(string rules)
        => rules.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.StartsWith("- record: ", StringComparison.Ordinal) || line.StartsWith("- alert: ", StringComparison.Ordinal))
            .Select(line => line.StartsWith("- record: ", StringComparison.Ordinal) ? line["- record: ".Length..] : "alert " + line["- alert: ".Length..])
            .ToList();

    private static string Describe(JsonElement panel)
    {
        var text = panel.GetProperty("id").GetInt32() + " " + panel.GetProperty("type").GetString() + " " + panel.GetProperty("title").GetString();
        return panel.TryGetProperty("fieldConfig", out var config) ? text + " [" + config.GetProperty("defaults").GetProperty("unit").GetString() + "]" : text;
    }

    private static List<string> Expressions(JsonElement panel)
        => panel.GetProperty("targets").EnumerateArray().Select(t => t.GetProperty("expr").GetString()!).ToList();

    /// <summary>A counter series growing by <paramref name="perSecond"/> × 60 each minute for 20 minutes.</summary>
    private static JsonObject Series(string series, double perSecond)
        => new() { ["series"] = series, ["values"] = "0+" + (perSecond * 60).ToString(CultureInfo.InvariantCulture) + "x20" };

    /// <summary>Bucket, count and sum series of a histogram whose cumulative per-second rate at bound le is <paramref name="rateAtOrUnder"/>(le).</summary>
    private static void AddHistogram(JsonArray series, string labels, Func<double, double> rateAtOrUnder, string name = "http_request_duration_seconds", double[]? buckets = null)
    {
        foreach (var le in (buckets ?? LatencyBuckets).Append(double.PositiveInfinity))
        {
            var value = double.IsPositiveInfinity(le) ? "+Inf" : NumberText(le);
            series.Add(Series($"{name}_bucket{{{labels},le=\"{value}\"}}", rateAtOrUnder(le)));
        }

        series.Add(Series($"{name}_count{{{labels}}}", rateAtOrUnder(double.PositiveInfinity)));
        series.Add(Series($"{name}_sum{{{labels}}}", rateAtOrUnder(double.PositiveInfinity) / 10));
    }

    // The label value the runtime would expose for a bound (1 → "1.0"), read from a real scrape.
    private static string NumberText(double bound)
    {
        var registry = new MetricRegistry();
        registry.Register(new MetricFamily<HistogramCell>(new MetricDescriptor("b", MetricType.Histogram, "B.", null, [], [bound])));
        var sample = Scrape.Samples(Scrape.Text(registry)).First(s => s.Series.StartsWith("b_bucket", StringComparison.Ordinal)).Series;
        return sample[(sample.IndexOf("le=\"", StringComparison.Ordinal) + 4)..sample.LastIndexOf('"')];
    }

    private static JsonObject Expect(string record, params (string Labels, double Value)[] samples)
    {
        var expected = new JsonArray();
        foreach (var (labels, value) in samples)
        {
            expected.Add(new JsonObject { ["labels"] = record + labels, ["value"] = value });
        }

        return new JsonObject { ["expr"] = record, ["eval_time"] = "10m", ["exp_samples"] = expected };
    }

    /// <summary>Writes a promtool unit-test file (JSON, which YAML reads as it is) next to rules.yml and runs it.</summary>
    private static (int ExitCode, string Stdout, string Stderr) RunUnitTest(string promtool, TemporaryDirectory directory, JsonArray series, JsonArray expressions, JsonArray alerts)
    {
        var test = new JsonObject
        {
            ["rule_files"] = new JsonArray { "rules.yml" },
            ["evaluation_interval"] = "1m",
            ["tests"] = new JsonArray
            {
                new JsonObject
                {
                    ["interval"] = "1m",
                    ["input_series"] = series,
                    ["promql_expr_test"] = expressions,
                    ["alert_rule_test"] = alerts,
                },
            },
        };
        // JSON writes a character beyond the BMP as a surrogate-pair escape, which YAML rejects: give YAML the character.
        var yaml = Regex.Replace(test.ToJsonString(TestFileJson), @"\\u(D[89AB][0-9A-F]{2})\\u(D[C-F][0-9A-F]{2})", match => string.Concat(
            (char)int.Parse(match.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture),
            (char)int.Parse(match.Groups[2].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture)));
        var file = directory.Write("rules.test.yml", yaml);
        return ExternalTools.Run(promtool, ["test", "rules", file], string.Empty);
    }

    /// <summary>A fresh directory under the temp folder, deleted on dispose.</summary>
    private sealed class TemporaryDirectory : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("metrics-monitoring-").FullName;

        public string Write(string name, string text)
        {
            var file = System.IO.Path.Combine(Path, name);
            File.WriteAllText(file, text, new System.Text.UTF8Encoding(false));
            return file;
        }

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
