using System.Globalization;
using Metrics.Generators.Generator.Helpers;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Metrics.Generators.Generator.Tests;

/// <summary>LiteralsTests: emitted numbers and strings read back as exactly the declared value, in any culture.</summary>
public sealed class LiteralsTests
{
    [Theory]
    [InlineData(0.1, "0.1")]
    [InlineData(1, "1d")]
    [InlineData(10, "10d")]
    [InlineData(-0.5, "-0.5")]
    [InlineData(1e-7, "1E-07")]
    [InlineData(1e21, "1E+21")]
    [InlineData(0.30000000000000004, "0.30000000000000004")]
    public void Double_IsInvariantAndRoundTrips(double value, string expected)
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            var literal = Literals.Double(value);

            Assert.Equal(expected, literal);
            Assert.Equal(value, Evaluate(literal));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("quote \" backslash \\ tab \t newline \n")]
    [InlineData("line separator \u2028 and nul \0")]
    public void String_ParsesBackToTheSameText(string value)
    {
        var literal = Literals.String(value);

        var parsed = (LiteralExpressionSyntax)SyntaxFactory.ParseExpression(literal);
        Assert.Empty(parsed.GetDiagnostics());
        Assert.Equal(value, parsed.Token.ValueText);
    }

    [Fact]
    public void XmlText_EscapesMarkupAndCollapsesWhitespace()
        => Assert.Equal("a &lt;b&gt; &amp; c d", Literals.XmlText("a <b> & c\n\t d"));

    private static double Evaluate(string literal)
    {
        var expression = SyntaxFactory.ParseExpression(literal);
        return expression switch
        {
            PrefixUnaryExpressionSyntax { OperatorToken.Text: "-", Operand: LiteralExpressionSyntax operand } => -(double)operand.Token.Value!,
            LiteralExpressionSyntax literalSyntax => (double)literalSyntax.Token.Value!,
            _ => throw new InvalidOperationException("Not a literal: " + literal),
        };
    }
}
