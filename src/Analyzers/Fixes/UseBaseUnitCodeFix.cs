using System;
using System.Collections.Immutable;
using System.Composition;
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
/// UseBaseUnitCodeFix fixes MG1001: renames the scaled unit in the metric name to the base unit
/// (<c>_milliseconds</c> → <c>_seconds</c>) and sets <c>Unit</c> to it. The recorded values and any buckets
/// still need converting by hand, which the title says.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseBaseUnitCodeFix)), Shared]
public sealed class UseBaseUnitCodeFix : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.NonBaseUnit.Id);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            // Arguments (as properties): 0 metric name, 1 unit used, 2 base unit.
            if (!diagnostic.Properties.TryGetValue("1", out var unit) || !diagnostic.Properties.TryGetValue("2", out var baseUnit)
                || unit is null || baseUnit is null || !UnitRules.IsBaseUnit(baseUnit)
                || root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not { } node
                || FixSyntax.Attribute(node) is not { } attribute
                || FixSyntax.NameLiteral(node) is not { } literal)
            {
                continue;
            }

            var name = literal.Token.ValueText;
            var renamed = RenameSegment(name, unit, baseUnit);
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Use the base unit '" + baseUnit + "' (then convert the recorded values)",
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(attribute, Fix(attribute, literal, renamed, baseUnit)))),
                    equivalenceKey: nameof(UseBaseUnitCodeFix)),
                diagnostic);
        }
    }

    private static AttributeSyntax Fix(AttributeSyntax attribute, LiteralExpressionSyntax literal, string renamed, string baseUnit)
    {
        var fixedAttribute = attribute.ReplaceNode(literal, FixSyntax.StringLiteral(renamed).WithTriviaFrom(literal));
        if (FixSyntax.NamedArgument(fixedAttribute, "Unit") is { } unitArgument)
        {
            return fixedAttribute.ReplaceNode(unitArgument.Expression, FixSyntax.StringLiteral(baseUnit).WithTriviaFrom(unitArgument.Expression));
        }

        var stem = renamed.EndsWith("_total", StringComparison.Ordinal) ? renamed.Substring(0, renamed.Length - 6) : renamed;
        if (!stem.EndsWith("_" + baseUnit, StringComparison.Ordinal) || fixedAttribute.ArgumentList is not { } list)
        {
            return fixedAttribute;
        }

        // The name now ends in a base unit: declare it, or MG1002 follows.
        var unitArgumentToAdd = SyntaxFactory.AttributeArgument(
            SyntaxFactory.NameEquals(SyntaxFactory.IdentifierName("Unit")),
            null,
            FixSyntax.StringLiteral(baseUnit));
        return fixedAttribute.WithArgumentList(list.WithArguments(list.Arguments.Add(unitArgumentToAdd)));
    }

    // Replaces the whole word `unit` in the snake_case name, wherever it is.
    private static string RenameSegment(string name, string unit, string baseUnit)
    {
        var segments = name.Split('_');
        for (var i = 0; i < segments.Length; i++)
        {
            if (segments[i] == unit)
            {
                segments[i] = baseUnit;
            }
        }

        return string.Join("_", segments);
    }
}
