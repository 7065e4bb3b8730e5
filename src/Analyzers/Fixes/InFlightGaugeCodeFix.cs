using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Metrics.Generators.Analyzers;

/// <summary>
/// InFlightGaugeCodeFix fixes MG4004. When the same block later calls <c>Dec()</c> on the same gauge, it puts
/// the statements between the two in a <c>try</c> and the <c>Dec()</c> in its <c>finally</c>. Otherwise, when the
/// gauge has <c>TrackInProgress()</c> (unlabeled or a bound series), it replaces <c>X.Inc();</c> with
/// <c>using var _ = X.TrackInProgress();</c>, which decrements at the end of the block.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(InFlightGaugeCodeFix)), Shared]
public sealed class InFlightGaugeCodeFix : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("MG4004");

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not { } node
                || node.FirstAncestorOrSelf<InvocationExpressionSyntax>() is not { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Inc" } access } invocation
                || invocation.Parent is not ExpressionStatementSyntax statement
                || statement.Parent is not BlockSyntax block)
            {
                continue;
            }

            var receiver = access.Expression.ToString();
            var index = block.Statements.IndexOf(statement);
            var decIndex = -1;
            for (var i = index + 1; i < block.Statements.Count && decIndex < 0; i++)
            {
                if (block.Statements[i] is ExpressionStatementSyntax { Expression: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Dec" } decAccess } dec }
                    && dec.ArgumentList.Arguments.ToString() == invocation.ArgumentList.Arguments.ToString()
                    && decAccess.Expression.ToString() == receiver)
                {
                    decIndex = i;
                }
            }

            if (decIndex > 0)
            {
                context.RegisterCodeFix(
                    CodeAction.Create("Decrement in finally", _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(block, WrapInTry(block, index, decIndex)))), nameof(InFlightGaugeCodeFix) + "Try"),
                    diagnostic);
            }
            else if (diagnostic.Properties.ContainsKey(InFlightGaugeAnalyzer.CanTrackInProgress))
            {
                var tracked = SyntaxFactory.ParseStatement("using var _ = " + receiver + ".TrackInProgress();").WithTriviaFrom(statement);
                context.RegisterCodeFix(
                    CodeAction.Create("Use TrackInProgress()", _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(statement, tracked))), nameof(InFlightGaugeCodeFix) + "Using"),
                    diagnostic);
            }
        }
    }

    // [.., Inc, s1 … sk, Dec, ..] → [.., Inc, try { s1 … sk } finally { Dec }, ..]
    private static BlockSyntax WrapInTry(BlockSyntax block, int incIndex, int decIndex)
    {
        var statements = block.Statements;
        var body = statements.Skip(incIndex + 1).Take(decIndex - incIndex - 1);
        var tryStatement = SyntaxFactory.TryStatement(
                SyntaxFactory.Block(body),
                default,
                SyntaxFactory.FinallyClause(SyntaxFactory.Block(statements[decIndex].WithoutLeadingTrivia())))
            .WithAdditionalAnnotations(Microsoft.CodeAnalysis.Formatting.Formatter.Annotation);
        var rebuilt = statements.Take(incIndex + 1).Append(tryStatement).Concat(statements.Skip(decIndex + 1));
        return block.WithStatements(SyntaxFactory.List(rebuilt));
    }
}
