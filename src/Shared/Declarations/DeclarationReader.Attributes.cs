using System;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Metrics.Generators.Shared.Declarations;

// Defensive access to attribute arguments: an attribute the user is still typing has missing or
// erroneous arguments, and TypedConstant throws when asked for the wrong shape.
internal sealed partial class DeclarationReader
{
    private static string? AsString(TypedConstant constant)
        => constant.Kind == TypedConstantKind.Primitive ? constant.Value as string : null;

    private static double? AsDouble(TypedConstant constant)
        => constant.Kind == TypedConstantKind.Primitive ? ToDouble(constant.Value) : null;

    private static int? AsInt(TypedConstant constant)
        => constant.Kind == TypedConstantKind.Primitive && constant.Value is int value ? value : null;

    private static double? ToDouble(object? value) => value switch
    {
        double d => d,
        float f => f,
        int i => i,
        long l => l,
        short s => s,
        byte b => b,
        sbyte sb => sb,
        ushort us => us,
        uint ui => ui,
        ulong ul => ul,
        decimal m => (double)m,
        _ => null,
    };

    // Null when the argument is absent, null, or erroneous (the compiler reports the latter).
    private static double[]? AsDoubleArray(TypedConstant constant)
    {
        if (constant.Kind != TypedConstantKind.Array || constant.IsNull)
        {
            return null;
        }

        var values = constant.Values;
        var result = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            if (AsDouble(values[i]) is not { } value)
            {
                return null;
            }

            result[i] = value;
        }

        return result;
    }

    private static string?[]? AsStringArray(TypedConstant constant)
    {
        if (constant.Kind != TypedConstantKind.Array || constant.IsNull)
        {
            return null;
        }

        var values = constant.Values;
        var result = new string?[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i].Kind != TypedConstantKind.Primitive)
            {
                return null;
            }

            result[i] = values[i].Value as string;
        }

        return result;
    }

    private static TypedConstant? Named(AttributeData attribute, string name)
    {
        foreach (var pair in attribute.NamedArguments)
        {
            if (pair.Key == name)
            {
                return pair.Value;
            }
        }

        return null;
    }

    private static TypedConstant? Positional(AttributeData attribute, int index)
        => attribute.AttributeConstructor is not null && index < attribute.ConstructorArguments.Length
            ? attribute.ConstructorArguments[index]
            : null;

    private Location AttributeLocation(AttributeData attribute)
        => attribute.ApplicationSyntaxReference?.GetSyntax(_cancellationToken).GetLocation() ?? PropertyLocation;

    // The location of a named argument (Help = …) or the n-th constructor argument, else of the attribute.
    private Location ArgumentLocation(AttributeData attribute, string? named, int position = 0)
    {
        if (attribute.ApplicationSyntaxReference?.GetSyntax(_cancellationToken) is not AttributeSyntax syntax)
        {
            return PropertyLocation;
        }

        if (syntax.ArgumentList is { } list)
        {
            var positional = 0;
            foreach (var argument in list.Arguments)
            {
                if (argument.NameEquals is { } nameEquals)
                {
                    if (named is not null && nameEquals.Name.Identifier.ValueText == named)
                    {
                        return argument.GetLocation();
                    }
                }
                else if (named is null && positional++ == position)
                {
                    return argument.GetLocation();
                }
            }
        }

        return syntax.GetLocation();
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static bool IsFinite(double value) => !double.IsNaN(value) && !double.IsInfinity(value);

    private static bool Is(INamedTypeSymbol? symbol, INamedTypeSymbol? known) => KnownSymbols.Is(symbol, known);

    private static string AttributeDisplayName(AttributeData attribute)
    {
        var name = attribute.AttributeClass?.Name ?? "attribute";
        return name.EndsWith("Attribute", StringComparison.Ordinal) ? name.Substring(0, name.Length - 9) : name;
    }
}
