namespace Metrics.Generators.Shared.Declarations;

/// <summary>
/// FallbackSpec is what the generator emits for a declaration it cannot implement (an invalid name, a wrong
/// shape, an unsupported label type…): the declared property and a metric type with the recording surface of
/// its kind, whose members throw. It exists so that the user's code still compiles, and the compiler goes on
/// to run the analyzers, while the MG error on the declaration fails the build.
/// </summary>
/// <remarks>
/// Invariant: plain data, like <see cref="MetricSpec"/>. Without it a skipped declaration leaves CS0246/CS9248,
/// and a compilation with declaration errors reports no analyzer diagnostic at all.
/// </remarks>
/// <param name="Namespace">The namespace of the containing type, or empty.</param>
/// <param name="ContainingTypes">The types around the property, outermost first.</param>
/// <param name="PropertyName">The property name as C# source.</param>
/// <param name="PropertyModifiers">The property's keywords for the implementation part (accessibility, <c>static</c>), or null to emit no property part.</param>
/// <param name="PropertyType">The property's type as C# source: <see cref="TypeName"/>, or an existing type's <c>global::</c> name.</param>
/// <param name="Accessors">The accessors to implement, as declared (<c>get</c>, <c>private set</c>, <c>init</c>).</param>
/// <param name="TypeName">The metric type to emit, or null when the declared type exists and none is emitted.</param>
/// <param name="TypeAccessibility">The metric type's accessibility keywords.</param>
/// <param name="TypeAtNamespaceLevel">True when a member of the containing type already has the type's name, so the type goes beside it in the namespace.</param>
/// <param name="Kind">The kind of the first metric attribute.</param>
/// <param name="Unit">The declared unit, for the parameter docs, or null.</param>
/// <param name="Labels">The labels in declaration order: names made into identifiers, types as declared where they resolve (see <see cref="DeclarationReader.FallbackLabelType"/>).</param>
/// <param name="Reason">The MG error that stops the declaration, e.g. <c>MG0001</c>, or empty when the compiler reports the error.</param>
internal sealed record FallbackSpec(
    string Namespace,
    EquatableArray<ContainingTypeSpec> ContainingTypes,
    string PropertyName,
    string? PropertyModifiers,
    string PropertyType,
    EquatableArray<string> Accessors,
    string? TypeName,
    string TypeAccessibility,
    bool TypeAtNamespaceLevel,
    MetricKind Kind,
    string? Unit,
    EquatableArray<LabelSpec> Labels,
    string Reason);
