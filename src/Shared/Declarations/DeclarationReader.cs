using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Metrics.Generators.Shared.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Metrics.Generators.Shared.Declarations;

/// <summary>
/// DeclarationReader reads one attributed <c>static partial</c> property into a <see cref="MetricSpec"/> and
/// lists every problem with it. The generator keeps only the spec; the analyzers report the problems. Both
/// link this one copy, so what compiles and what is reported cannot disagree.
/// </summary>
/// <remarks>
/// The reader never throws on bad input (half-typed attributes, unresolved types, syntax errors): it records
/// a problem, or stays silent where the compiler already reports an error, and returns a null spec when the
/// declaration cannot be emitted, with a <see cref="FallbackSpec"/> when the property can still be implemented
/// (DeclarationReader.Fallback.cs). Only cancellation escapes, as the compiler expects.
/// </remarks>
internal sealed partial class DeclarationReader
{
    private readonly PropertyDeclarationSyntax _syntax;
    private readonly IPropertySymbol _property;
    private readonly KnownSymbols _known;
    private readonly CancellationToken _cancellationToken;
    private readonly ImmutableArray<DeclarationProblem>.Builder _problems = ImmutableArray.CreateBuilder<DeclarationProblem>();

    // Set by any problem (or compiler error) that makes the declaration impossible to emit.
    private bool _fatal;

    // The first fatal problem's ID, named by the fallback's exceptions.
    private string? _reason;

    private DeclarationReader(PropertyDeclarationSyntax syntax, IPropertySymbol property, KnownSymbols known, CancellationToken cancellationToken)
    {
        _syntax = syntax;
        _property = property;
        _known = known;
        _cancellationToken = cancellationToken;
    }

    /// <summary>
    /// Reads <paramref name="property"/> (analyzers: from a symbol action). Uses the user's declaration, not the
    /// generated implementation part.
    /// </summary>
    public static DeclarationResult Read(IPropertySymbol property, KnownSymbols known, CancellationToken cancellationToken)
    {
        var syntax = FindDeclaration(property, cancellationToken);
        if (syntax is null || syntax.AttributeLists.Count == 0)
        {
            // Handed the generated implementation part: read its definition part, the one the user wrote.
            foreach (var member in property.ContainingType?.GetMembers(property.Name) ?? ImmutableArray<ISymbol>.Empty)
            {
                if (member is IPropertySymbol other && FindDeclaration(other, cancellationToken) is { AttributeLists.Count: > 0 } declaration)
                {
                    return Read(declaration, other, known, cancellationToken);
                }
            }
        }

        return syntax is null ? DeclarationResult.NotAMetric : Read(syntax, property, known, cancellationToken);
    }

    /// <summary>Reads the property declared by <paramref name="syntax"/> (the generator: the attribute's target).</summary>
    public static DeclarationResult Read(PropertyDeclarationSyntax syntax, IPropertySymbol property, KnownSymbols known, CancellationToken cancellationToken)
        => new DeclarationReader(syntax, property, known, cancellationToken).ReadMetric();

    private static PropertyDeclarationSyntax? FindDeclaration(IPropertySymbol property, CancellationToken cancellationToken)
    {
        PropertyDeclarationSyntax? first = null;
        foreach (var reference in property.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is not PropertyDeclarationSyntax declaration)
            {
                continue;
            }

            // The user's part carries the attributes; the generated part has a getter body and none.
            if (declaration.AttributeLists.Count > 0)
            {
                return declaration;
            }

            first ??= declaration;
        }

