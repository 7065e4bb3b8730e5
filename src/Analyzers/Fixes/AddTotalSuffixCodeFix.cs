using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Metrics.Generators.Analyzers;

/// <summary>AddTotalSuffixCodeFix fixes MG1005: declares a counter under the name it is exposed as, <c>&lt;name&gt;_total</c>.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddTotalSuffixCodeFix)), Shared]
public sealed class AddTotalSuffixCodeFix : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("MG1005");

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not { } node
                || FixSyntax.NameLiteral(node) is not { } literal)
            {
                continue;
            }

            var name = literal.Token.ValueText;
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Rename to '" + name + "_total'",
                    ct => Replace(context.Document, root, literal, name + "_total", ct),
                    equivalenceKey: nameof(AddTotalSuffixCodeFix)),
                diagnostic);
        }
    }

    private static Task<Document> Replace(Document document, SyntaxNode root, LiteralExpressionSyntax literal, string name, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(literal, FixSyntax.StringLiteral(name).WithTriviaFrom(literal))));
    }
}
