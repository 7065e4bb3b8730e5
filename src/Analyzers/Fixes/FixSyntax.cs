using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Metrics.Generators.Analyzers;

/// <summary>FixSyntax holds the small syntax look-ups the code fixes share.</summary>
internal static class FixSyntax
{
    /// <summary>The metric attribute around <paramref name="node"/> (a diagnostic on one of its arguments), or null.</summary>
    public static AttributeSyntax? Attribute(SyntaxNode node) => node.FirstAncestorOrSelf<AttributeSyntax>();

    /// <summary>The string literal that is the attribute's first positional argument (the metric name), or null.</summary>
    public static LiteralExpressionSyntax? NameLiteral(SyntaxNode node)
    {
        if (Attribute(node)?.ArgumentList is not { } arguments)
        {
            return null;
        }

        foreach (var argument in arguments.Arguments)
        {
            if (argument.NameEquals is null && argument.NameColon is null)
            {
                return argument.Expression as LiteralExpressionSyntax is { } literal && literal.IsKind(SyntaxKind.StringLiteralExpression) ? literal : null;
            }
        }

        return null;
    }

    /// <summary>The <c>Name = …</c> argument of the attribute around <paramref name="node"/>, or null.</summary>
    public static AttributeArgumentSyntax? NamedArgument(SyntaxNode node, string name)
    {
        if (Attribute(node)?.ArgumentList is not { } arguments)
        {
            return null;
        }

        foreach (var argument in arguments.Arguments)
        {
            if (argument.NameEquals?.Name.Identifier.ValueText == name)
            {
                return argument;
            }
        }

        return null;
    }

    /// <summary>A string literal expression.</summary>
    public static LiteralExpressionSyntax StringLiteral(string value)
        => SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(value));
}
