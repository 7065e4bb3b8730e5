using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Metrics.Generators.Shared.Declarations;

/// <summary>
/// DeclarationProblem is one thing wrong with a metric declaration: an ID from <see cref="ProblemIds"/>, where,
/// and the message arguments for <see cref="ProblemMessages"/>. The analyzers turn it into a diagnostic with
/// <c>Diagnostic.Create(descriptor, problem.Location, problem.MessageArgs())</c>; the generator ignores it.
/// </summary>
internal sealed class DeclarationProblem
{
    /// <summary>Creates a problem.</summary>
    public DeclarationProblem(string id, Location location, params string[] arguments)
    {
        Id = id;
        Location = location;
        Arguments = ImmutableArray.Create(arguments);
    }

    /// <summary>The diagnostic ID, one of <see cref="ProblemIds"/>.</summary>
    public string Id { get; }

    /// <summary>The source span to report at (an attribute argument, the attribute, or the property name).</summary>
    public Location Location { get; }

    /// <summary>The message arguments, in the order <see cref="ProblemMessages"/> documents for <see cref="Id"/>.</summary>
    public ImmutableArray<string> Arguments { get; }

    /// <summary>The arguments as <c>Diagnostic.Create</c> takes them.</summary>
    public object?[] MessageArgs()
    {
        var args = new object?[Arguments.Length];
        for (var i = 0; i < args.Length; i++)
        {
            args[i] = Arguments[i];
        }

        return args;
    }

    /// <summary>The formatted message, for tests and debugging.</summary>
    public override string ToString()
        => Id + ": " + string.Format(System.Globalization.CultureInfo.InvariantCulture, ProblemMessages.For(Id) ?? "{0}", MessageArgs());
}
