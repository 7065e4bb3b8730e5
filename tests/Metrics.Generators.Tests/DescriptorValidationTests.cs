namespace Metrics.Generators.Tests;

/// <summary>Bad declarations fail once, at construction, with a message that says what is wrong.</summary>
public class DescriptorValidationTests
{
    [Theory]
    [InlineData("")]
    [InlineData("1requests")]
    [InlineData("http-requests")]
    [InlineData("requests.total")]
    [InlineData("process:cpu")]
    public void BadMetricName_Throws(string name)
    {
        var e = Assert.Throws<ArgumentException>(() => Gauge(name, []));
        Assert.Contains($"Metric name '{name}' is invalid", e.Message);
        Assert.Equal("name", e.ParamName);
    }

    [Fact]
    public void ReservedLabelName_Throws_SayingItIsReserved()
    {
        var e = Assert.Throws<ArgumentException>(() => Gauge("temperature", ["__room"]));
        Assert.Contains("label name '__room' is invalid: names starting with '__' are reserved", e.Message);
    }

    [Theory]
    [InlineData("1abc")]
    [InlineData("a-b")]
    [InlineData("")]
    public void BadLabelName_Throws(string label)
    {
        var e = Assert.Throws<ArgumentException>(() => Gauge("temperature", [label]));
        Assert.Contains($"label name '{label}' is invalid", e.Message);
    }

