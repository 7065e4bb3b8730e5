using System.Collections.Immutable;
using Metrics.Generators.Shared.Diagnostics;
using Microsoft.CodeAnalysis;

namespace Metrics.Generators.Shared.Declarations;

/// <summary>
/// DeclarationProblem is one thing wrong with a metric declaration: the rule it breaks (a descriptor of the one
/// catalogue, <see cref="DiagnosticDescriptors"/>), where, and the arguments of the rule's message. The generator
/// reports the error-level ones and the <c>DeclarationAnalyzer</c> the rest, both with <see cref="ToDiagnostic"/>
/// (<see cref="DiagnosticDescriptors.ReportedByGenerator"/> says who).
/// </summary>
internal sealed class DeclarationProblem
{
    /// <summary>Creates a problem.</summary>
    public DeclarationProblem(DiagnosticDescriptor rule, Location location, params string[] arguments)
    {
        Rule = rule;
        Location = location;
        Arguments = ImmutableArray.Create(arguments);
    }

    /// <summary>The rule, from <see cref="DiagnosticDescriptors"/>.</summary>
    public DiagnosticDescriptor Rule { get; }

    /// <summary>The diagnostic ID of <see cref="Rule"/>.</summary>
    public string Id => Rule.Id;

    /// <summary>The source span to report at (an attribute argument, the attribute, or the property name).</summary>
    public Location Location { get; }

    /// <summary>The message arguments, in the order the rule's XML doc in <see cref="DiagnosticDescriptors"/> lists them.</summary>
    public ImmutableArray<string> Arguments { get; }

    /// <summary>The diagnostic, with the arguments also as properties ("0", "1", …) so code fixes need not parse the message.</summary>
    public Diagnostic ToDiagnostic()
    {
        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        for (var i = 0; i < Arguments.Length; i++)
        {
            properties.Add(i.ToString(System.Globalization.CultureInfo.InvariantCulture), Arguments[i]);
        }

        return Diagnostic.Create(Rule, Location, properties.ToImmutable(), MessageArgs());
    }

    /// <summary>The formatted message, for tests and debugging.</summary>
    public override string ToString()
        => Id + ": " + string.Format(System.Globalization.CultureInfo.InvariantCulture, Rule.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture), MessageArgs());

    private object?[] MessageArgs()
    {
        var args = new object?[Arguments.Length];
        for (var i = 0; i < args.Length; i++)
        {
            args[i] = Arguments[i];
        }

        return args;
    }
}
