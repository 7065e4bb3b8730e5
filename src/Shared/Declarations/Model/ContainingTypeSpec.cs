using System;

namespace Metrics.Generators.Shared.Declarations;

/// <summary>
/// ContainingTypeSpec is one type around a metric property, enough to re-open it as a partial
/// declaration: <c>partial {Keyword} {Name}</c>.
/// </summary>
/// <param name="Keyword">The declaration keyword: <c>class</c>, <c>struct</c>, <c>record</c> or <c>record struct</c>.</param>
/// <param name="Name">The type name as C# source (escaped with <c>@</c> when it is a keyword).</param>
internal sealed record ContainingTypeSpec(string Keyword, string Name);
