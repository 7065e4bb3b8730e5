using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Metrics.Generators.Analyzers;

/// <summary>
/// ValueFlow answers, once per compilation and from cache afterwards, where the call-site rules' values come
/// from: the one value a local or field is ever assigned, the arguments passed to a parameter of a non-public
/// helper at its call sites, and the calls that fill a <c>StringBuilder</c> local. It looks only inside the
/// compilation and gives up (an empty answer) rather than guess: a local assigned twice, a field anyone may
/// write, a public method's parameter, more than <see cref="MaxCallSites"/> call sites.
/// </summary>
internal sealed class ValueFlow
{
    /// <summary>How many locals, fields or parameters a rule follows from one value before it stops.</summary>
    public const int MaxHops = 4;

    /// <summary>Call sites read per helper; a helper called from more places is followed through these only.</summary>
    public const int MaxCallSites = 32;

    private readonly Compilation _compilation;
    private readonly ConcurrentDictionary<ISymbol, ImmutableArray<IOperation>> _values = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> _models = new();
    private readonly Lazy<Dictionary<string, List<SyntaxNode>>> _callsByName;

    public ValueFlow(Compilation compilation, CancellationToken cancellationToken)
    {
        _compilation = compilation;
        _callsByName = new Lazy<Dictionary<string, List<SyntaxNode>>>(() => IndexCalls(compilation, cancellationToken), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>
    /// The values <paramref name="reference"/> (a local, field or parameter reference) can hold, or empty when
    /// they are not known: locals and fields assigned exactly once, parameters of non-public methods and local
    /// functions through their call sites.
    /// </summary>
    public ImmutableArray<IOperation> ValuesOf(IOperation reference, CancellationToken cancellationToken)
    {
        switch (reference)
        {
            case ILocalReferenceOperation local:
                return _values.GetOrAdd(local.Local, _ => SingleAssignment(AssignedValues(RootOf(reference), local.Local)));
            case IFieldReferenceOperation { Field: { IsConst: false } field } when field.IsReadOnly || field.DeclaredAccessibility == Accessibility.Private:
                return _values.GetOrAdd(field, _ => SingleAssignment(FieldValues(field, cancellationToken)));
            case IParameterReferenceOperation { Parameter: { RefKind: RefKind.None } parameter }:
                return parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.LocalFunction } localFunction
                    ? ArgumentsFor(parameter, CallsIn(RootOf(reference), localFunction))
                    : _values.GetOrAdd(parameter, _ => ArgumentsFor(parameter, CallSites(parameter, cancellationToken)));
            default:
                return ImmutableArray<IOperation>.Empty;
        }
    }

    /// <summary>The invocations on a <c>StringBuilder</c> local (<c>sb.Append(x)</c>) and its initializer, in the body that declares it.</summary>
    public ImmutableArray<IOperation> BuilderWrites(ILocalReferenceOperation builder)
    {
        var writes = ImmutableArray.CreateBuilder<IOperation>();
        foreach (var operation in RootOf(builder).Descendants())
        {
            if (operation is IInvocationOperation { Instance: ILocalReferenceOperation instance } invocation
                && SymbolEqualityComparer.Default.Equals(instance.Local, builder.Local))
            {
                writes.Add(invocation);
            }
            else if (operation is IVariableDeclaratorOperation declarator && SymbolEqualityComparer.Default.Equals(declarator.Symbol, builder.Local)
                     && declarator.GetVariableInitializer() is { } initializer)
            {
                writes.Add(initializer.Value);
            }
        }

        return writes.ToImmutable();
    }

    /// <summary>
    /// The body of a method or local function declared in this compilation (<c>IMethodBodyOperation</c> or
    /// <c>ILocalFunctionOperation</c>), or null for metadata, abstract and partial-without-body methods.
    /// </summary>
    public IOperation? BodyOf(IMethodSymbol method, CancellationToken cancellationToken)
    {
        foreach (var reference in method.OriginalDefinition.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax(cancellationToken);
            if (syntax is BaseMethodDeclarationSyntax { Body: null, ExpressionBody: null })
            {
                continue;
            }

            if (syntax is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax
                && ModelFor(syntax.SyntaxTree).GetOperation(syntax, cancellationToken) is { } body)
            {
                return body;
            }
        }

        return null;
    }

    /// <summary>The outermost operation of the method, lambda's method or initializer <paramref name="operation"/> is in.</summary>
    public static IOperation RootOf(IOperation operation)
    {
        var current = operation;
        while (current.Parent is { } parent)
        {
            current = parent;
        }

        return current;
    }

    private static ImmutableArray<IOperation> SingleAssignment(List<IOperation>? values)
        => values is { Count: 1 } ? ImmutableArray.Create(values[0]) : ImmutableArray<IOperation>.Empty;

    // Every write to the local in its body; null when one of them is not a plain value (out, ref, +=, ++, deconstruction).
    private static List<IOperation>? AssignedValues(IOperation root, ILocalSymbol local)
    {
        var values = new List<IOperation>();
        foreach (var operation in root.Descendants())
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                    if (declarator.GetVariableInitializer() is { } initializer)
                    {
                        values.Add(initializer.Value);
                    }

                    break;
                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment when SymbolEqualityComparer.Default.Equals(target.Local, local):
                    values.Add(assignment.Value);
                    break;
                case ICompoundAssignmentOperation or ICoalesceAssignmentOperation or IIncrementOrDecrementOperation or IDeconstructionAssignmentOperation
                    when Writes(operation, local):
                    return null;
                case IArgumentOperation { Parameter.RefKind: RefKind.Out or RefKind.Ref } argument when Writes(argument, local):
                    return null;
            }
        }

