namespace Metrics.Generators.Tests;

/// <summary>Number formatting for samples and le/quantile labels, content negotiation, content types.</summary>
public class FormattingAndNegotiationTests
{
    [Theory]
    [InlineData(0.005, "0.005")]
    [InlineData(0.1, "0.1")]
    [InlineData(1.0, "1.0")]
    [InlineData(2.5, "2.5")]
    [InlineData(10.0, "10.0")]
    [InlineData(100000.0, "100000.0")]
    [InlineData(1e6, "1e+06")]
    [InlineData(1234567.0, "1.234567e+06")]
    [InlineData(1e-4, "0.0001")]
    [InlineData(1e-5, "1e-05")]
    [InlineData(2.5e-7, "2.5e-07")]
    [InlineData(0.99, "0.99")]
    [InlineData(-0.5, "-0.5")]
    [InlineData(-3.0, "-3.0")]
    [InlineData(0.30000000000000004, "0.30000000000000004")]
    [InlineData(1e21, "1e+21")]
    [InlineData(double.PositiveInfinity, "+Inf")]
    public void LabelNumbers_UsePythonAndGoCanonicalForms(double value, string expected)
        => Assert.Equal(expected, NumberFormatting.FormatLabelNumber(value));

    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(1.0, "1")]
    [InlineData(42.0, "42")]
    [InlineData(-7.0, "-7")]
    [InlineData(0.25, "0.25")]
    [InlineData(0.1, "0.1")]
    [InlineData(1e-5, "1E-05")]
    [InlineData(9007199254740992.0, "9007199254740992")]
    [InlineData(1e300, "1E+300")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "+Inf")]
    [InlineData(double.NegativeInfinity, "-Inf")]
    public void SampleValues_AreInvariantAndRoundTrip(double value, string expected)
    {
        Span<byte> buffer = stackalloc byte[NumberFormatting.MaxValueLength];
        var written = NumberFormatting.WriteValue(value, buffer);
        var text = System.Text.Encoding.ASCII.GetString(buffer[..written]);
        Assert.Equal(expected, text);
        if (!double.IsNaN(value))
        {
            Assert.Equal(value, double.Parse(text.Replace("+Inf", "Infinity").Replace("-Inf", "-Infinity"), System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void NegativeZero_IsWrittenAsZero()
    {
        Span<byte> buffer = stackalloc byte[NumberFormatting.MaxValueLength];
        Assert.Equal(1, NumberFormatting.WriteValue(-0.0, buffer));
        Assert.Equal((byte)'0', buffer[0]);
    }

    [Fact]
    public void SampleValues_RoundTripForRandomDoubles()
    {
        var random = new Random(12345);
        Span<byte> buffer = stackalloc byte[NumberFormatting.MaxValueLength];
        for (var i = 0; i < 10_000; i++)
        {
            var value = BitConverter.Int64BitsToDouble(random.NextInt64());
            if (!double.IsFinite(value))
            {
                continue;
            }

            var written = NumberFormatting.WriteValue(value, buffer);
            Assert.Equal(value, double.Parse(buffer[..written], System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Theory]
    [InlineData("application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1", ExpositionFormat.OpenMetrics)]
    [InlineData("application/openmetrics-text", ExpositionFormat.OpenMetrics)]
    [InlineData("Application/OpenMetrics-Text; version=1.0.0; charset=utf-8", ExpositionFormat.OpenMetrics)]
    [InlineData("text/plain;version=0.0.4;q=1,application/openmetrics-text;q=0.5", ExpositionFormat.PrometheusText)]
    [InlineData("application/openmetrics-text;q=0", ExpositionFormat.PrometheusText)]
    [InlineData("application/openmetrics-text;version=2.0.0", ExpositionFormat.PrometheusText)]
    [InlineData("text/plain", ExpositionFormat.PrometheusText)]
    [InlineData("*/*", ExpositionFormat.PrometheusText)]
    [InlineData("", ExpositionFormat.PrometheusText)]
    [InlineData(null, ExpositionFormat.PrometheusText)]
    [InlineData(",;=,garbage", ExpositionFormat.PrometheusText)]
    public void Negotiate_PicksOpenMetricsOnlyWhenAskedFor(string? accept, ExpositionFormat expected)
        => Assert.Equal(expected, ExpositionFormats.Negotiate(accept));

    [Fact]
    public void ContentTypes_NameVersionAndCharset()
    {
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", ExpositionFormats.ContentType(ExpositionFormat.PrometheusText));
        Assert.Equal("application/openmetrics-text; version=1.0.0; charset=utf-8", ExpositionFormats.ContentType(ExpositionFormat.OpenMetrics));
        Assert.Throws<ArgumentOutOfRangeException>(() => ExpositionFormats.ContentType((ExpositionFormat)7));
    }
}
