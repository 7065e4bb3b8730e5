using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace Metrics.Generators.Analyzers;

/// <summary>
/// MoveCreationToStaticFieldCodeFix fixes MG3002 (<c>Meter</c> and prometheus-net creations): the expression
/// moves into a <c>private static readonly</c> field, declared after the type's existing fields so that fields it
/// uses are initialized first, and the call site reads the field. Offered only when the expression uses nothing
/// per call or per instance (no locals, parameters, <c>this</c> or instance members). Our own metric types are
/// not moved: they belong in a static partial property, which a fix cannot write for you.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MoveCreationToStaticFieldCodeFix)), Shared]
public sealed class MoveCreationToStaticFieldCodeFix : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("MG3002");

    /// <inheritdoc />
    public override FixAllProvider? GetFixAllProvider() => null;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax expression
                || expression.FirstAncestorOrSelf<TypeDeclarationSyntax>() is not { } type
                || model.GetTypeInfo(expression, context.CancellationToken).Type is not { TypeKind: not TypeKind.Error } expressionType
                || !UsesOnlyStatics(expression, model, context.CancellationToken)
                || IsOurMetricType(expressionType))
            {
                continue;
            }

            var fieldName = UniqueName(type, FieldNameFor(expression, expressionType));
            var typeName = expressionType.ToMinimalDisplayString(model, type.SpanStart);
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Move to a static readonly field",
                    ct => Task.FromResult(context.Document.WithSyntaxRoot(Move(root, type, expression, typeName, fieldName))),
                    equivalenceKey: nameof(MoveCreationToStaticFieldCodeFix)),
                diagnostic);
        }
    }

    private static SyntaxNode Move(SyntaxNode root, TypeDeclarationSyntax type, ExpressionSyntax expression, string typeName, string fieldName)
    {
        var field = SyntaxFactory.FieldDeclaration(
                SyntaxFactory.VariableDeclaration(
                    SyntaxFactory.ParseTypeName(typeName),
                    SyntaxFactory.SingletonSeparatedList(
                        SyntaxFactory.VariableDeclarator(fieldName).WithInitializer(SyntaxFactory.EqualsValueClause(expression.WithoutTrivia())))))
            .WithModifiers(SyntaxFactory.TokenList(
                SyntaxFactory.Token(SyntaxKind.PrivateKeyword), SyntaxFactory.Token(SyntaxKind.StaticKeyword), SyntaxFactory.Token(SyntaxKind.ReadOnlyKeyword)))
            .WithAdditionalAnnotations(Formatter.Annotation);

        var newType = type.ReplaceNode(expression, SyntaxFactory.IdentifierName(fieldName).WithTriviaFrom(expression));
        var lastField = newType.Members.OfType<FieldDeclarationSyntax>().LastOrDefault();
        var index = lastField is null ? 0 : newType.Members.IndexOf(lastField) + 1;
        if (index < newType.Members.Count && index > 0)
        {
            // Keep the document's line ending: the formatter would write the platform's for elastic trivia.
            var endOfLine = root.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
            field = field.WithTrailingTrivia(endOfLine.IsKind(SyntaxKind.EndOfLineTrivia) ? endOfLine : SyntaxFactory.LineFeed);
        }

        return root.ReplaceNode(type, newType.WithMembers(newType.Members.Insert(index, field)));
    }

    // Only statics, types, namespaces and constants: the expression then means the same at type level.
    private static bool UsesOnlyStatics(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (var node in expression.DescendantNodesAndSelf())
        {
            if (node is ThisExpressionSyntax or BaseExpressionSyntax or LambdaExpressionSyntax or AnonymousMethodExpressionSyntax)
            {
                return false;
            }

            if (node is SimpleNameSyntax name)
            {
                var symbol = model.GetSymbolInfo(name, cancellationToken).Symbol;
                switch (symbol)
                {
                    case ILocalSymbol or IParameterSymbol or IRangeVariableSymbol:
                        return false;
                    case IFieldSymbol { IsStatic: false, IsConst: false } or IPropertySymbol { IsStatic: false } or IEventSymbol { IsStatic: false }:
                        return false;
                    case IMethodSymbol { IsStatic: false, MethodKind: MethodKind.Ordinary } method when method.ReducedFrom is null
                        && name.Parent is not MemberAccessExpressionSyntax:
                        return false;
                }
            }
        }

        return true;
    }

    private static bool IsOurMetricType(ITypeSymbol type)
        => type.GetMembers("Descriptor").Any(m => m.IsStatic) && type.ContainingNamespace?.ToDisplayString() != "Prometheus";

    // s_ + the camelCase of the metric name argument ("orders_total" → s_ordersTotal), else of the type name.
    private static string FieldNameFor(ExpressionSyntax expression, ITypeSymbol type)
    {
        var arguments = expression switch
        {
            InvocationExpressionSyntax invocation => invocation.ArgumentList.Arguments,
            BaseObjectCreationExpressionSyntax creation => creation.ArgumentList?.Arguments ?? default,
            _ => default,
        };
        var source = arguments.Count > 0 && arguments[0].Expression is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } literal
            ? literal.Token.ValueText
            : type.Name;
        var builder = new StringBuilder("s_");
        var upper = false;
        foreach (var c in source)
        {
            if (!char.IsLetterOrDigit(c))
            {
                upper = builder.Length > 2;
                continue;
            }

            builder.Append(builder.Length == 2 ? char.ToLowerInvariant(c) : upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        return builder.Length > 2 ? builder.ToString() : "s_metric";
    }

    private static string UniqueName(TypeDeclarationSyntax type, string name)
    {
        var taken = type.Members.OfType<FieldDeclarationSyntax>().SelectMany(f => f.Declaration.Variables).Select(v => v.Identifier.ValueText)
            .Concat(type.Members.OfType<PropertyDeclarationSyntax>().Select(p => p.Identifier.ValueText))
            .Concat(type.Members.OfType<MethodDeclarationSyntax>().Select(m => m.Identifier.ValueText))
            .ToImmutableHashSet();
        var candidate = name;
        for (var i = 2; taken.Contains(candidate); i++)
        {
            candidate = name + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return candidate;
    }
}