        return first;
    }

    private DeclarationResult ReadMetric()
    {
        var attributes = _property.GetAttributes();
        AttributeData? metricAttribute = null;
        var kind = MetricKind.Counter;
        var kindNames = new List<string>();
        foreach (var attribute in attributes)
        {
            if (_known.KindOf(attribute.AttributeClass) is not { } attributeKind)
            {
                continue;
            }

            kindNames.Add(attributeKind.ToString());
            if (metricAttribute is null)
            {
                metricAttribute = attribute;
                kind = attributeKind;
            }
        }

        if (metricAttribute is null)
        {
            return DeclarationResult.NotAMetric;
        }

        if (kindNames.Count > 1)
        {
            // Each attribute's pipeline would emit the same type: skip them all.
            Fatal(DiagnosticDescriptors.MultipleMetricAttributes, PropertyLocation, _syntax.Identifier.ValueText, string.Join(", ", kindNames));
        }

        var shape = ReadShape();
        var name = ReadName(metricAttribute);
        var help = ReadHelp(metricAttribute, name);
        var unit = ReadUnit(metricAttribute, kind, name);
        CheckNaming(metricAttribute, kind, name);
        var labels = ReadLabels(attributes, kind, name);
        var (buckets, slo) = ReadBuckets(attributes, metricAttribute, kind, name);
        var (quantiles, maxAgeSeconds, ageBuckets) = ReadSummary(metricAttribute, kind, name);

        var spec = _fatal || shape is null || name is null
            ? null
            : new MetricSpec(
                shape.Namespace,
                shape.ContainingTypes,
                shape.PropertyName,
                shape.PropertyModifiers,
                shape.TypeName,
                kind,
                name,
                help,
                unit,
                labels,
                buckets,
                quantiles,
                slo,
                maxAgeSeconds,
                ageBuckets,
                shape.IsReachableFromAssembly);
        var fallback = spec is null ? ReadFallback(attributes, kind, unit) : null;
        return new DeclarationResult(spec, _problems.ToImmutable(), fallback, kind);
    }

    private sealed record Shape(
        string Namespace,
        EquatableArray<ContainingTypeSpec> ContainingTypes,
        string PropertyName,
        string PropertyModifiers,
        string TypeName,
        bool IsReachableFromAssembly);

    // MG0004: everything about the declaration that decides whether a partial implementation can be emitted.
    private Shape? ReadShape()
    {
        var propertyName = _syntax.Identifier.ValueText;
        var location = PropertyLocation;
        var ok = true;
        void Wrong(string reason)
        {
            ok = false;
            Fatal(DiagnosticDescriptors.InvalidDeclarationShape, location, propertyName, reason);
        }

        var modifiers = _syntax.Modifiers;
        if (!modifiers.Any(SyntaxKind.StaticKeyword))
        {
            Wrong("it must be static");
        }

        if (!modifiers.Any(SyntaxKind.PartialKeyword))
        {
            Wrong("it must be partial, so that the generator can implement it");
        }

        if (_syntax.ExplicitInterfaceSpecifier is not null)
        {
            Wrong("it must not implement an interface member explicitly");
        }

        CheckAccessors(Wrong);
        if (_syntax.Initializer is not null)
        {
            Wrong("it must not have an initializer");
        }

        if (_property.ContainingType is { } container && container.GetMembers(propertyName).Length > 1)
        {
            Wrong("the containing type has another member named '" + propertyName + "'");
        }

        var typeName = ReadTypeName(Wrong);
        var containingTypes = ReadContainingTypes(Wrong);
        if (_property.ContainingType is { } named && HasUnnamedNamespace(named))
        {
            // A namespace being typed ("namespace Shop.;"): the compiler reports it; a file would not parse.
            _fatal = true;
            return null;
        }

        if (!ok || typeName is null || containingTypes is null || _property.ContainingType is not { } containingType)
        {
            return null;
        }

        return new Shape(
            NamespaceOf(containingType),
            containingTypes.Value,
            Escape(propertyName),
            string.Join(" ", modifiers.Where(m => IsAccessibilityKeyword(m.Kind())).Select(m => m.Text)),
            Escape(typeName),
            IsReachable(containingType));
    }

    private void CheckAccessors(Action<string> wrong)
    {
        const string GetOnly = "declare it as { get; }: the generator writes the getter";
        if (_syntax.ExpressionBody is not null || _syntax.AccessorList is null)
        {
            wrong(GetOnly);
            return;
        }

        var hasGetter = false;
        foreach (var accessor in _syntax.AccessorList.Accessors)
        {
            if (accessor.IsKind(SyntaxKind.GetAccessorDeclaration))
            {
                hasGetter = true;
                if (accessor.Body is not null || accessor.ExpressionBody is not null || accessor.Modifiers.Count > 0)
                {
                    wrong(GetOnly);
                }
            }
            else
            {
                wrong("it must not have a setter: a metric property is get-only");
            }
        }

        if (!hasGetter)
        {
            wrong(GetOnly);
        }
    }

    private string? ReadTypeName(Action<string> wrong)
    {
        if (_syntax.Type is not IdentifierNameSyntax identifier || identifier.Identifier.ValueText.Length == 0)
        {
            wrong("its type must be a simple name for the metric type the generator emits, e.g. OrdersTotal");
            return null;
        }

        var typeName = identifier.Identifier.ValueText;
        var containingType = _property.ContainingType;
        if (typeName is "Labels" or "Series")
        {
            wrong("the type name '" + typeName + "' is taken by a type nested in every metric type");
        }
        else if (typeName == _syntax.Identifier.ValueText)
        {
            wrong("its type cannot have the same name as the property");
        }
        else if (containingType is not null && typeName == containingType.Name)
        {
            wrong("its type cannot have the same name as the containing type");
        }
        else if (_property.Type is { TypeKind: not TypeKind.Error } existing && !IsGeneratedByUs(existing))
        {
            wrong("its type '" + existing.ToDisplayString() + "' already exists: name a new type for the generator to emit");
        }
        else if (containingType is not null && containingType.GetMembers(typeName).Any(m => !IsGeneratedByUs(m)))
        {
            wrong("the containing type already has a member named '" + typeName + "'");
        }
        else if (containingType is not null && OtherMetricUsingType(containingType, typeName) is { } other)
        {
            wrong("the type name '" + typeName + "' is also used by the metric property '" + other + "'");
        }

        return typeName;
    }

    private string? OtherMetricUsingType(INamedTypeSymbol containingType, string typeName)
    {
        foreach (var member in containingType.GetMembers())
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (member is IPropertySymbol other
                && !SymbolEqualityComparer.Default.Equals(other, _property)
                && other.Type.Name == typeName
                && other.GetAttributes().Any(a => _known.KindOf(a.AttributeClass) is not null))
            {
                return other.Name;
            }
        }

        return null;
    }

    private EquatableArray<ContainingTypeSpec>? ReadContainingTypes(Action<string> wrong)
    {
        var types = new List<ContainingTypeSpec>();
        var ok = true;
        var parent = _syntax.Parent;
        while (parent is TypeDeclarationSyntax type)
        {
            var name = type.Identifier.ValueText;
            string? keyword = type switch
            {
                ClassDeclarationSyntax => "class",
                StructDeclarationSyntax => "struct",
                RecordDeclarationSyntax record => record.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword) ? "record struct" : "record",
                _ => null,
            };
            if (keyword is null)
            {
                ok = false;
                wrong("the containing type '" + name + "' must be a class, struct or record");
            }

            if (!type.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                ok = false;
                wrong("the containing type '" + name + "' must be partial");
            }

            if (type.TypeParameterList is not null)
            {
                ok = false;
                wrong("the containing type '" + name + "' must not be generic");
            }

            if (type.Modifiers.Any(SyntaxKind.FileKeyword))
            {
                ok = false;
                wrong("the containing type '" + name + "' is file-local, so it cannot be extended from a generated file");
            }

            types.Insert(0, new ContainingTypeSpec(keyword ?? "class", Escape(name)));
            parent = type.Parent;
        }

        // A type whose full name is also a namespace's (CS0101) would give two metrics one hint name.
        var outermost = _property.ContainingType;
        while (outermost?.ContainingType is not null)
        {
            outermost = outermost.ContainingType;
        }

        if (outermost?.ContainingNamespace is { } ns && ns.GetMembers(outermost.Name).Any(m => m is INamespaceSymbol))
        {
            ok = false;
            wrong("the type '" + outermost.Name + "' has the full name of a namespace");
        }

        if (types.Count == 0)
        {
            ok = false;
            wrong("it must be declared inside a partial class, struct or record");
        }

        return ok ? new EquatableArray<ContainingTypeSpec>(types.ToArray()) : null;
    }

    // True for a type this generator emitted: in the analyzers' compilation the metric type exists.
    private bool IsGeneratedByUs(ISymbol symbol) => _known.IsGenerated(symbol);

    private bool IsReachable(INamedTypeSymbol containingType)
    {
        if (!IsAssemblyVisible(_property.DeclaredAccessibility))
        {
            return false;
        }

        for (var type = containingType; type is not null; type = type.ContainingType)
        {
            if (!IsAssemblyVisible(type.DeclaredAccessibility))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAssemblyVisible(Accessibility accessibility)
        => accessibility is Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal;

    private static bool IsAccessibilityKeyword(SyntaxKind kind)
        => kind is SyntaxKind.PublicKeyword or SyntaxKind.PrivateKeyword or SyntaxKind.ProtectedKeyword or SyntaxKind.InternalKeyword;

    private static string NamespaceOf(INamedTypeSymbol type)
    {
        while (type.ContainingType is not null)
        {
            type = type.ContainingType;
        }

        var ns = type.ContainingNamespace;
        return ns is null || ns.IsGlobalNamespace ? string.Empty : ns.ToDisplayString(NamespaceFormat);
    }

    private static readonly SymbolDisplayFormat NamespaceFormat = new(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers);

    /// <summary>Prefixes <c>@</c> when <paramref name="identifier"/> is a C# keyword.</summary>
    internal static string Escape(string identifier)
        => SyntaxFacts.GetKeywordKind(identifier) != SyntaxKind.None ? "@" + identifier : identifier;

    private Location PropertyLocation => _syntax.Identifier.GetLocation();

    private void Report(DiagnosticDescriptor rule, Location location, params string[] arguments)
        => _problems.Add(new DeclarationProblem(rule, location, arguments));

    private void Fatal(DiagnosticDescriptor rule, Location location, params string[] arguments)
    {
        _fatal = true;
        _reason ??= rule.Id;
        Report(rule, location, arguments);
    }
}
