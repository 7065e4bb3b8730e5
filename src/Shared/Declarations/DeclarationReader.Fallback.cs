using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Metrics.Generators.Shared.Declarations;

// The fallback: what a declaration that cannot be generated still gets, so that the user's code compiles.
// Without it CS0246/CS9248 stop csc from running any analyzer in the project (STYLE §2.7).
internal sealed partial class DeclarationReader
{
    private static readonly SymbolDisplayFormat s_typeFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    // Null when not even a stand-in can be emitted without adding errors of its own (the containing types cannot
    // be re-opened, the property is an explicit interface member or shares its name): the compiler's own errors
    // are then on the user's lines, next to the MG error.
    private FallbackSpec? ReadFallback(ImmutableArray<AttributeData> attributes, MetricKind kind, string? unit)
    {
        var propertyName = _syntax.Identifier.ValueText;
        if (propertyName.Length == 0
            || _syntax.ExplicitInterfaceSpecifier is not null
            || _property.ContainingType is not { } containingType
            || containingType.GetMembers(propertyName).Length > 1
            || HasUnnamedNamespace(containingType)
            || FallbackContainingTypes() is not EquatableArray<ContainingTypeSpec> containingTypes)
        {
            return null;
        }

        var (typeName, emitsType) = FallbackTypeName(containingType);
        string? propertyType = typeName;
        if (typeName is null)
        {
            // The declared type exists (a string, the containing type…): implement the property with it.
            propertyType = _property.Type is { TypeKind: not TypeKind.Error } existing && IsAccessibleEverywhere(existing)
                ? existing.ToDisplayString(s_typeFormat)
                : null;
        }

        var accessors = FallbackAccessors();
        var modifiers = accessors is null || propertyType is null || !_syntax.Modifiers.Any(SyntaxKind.PartialKeyword)
            ? null
            : string.Join(" ", _syntax.Modifiers.Where(m => IsAccessibilityKeyword(m.Kind()) || m.IsKind(SyntaxKind.StaticKeyword)).Select(m => m.Text));
        if (modifiers is null && (typeName is null || !emitsType))
        {
            return null;
        }

        var atNamespaceLevel = typeName is not null && emitsType && containingType.GetMembers(typeName).Any(m => !IsGeneratedByUs(m));
        var propertyAccess = string.Join(" ", _syntax.Modifiers.Where(m => IsAccessibilityKeyword(m.Kind())).Select(m => m.Text));
        var typeAccess = atNamespaceLevel
            ? EffectiveAccessibility(_property) == Accessibility.Public ? "public" : "internal"
            : propertyAccess.Length > 0 ? propertyAccess : "private";

        return new FallbackSpec(
            NamespaceOf(containingType),
            containingTypes,
            Escape(propertyName),
            modifiers,
            propertyType is null ? string.Empty : typeName is null ? propertyType : Escape(propertyType),
            accessors ?? EquatableArray<string>.Empty,
            typeName is null || !emitsType ? null : Escape(typeName),
            typeAccess,
            atNamespaceLevel,
            kind,
            unit,
            FallbackLabels(attributes),
            _reason ?? string.Empty);
    }

    // True when a namespace around the type has no name: "namespace Shop.;" mid-keystroke (the compiler reports it).
    private static bool HasUnnamedNamespace(INamedTypeSymbol type)
    {
        while (type.ContainingType is not null)
        {
            type = type.ContainingType;
        }

        for (var ns = type.ContainingNamespace; ns is not null && !ns.IsGlobalNamespace; ns = ns.ContainingNamespace)
        {
            if (ns.Name.Length == 0)
            {
                return true;
            }
        }

        return false;
    }

    // The containing types, when every one can be re-opened as a partial declaration in a generated file.
    private EquatableArray<ContainingTypeSpec>? FallbackContainingTypes()
    {
        var types = new List<ContainingTypeSpec>();
        for (var parent = _syntax.Parent; parent is not null && parent is not BaseNamespaceDeclarationSyntax and not CompilationUnitSyntax; parent = parent.Parent)
        {
            if (parent is not TypeDeclarationSyntax type
                || !type.Modifiers.Any(SyntaxKind.PartialKeyword)
                || type.TypeParameterList is not null
                || type.Modifiers.Any(SyntaxKind.FileKeyword))
            {
                return null;
            }

            string? keyword = type switch
            {
                ClassDeclarationSyntax => "class",
                StructDeclarationSyntax => "struct",
                RecordDeclarationSyntax record => record.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword) ? "record struct" : "record",
                _ => null,
            };
            if (keyword is null || type.Identifier.ValueText.Length == 0)
            {
                return null;
            }

            types.Insert(0, new ContainingTypeSpec(keyword, Escape(type.Identifier.ValueText)));
        }

        var outermost = _property.ContainingType;
        while (outermost?.ContainingType is not null)
        {
            outermost = outermost.ContainingType;
        }

        // A namespace of the type's full name (CS0101) would give two files one hint name.
        if (types.Count == 0 || (outermost?.ContainingNamespace is { } ns && ns.GetMembers(outermost.Name).Any(m => m is INamespaceSymbol)))
        {
            return null;
        }

