namespace Metrics.Generators.Generator.Helpers;

/// <summary>GeneratorInfo names the tool in <c>[GeneratedCode]</c> attributes.</summary>
internal static class GeneratorInfo
{
    /// <summary>The tool name; the reader recognises the generator's own types by it.</summary>
    public const string Tool = Shared.Declarations.KnownSymbols.GeneratorToolName;

    /// <summary>The generator's assembly version (<c>major.minor.build.revision</c>, no commit hash: output stays stable between builds of one version).</summary>
    public static readonly string Version = typeof(GeneratorInfo).Assembly.GetName().Version?.ToString() ?? "0.0.0.0";

    /// <summary>The attribute line every generated type carries.</summary>
    public static readonly string GeneratedCodeAttribute =
        "[" + TypeNames.GeneratedCodeAttribute + "(" + Literals.String(Tool) + ", " + Literals.String(Version) + ")]";
}
