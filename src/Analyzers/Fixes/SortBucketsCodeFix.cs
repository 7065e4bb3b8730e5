using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Metrics.Generators.Shared.Declarations;
using Metrics.Generators.Shared.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Metrics.Generators.Analyzers;

/// <summary>
/// SortBucketsCodeFix fixes MG0006 when the <c>Buckets</c> are unsorted or repeated: it orders them and drops
/// duplicates, keeping each bound as written. Offered only when every bound is a plain numeric literal.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SortBucketsCodeFix)), Shared]
public sealed class SortBucketsCodeFix : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.InvalidBuckets.Id);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not { } node
                || FixSyntax.NamedArgument(node, "Buckets") is not { } argument
                || !argument.Span.Contains(diagnostic.Location.SourceSpan)
                || Elements(argument.Expression) is not { Count: > 0 } elements)
            {
                continue;
            }

            var bounds = new List<(double Value, ExpressionSyntax Syntax)>();
            foreach (var element in elements)
            {
                if (Value(element) is not { } value || double.IsNaN(value) || double.IsInfinity(value))
                {
                    bounds.Clear();
                    break;
                }

                bounds.Add((value, element));
            }

            var sorted = bounds.GroupBy(b => b.Value).Select(g => g.First()).OrderBy(b => b.Value).ToList();
            if (sorted.Count == 0 || sorted.Select(b => b.Value).SequenceEqual(bounds.Select(b => b.Value)))
            {
                continue;
            }

            var replacement = SyntaxFactory.CollectionExpression(SyntaxFactory.SeparatedList<CollectionElementSyntax>(
                sorted.Select(b => SyntaxFactory.ExpressionElement(b.Syntax.WithoutTrivia())),
                Enumerable.Repeat(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space), sorted.Count - 1)));
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Sort the buckets and drop duplicates",
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(argument.Expression, replacement.WithTriviaFrom(argument.Expression)))),
                    equivalenceKey: nameof(SortBucketsCodeFix)),
                diagnostic);
        }
    }

    // The bounds of `[a, b]`, `new[] { a, b }` or `new double[] { a, b }`.
    private static IReadOnlyList<ExpressionSyntax>? Elements(ExpressionSyntax expression) => expression switch
    {
        CollectionExpressionSyntax collection when collection.Elements.All(e => e is ExpressionElementSyntax)
            => collection.Elements.Cast<ExpressionElementSyntax>().Select(e => e.Expression).ToList(),
        ImplicitArrayCreationExpressionSyntax implicitArray => implicitArray.Initializer.Expressions.ToList(),
        ArrayCreationExpressionSyntax array when array.Initializer is { } initializer => initializer.Expressions.ToList(),
        _ => null,
    };

    private static double? Value(ExpressionSyntax expression)
    {
        var negative = false;
        if (expression is PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.UnaryMinusExpression } minus)
        {
            negative = true;
            expression = minus.Operand;
        }

        if (expression is not LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NumericLiteralExpression } literal)
        {
            return null;
        }

        double? value = literal.Token.Value switch
        {
            double d => d,
            float f => f,
            int i => i,
            long l => l,
            uint ui => ui,
            ulong ul => ul,
            decimal m => (double)m,
            _ => null,
        };
        return negative ? -value : value;
    }
}