        return values;
    }

    private static bool Writes(IOperation operation, ILocalSymbol local)
    {
        var target = operation switch
        {
            IAssignmentOperation assignment => assignment.Target,
            IIncrementOrDecrementOperation increment => increment.Target,
            IArgumentOperation argument => argument.Value,
            _ => null,
        };
        if (target is null)
        {
            return false;
        }

        foreach (var node in target.DescendantsAndSelf())
        {
            if (node is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local))
            {
                return true;
            }
        }

        return false;
    }

    // The field's initializer and the assignments to it inside its type: a private or readonly field is written nowhere else.
    private List<IOperation>? FieldValues(IFieldSymbol field, CancellationToken cancellationToken)
    {
        var values = new List<IOperation>();
        foreach (var reference in field.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer: { } initializer }
                && ModelFor(initializer.SyntaxTree).GetOperation(initializer.Value, cancellationToken) is { } value)
            {
                values.Add(value);
            }
        }

        foreach (var typeReference in field.ContainingType.DeclaringSyntaxReferences)
        {
            foreach (var node in typeReference.GetSyntax(cancellationToken).DescendantNodes())
            {
                if (node is not AssignmentExpressionSyntax assignment || RightmostName(assignment.Left) != field.Name)
                {
                    if (IsInPlaceWrite(node) && node.DescendantNodes().OfType<IdentifierNameSyntax>().Any(n => n.Identifier.ValueText == field.Name))
                    {
                        return null;
                    }

                    continue;
                }

                var operation = ModelFor(node.SyntaxTree).GetOperation(node, cancellationToken);
                if (operation is not IAssignmentOperation { Target: IFieldReferenceOperation target } write
                    || !SymbolEqualityComparer.Default.Equals(target.Field, field))
                {
                    continue;
                }

                if (write is not ISimpleAssignmentOperation simple)
                {
                    return null;
                }

                values.Add(simple.Value);
            }
        }

        return values;
    }

    private static bool IsInPlaceWrite(SyntaxNode node) => node switch
    {
        PostfixUnaryExpressionSyntax postfix => postfix.OperatorToken.IsKind(SyntaxKind.PlusPlusToken) || postfix.OperatorToken.IsKind(SyntaxKind.MinusMinusToken),
        PrefixUnaryExpressionSyntax prefix => prefix.OperatorToken.IsKind(SyntaxKind.PlusPlusToken) || prefix.OperatorToken.IsKind(SyntaxKind.MinusMinusToken),
        ArgumentSyntax argument => !argument.RefKindKeyword.IsKind(SyntaxKind.None),
        _ => false,
    };

    private static string? RightmostName(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        _ => null,
    };

    private static ImmutableArray<IOperation> ArgumentsFor(IParameterSymbol parameter, IEnumerable<IOperation> calls)
    {
        var values = ImmutableArray.CreateBuilder<IOperation>();
        foreach (var call in calls)
        {
            var arguments = call switch
            {
                IInvocationOperation invocation => invocation.Arguments,
                IObjectCreationOperation creation => creation.Arguments,
                _ => ImmutableArray<IArgumentOperation>.Empty,
            };
            foreach (var argument in arguments)
            {
                if (argument.Parameter?.Ordinal == parameter.Ordinal)
                {
                    values.Add(argument.Value);
                }
            }

            if (values.Count >= MaxCallSites)
            {
                break;
            }
        }

        return values.ToImmutable();
    }

    private static IEnumerable<IOperation> CallsIn(IOperation root, IMethodSymbol localFunction)
    {
        foreach (var operation in root.Descendants())
        {
            if (operation is IInvocationOperation invocation && SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.OriginalDefinition, localFunction.OriginalDefinition))
            {
                yield return invocation;
            }
        }
    }

    // Call sites of a helper nobody outside the assembly can call: a public or overridable method's callers are unknown.
    private List<IOperation> CallSites(IParameterSymbol parameter, CancellationToken cancellationToken)
    {
        var calls = new List<IOperation>();
        if (parameter.ContainingSymbol is not IMethodSymbol method || method.IsVirtual || method.IsAbstract || method.IsOverride
            || method.MethodKind is not (MethodKind.Ordinary or MethodKind.Constructor) || !IsNotPublic(method))
        {
            return calls;
        }

        var name = method.MethodKind == MethodKind.Constructor ? method.ContainingType.Name : method.Name;
        if (!_callsByName.Value.TryGetValue(name, out var nodes))
        {
            return calls;
        }

        foreach (var node in nodes)
        {
            var operation = ModelFor(node.SyntaxTree).GetOperation(node, cancellationToken);
            var target = operation switch
            {
                IInvocationOperation invocation => invocation.TargetMethod,
                IObjectCreationOperation creation => creation.Constructor,
                _ => null,
            };
            if (target is not null && SymbolEqualityComparer.Default.Equals(target.OriginalDefinition, method.OriginalDefinition))
            {
                calls.Add(operation!);
                if (calls.Count >= MaxCallSites)
                {
                    break;
                }
            }
        }

        return calls;
    }

    private static bool IsNotPublic(ISymbol symbol)
    {
        for (var current = symbol; current is not null and not INamespaceSymbol; current = current.ContainingSymbol)
        {
            if (current.DeclaredAccessibility is Accessibility.Private or Accessibility.Internal or Accessibility.ProtectedAndInternal)
            {
                return true;
            }
        }

        return false;
    }

    // One pass over the compilation's syntax, the first time a rule follows a parameter: invocations and object creations by the name they call.
    private static Dictionary<string, List<SyntaxNode>> IndexCalls(Compilation compilation, CancellationToken cancellationToken)
    {
        var index = new Dictionary<string, List<SyntaxNode>>(StringComparer.Ordinal);
        foreach (var tree in compilation.SyntaxTrees)
        {
            foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
            {
                var name = node switch
                {
                    InvocationExpressionSyntax invocation => RightmostName(invocation.Expression) ?? (invocation.Expression as GenericNameSyntax)?.Identifier.ValueText,
                    ObjectCreationExpressionSyntax creation => creation.Type switch
                    {
                        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
                        _ => null,
                    },
                    _ => null,
                };
                if (name is null)
                {
                    continue;
                }

                if (!index.TryGetValue(name, out var nodes))
                {
                    index[name] = nodes = [];
                }

                nodes.Add(node);
            }
        }

        return index;
    }

    // Trees other than the one being analyzed: the values a rule follows are declared there.
#pragma warning disable RS1030 // Following a value into another file needs that file's model; the analyzer reads it, never reports on it.
    private SemanticModel ModelFor(SyntaxTree tree) => _models.GetOrAdd(tree, t => _compilation.GetSemanticModel(t));
#pragma warning restore RS1030
}