    [Fact]
    public void DuplicateLabelName_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => Gauge("temperature", ["room", "room"]));
        Assert.Contains("'room' is declared twice", e.Message);
    }

    [Theory]
    [InlineData(MetricType.Histogram, "le")]
    [InlineData(MetricType.Summary, "quantile")]
    public void LabelReservedByTheType_Throws(MetricType type, string label)
    {
        var e = Assert.Throws<ArgumentException>(() => new MetricDescriptor("latency_seconds", type, "Help.", null, [label]));
        Assert.Contains($"'{label}' is reserved", e.Message);
    }

    [Fact]
    public void UnsortedBuckets_Throw()
    {
        var e = Assert.Throws<ArgumentException>(() => Histogram([0.1, 0.5, 0.25]));
        Assert.Contains("invalid buckets: buckets are not in increasing order at 0.25", e.Message);
    }

    [Theory]
    [InlineData(new[] { 0.1, 0.1 }, "declared twice")]
    [InlineData(new[] { 0.1, double.PositiveInfinity }, "not finite")]
    [InlineData(new double[0], "no buckets")]
    public void InvalidBuckets_Throw(double[] buckets, string why)
    {
        var e = Assert.Throws<ArgumentException>(() => Histogram(buckets));
        Assert.Contains(why, e.Message);
    }

    [Fact]
    public void SloThatIsNotABound_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => new MetricDescriptor("latency_seconds", MetricType.Histogram, "Help.", "seconds", [], buckets: [0.1, 0.5], slo: 0.3));
        Assert.Contains("SLO 0.3 is not one of its bucket bounds", e.Message);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-0.5)]
    [InlineData(double.NaN)]
    public void QuantileOutsideZeroOne_Throws(double quantile)
    {
        var e = Assert.Throws<ArgumentException>(() => new MetricDescriptor("latency_seconds", MetricType.Summary, "Help.", "seconds", [], quantiles: [0.5, quantile]));
        Assert.Contains("is not in (0, 1)", e.Message);
    }

    [Fact]
    public void UnitThatDoesNotEndTheName_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => new MetricDescriptor("request_latency", MetricType.Histogram, "Help.", "seconds", []));
        Assert.Contains("must end with '_seconds'", e.Message);

        var counter = Assert.Throws<ArgumentException>(() => new MetricDescriptor("sent_total", MetricType.Counter, "Help.", "bytes", []));
        Assert.Contains("must end with '_bytes' (before '_total')", counter.Message);
    }

    [Fact]
    public void OptionsOfAnotherType_Throw()
    {
        Assert.Throws<ArgumentException>(() => new MetricDescriptor("g", MetricType.Gauge, "Help.", null, [], buckets: [1]));
        Assert.Throws<ArgumentException>(() => new MetricDescriptor("h", MetricType.Histogram, "Help.", null, [], quantiles: [0.5]));
        Assert.Throws<ArgumentException>(() => new MetricDescriptor("s", MetricType.Summary, "Help.", null, [], maxAgeSeconds: 0));
        Assert.Throws<ArgumentException>(() => new MetricDescriptor("s", MetricType.Summary, "Help.", null, [], ageBuckets: 0));
    }

    [Fact]
    public void BlankHelp_IsExposedWithoutHelpLine_RatherThanFailingAtStartUp()
    {
        // MG0005 makes missing help a build error; with its severity lowered the app must still start.
        var registry = new MetricRegistry();
        registry.Register(new MetricFamily<GaugeCell>(new MetricDescriptor("g", MetricType.Gauge, "  ", null, [])));
        Assert.Equal("# TYPE g gauge\ng 0\n", Support.Scrape.Text(registry));
        Assert.Equal("# TYPE g gauge\ng 0\n# EOF\n", Support.Scrape.OpenMetrics(registry));
    }

    [Theory]
    [InlineData("orders_total", "orders")]
    [InlineData("orders", "orders")]
    [InlineData("sent_bytes_total", "sent_bytes")]
    public void CounterName_WithOrWithoutTotal_HasTheSameFamilyName(string declared, string family)
    {
        var descriptor = new MetricDescriptor(declared, MetricType.Counter, "Help.", null, []);
        Assert.Equal(declared, descriptor.Name);
        Assert.Equal(family, descriptor.FamilyName);
    }

    [Fact]
    public void CounterNamedOnlyTotal_Throws()
        => Assert.Throws<ArgumentException>(() => new MetricDescriptor("_total", MetricType.Counter, "Help.", null, []));

    [Fact]
    public void Defaults_AreAppliedAndQuantilesSorted()
    {
        var histogram = new MetricDescriptor("h_seconds", MetricType.Histogram, "Help.", "seconds", []);
        Assert.Equal(HistogramBuckets.Default, histogram.Buckets);
        var summary = new MetricDescriptor("s", MetricType.Summary, "Help.", null, [], quantiles: [0.99, 0.5]);
        Assert.Equal([0.5, 0.99], summary.Quantiles);
        Assert.Equal(600, summary.MaxAgeSeconds);
        Assert.Equal(5, summary.AgeBuckets);
    }

    [Fact]
    public void FamilyLabels_MustMatchTheDescriptor()
    {
        var descriptor = new MetricDescriptor("g", MetricType.Gauge, "Help.", null, ["a", "b"]);
        var wrongOrder = Assert.Throws<ArgumentException>(() => new MetricFamily<GaugeCell>(descriptor, new FixedLabel("b", "x"), new FixedLabel("a", "y")));
        Assert.Contains("label 0 is 'b' but the descriptor names 'a'", wrongOrder.Message);
        Assert.Throws<ArgumentException>(() => new MetricFamily<GaugeCell>(descriptor, new FixedLabel("a", "x")));
        var wrongType = Assert.Throws<ArgumentException>(() => new MetricFamily<CounterCell>(descriptor, new FixedLabel("a", "x"), new FixedLabel("b", "y")));
        Assert.Contains("'g' is a Gauge", wrongType.Message);
    }

    [Fact]
    public void SeriesIndexOutsideTheCardinality_Throws()
    {
        var family = new MetricFamily<CounterCell>(new MetricDescriptor("c", MetricType.Counter, "Help.", null, ["a"]), new FixedLabel("a", "x", "y"));
        Assert.Throws<ArgumentOutOfRangeException>(() => family.GetOrAdd(3));
        Assert.Throws<ArgumentOutOfRangeException>(() => family.GetOrAdd(-1));
        Assert.Same(family.GetOrAdd(2), family.GetOrAdd(2));
    }

    [Fact]
    public void NegativeOrNaNCounterAmount_Throws()
    {
        var cell = new MetricFamily<CounterCell>(new MetricDescriptor("c", MetricType.Counter, "Help.", null, [])).GetOrAdd(0);
        Assert.Throws<ArgumentOutOfRangeException>(() => cell.Add(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => cell.Add(double.NaN));
        Assert.Equal(0, cell.Value);
    }

    private static MetricDescriptor Gauge(string name, string[] labels) => new(name, MetricType.Gauge, "Help.", null, labels);

    private static MetricDescriptor Histogram(double[] buckets) => new("latency_seconds", MetricType.Histogram, "Help.", "seconds", [], buckets: buckets);
}