        return new EquatableArray<ContainingTypeSpec>(types.ToArray());
    }

    // The metric type: the declared simple name, when nothing else (or this generator's own stand-in) has it; it is
    // emitted once, by the first of the metric properties of the type that name it.
    private (string? Name, bool Emit) FallbackTypeName(INamedTypeSymbol containingType)
    {
        if (_syntax.Type is not IdentifierNameSyntax identifier || identifier.Identifier.ValueText.Length == 0
            || (_property.Type is { TypeKind: not TypeKind.Error } existing && !IsGeneratedByUs(existing)))
        {
            return (null, false);
        }

        var typeName = identifier.Identifier.ValueText;
        foreach (var member in containingType.GetMembers())
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (member is IPropertySymbol other
                && other.Type.Name == typeName
                && other.GetAttributes().Any(a => _known.KindOf(a.AttributeClass) is not null))
            {
                return (typeName, SymbolEqualityComparer.Default.Equals(other, _property));
            }
        }

        return (typeName, true);
    }

    // get / set / init with their modifiers, when the declaration is a definition part (no bodies) with accessors.
    private EquatableArray<string>? FallbackAccessors()
    {
        if (_syntax.ExpressionBody is not null || _syntax.AccessorList is not { Accessors.Count: > 0 } list)
        {
            return null;
        }

        var accessors = new List<string>();
        var keywords = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var accessor in list.Accessors)
        {
            // A repeated accessor (get; get;), or set and init together, is the user's error (CS1007, CS8657): implement none.
            var keyword = accessor.Keyword.IsKind(SyntaxKind.InitKeyword) ? "set" : accessor.Keyword.Text;
            if (!keywords.Add(keyword) || accessor.Body is not null || accessor.ExpressionBody is not null
                || !accessor.Keyword.IsKind(SyntaxKind.GetKeyword) && !accessor.Keyword.IsKind(SyntaxKind.SetKeyword) && !accessor.Keyword.IsKind(SyntaxKind.InitKeyword))
            {
                return null;
            }

            accessors.Add(string.Concat(accessor.Modifiers.Select(m => m.Text + " ")) + accessor.Keyword.Text);
        }

        return new EquatableArray<string>(accessors.ToArray());
    }

    private EquatableArray<LabelSpec> FallbackLabels(ImmutableArray<AttributeData> attributes)
    {
        var labels = new List<LabelSpec>();
        foreach (var attribute in attributes)
        {
            if (!_known.IsLabel(attribute.AttributeClass))
            {
                continue;
            }

            var name = Positional(attribute, 0) is { } argument ? AsString(argument) : null;
            var labelType = attribute.AttributeClass is { TypeArguments.Length: 1 } generic ? generic.TypeArguments[0] : null;
            labels.Add(new LabelSpec(
                Identifier(name),
                LabelKind.BoundedString,
                FallbackLabelType(labelType),
                EquatableArray<string>.Empty,
                EquatableArray<EnumCaseSpec>.Empty,
                0));
        }

        return new EquatableArray<LabelSpec>(labels.ToArray());
    }

    /// <summary>
    /// The parameter type a label gets in a fallback: the declared type where call sites can pass it (an enum, bool,
    /// string, <c>Guid</c>, <c>int</c>…), so they compile unchanged; <c>object?</c> where the type does not resolve or
    /// cannot be a parameter of a public member (less accessible than the metric, ref struct, static class, pointer).
    /// </summary>
    internal string FallbackLabelType(ITypeSymbol? type)
    {
        if (type is null)
        {
            return "object?";
        }

        // Nullable<T> is judged by its T; arrays and other generic types fall back, rather than judge their parts.
        var judged = type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T, TypeArguments.Length: 1 } nullable ? nullable.TypeArguments[0] : type;
        if (judged is not INamedTypeSymbol { IsGenericType: false } named
            || named.TypeKind is TypeKind.Error
            || named.IsRefLikeType || named.IsStatic || !IsAccessibleEverywhere(named)
            || EffectiveAccessibility(named) < EffectiveAccessibility(_property))
        {
            return "object?";
        }

        return type.SpecialType switch
        {
            SpecialType.System_String => "string?",
            SpecialType.System_Boolean => "bool",
            SpecialType.System_Void => "object?",
            _ => type.ToDisplayString(s_typeFormat),
        };
    }

    // True when the type and every type argument and element can be named from a generated file (not private, not file-local).
    private static bool IsAccessibleEverywhere(ITypeSymbol type)
    {
        switch (type)
        {
            case IArrayTypeSymbol array:
                return IsAccessibleEverywhere(array.ElementType);
            case INamedTypeSymbol named:
                for (var current = named; current is not null; current = current.ContainingType)
                {
                    if (current.DeclaredAccessibility is Accessibility.Private or Accessibility.Protected or Accessibility.ProtectedAndInternal
                        || current.IsFileLocal || current.TypeKind == TypeKind.Error)
                    {
                        return false;
                    }
                }

                return named.TypeArguments.All(IsAccessibleEverywhere);
            default:
                return type.TypeKind != TypeKind.Error && type.TypeKind != TypeKind.TypeParameter;
        }
    }

    // A label name as an identifier part: what is not a letter, digit or '_' becomes '_' (LabelIdentifiers does the rest).
    private static string Identifier(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "label";
        }

        var builder = new StringBuilder(name!.Length);
        foreach (var c in name)
        {
            builder.Append(SyntaxFacts.IsIdentifierPartCharacter(c) && c < 128 ? c : '_');
        }

        return builder.ToString();
    }
}
