using System.Text;
using Metrics.Generators.Analyzers.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Metrics.Generators.Analyzers.Tests;

/// <summary>
/// MutationFuzzTests break real declaration files token by token — delete, duplicate, swap, replace a literal, drop
/// a bracket — the way an editor holds them mid-keystroke, and run each mutant through the generator and every
/// analyzer. Whatever the mutation, nothing may crash (AD0001, CS8785) and no compiler error may sit in generated
/// code: the user's mistake is reported on the user's lines. Seeded and of fixed size, so a failure reproduces.
/// </summary>
public sealed class MutationFuzzTests
{
    private const int Seed = 20261201;
    private const int MutantsPerFile = 20;

    // Declarations and call sites of the build corpus: service code as teams write it, good and bad.
    private static readonly string[] s_files =
    [
        "tests/BuildCorpus/Clean/OrderMetrics.cs",
        "tests/BuildCorpus/Clean/OrderRepository.cs",
        "tests/BuildCorpus/Mistakes/ShopMetrics.cs",
        "tests/BuildCorpus/Mistakes/OperationsMetrics.cs",
        "tests/BuildCorpus/Mistakes/OrderHandlers.cs",
    ];

    // What ImplicitUsings gives the corpus projects.
    private const string ImplicitUsings = "global using System;\nglobal using System.Collections.Generic;\nglobal using System.Linq;\nglobal using System.Threading;\nglobal using System.Threading.Tasks;\n";

    private static readonly string[] s_stringLiterals = ["\"\"", "\"a-b\"", "\"x:y_total\"", "\"__x\"", "\"le\"", "\"9lives\"", "\"orders_total\"", "null", "\"\\uD800\""];

    private static readonly string[] s_numberLiterals = ["-1", "0", "1e309", "double.NaN", "int.MaxValue", "-0.0", "\"1\""];

    [Fact]
    public async Task TokenMutantsOfRealFiles_CrashNothingAndLeaveNoErrorInGeneratedCode()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var root = RepositoryRoot();
        var random = new Random(Seed);
        var failures = new List<string>();
        var mutants = 0;

        foreach (var path in s_files)
        {
            var text = File.ReadAllText(Path.Combine(root, path));
            var tokens = CSharpSyntaxTree.ParseText(text, BuildHarness.ParseOptions, cancellationToken: cancellationToken)
                .GetRoot(cancellationToken).DescendantTokens().ToList();

            // The other declaration files of the same project stay intact, so call sites have something to call.
            List<SyntaxTree> context =
            [
                CSharpSyntaxTree.ParseText(ImplicitUsings, BuildHarness.ParseOptions, "GlobalUsings.cs", cancellationToken: cancellationToken),
                .. s_files.Where(f => f != path && Path.GetDirectoryName(f) == Path.GetDirectoryName(path))
                    .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(Path.Combine(root, f)), BuildHarness.ParseOptions, f, cancellationToken: cancellationToken)),
            ];

            for (var i = 0; i < MutantsPerFile; i++)
            {
                var (description, mutant) = Mutate(tokens, random);
                var tree = CSharpSyntaxTree.ParseText(mutant, BuildHarness.ParseOptions, path, cancellationToken: cancellationToken);
                var build = await BuildHarness.BuildAsync([tree, .. context], cancellationToken);
                mutants++;

                var userTrees = new HashSet<SyntaxTree>([tree, .. context]);
                var bad = build.AllDiagnostics
                    .Where(d => d.Id is "AD0001" or "CS8785"
                                || (d.Severity == DiagnosticSeverity.Error && d.Location.SourceTree is { } t && !userTrees.Contains(t) && build.Compilation.ContainsSyntaxTree(t)))
                    .ToList();
                if (bad.Count > 0)
                {
                    failures.Add(path + " with " + description + ":\n  " + string.Join("\n  ", bad.Take(3)));
                }
            }
        }

        Assert.True(failures.Count == 0, failures.Count + " of " + mutants + " mutants failed:\n" + string.Join("\n", failures.Take(10)));
        // Bounded by count, not by time (each mutant is a full generator + analyzers + compiler pass, 0.2-1.5 s on a
        // shared 2-core machine): a timed assertion failed whenever CI ran other test projects beside it.
        Assert.Equal(s_files.Length * MutantsPerFile, mutants);
    }

    // One token-level mutation; the description says which, so a failure can be reproduced by hand.
    private static (string Description, string Text) Mutate(List<SyntaxToken> tokens, Random random)
    {
        var index = random.Next(tokens.Count);
        var token = tokens[index];
        var replacement = new string?[tokens.Count];
        string description;
        switch (random.Next(5))
        {
            case 0:
                replacement[index] = token.LeadingTrivia.ToFullString() + token.TrailingTrivia.ToFullString();
                description = "token " + index + " '" + token.Text + "' deleted";
                break;
            case 1:
                replacement[index] = token.ToFullString() + " " + token.Text;
                description = "token " + index + " '" + token.Text + "' duplicated";
                break;
            case 2 when index + 1 < tokens.Count:
                var next = tokens[index + 1];
                replacement[index] = token.LeadingTrivia.ToFullString() + next.Text + token.TrailingTrivia.ToFullString();
                replacement[index + 1] = next.LeadingTrivia.ToFullString() + token.Text + next.TrailingTrivia.ToFullString();
                description = "tokens " + index + " '" + token.Text + "' and '" + next.Text + "' swapped";
                break;
            case 3:
                // Replace a literal: the nearest string or number at or after the chosen token.
                var literal = tokens.FindIndex(index, t => t.IsKind(SyntaxKind.StringLiteralToken) || t.IsKind(SyntaxKind.NumericLiteralToken));
                literal = literal < 0 ? tokens.FindIndex(t => t.IsKind(SyntaxKind.StringLiteralToken) || t.IsKind(SyntaxKind.NumericLiteralToken)) : literal;
                var pool = tokens[literal].IsKind(SyntaxKind.StringLiteralToken) ? s_stringLiterals : s_numberLiterals;
                var value = pool[random.Next(pool.Length)];
                replacement[literal] = tokens[literal].LeadingTrivia.ToFullString() + value + tokens[literal].TrailingTrivia.ToFullString();
                description = "literal " + literal + " " + tokens[literal].Text + " replaced by " + value;
                break;
            default:
                // Drop a bracket: the nearest one at or after the chosen token.
                var bracket = tokens.FindIndex(index, IsBracket);
                bracket = bracket < 0 ? tokens.FindIndex(IsBracket) : bracket;
                replacement[bracket] = tokens[bracket].LeadingTrivia.ToFullString() + tokens[bracket].TrailingTrivia.ToFullString();
                description = "bracket " + bracket + " '" + tokens[bracket].Text + "' dropped";
                break;
        }

        var builder = new StringBuilder();
        for (var i = 0; i < tokens.Count; i++)
        {
            builder.Append(replacement[i] ?? tokens[i].ToFullString());
        }

        return (description, builder.ToString());
    }

    private static bool IsBracket(SyntaxToken token)
        => token.Kind() is SyntaxKind.OpenParenToken or SyntaxKind.CloseParenToken or SyntaxKind.OpenBracketToken
            or SyntaxKind.CloseBracketToken or SyntaxKind.OpenBraceToken or SyntaxKind.CloseBraceToken
            or SyntaxKind.LessThanToken or SyntaxKind.GreaterThanToken;

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Metrics.Generators.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Metrics.Generators.sln not found above " + AppContext.BaseDirectory);
    }
}
