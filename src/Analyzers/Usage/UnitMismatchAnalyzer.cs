using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using Metrics.Generators.Shared.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Metrics.Generators.Analyzers;

/// <summary>
/// UnitMismatchAnalyzer reports MG4007: a value in one unit recorded into a metric declared in another. A metric
/// in seconds (<c>Unit = "seconds"</c> or a name ending <c>_seconds</c>) fed <c>Stopwatch.ElapsedMilliseconds</c>
/// or <c>ElapsedTicks</c>, <c>TimeSpan.TotalMilliseconds</c>/<c>Milliseconds</c>/<c>Ticks</c>, a difference of
/// <c>Environment.TickCount</c>/<c>TickCount64</c> or of <c>Stopwatch.GetTimestamp()</c> values, or a local or
/// member named in milliseconds; a metric in bytes fed a value divided by 1024 or 1000 or named in kilobytes.
/// Only the value as recorded counts: once it is divided or multiplied, it has been converted. A local assigned
/// once is followed to its value (<see cref="ValueFlow"/>).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnitMismatchAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.UnitMismatch);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            var symbols = new UsageSymbols(start.Compilation);
            if (symbols.CanHaveMetrics)
            {
                var flow = new ValueFlow(start.Compilation, start.CancellationToken);

                // The unit is read from the declaration once per metric type: reading it per call site was most of this rule's cost.
                var units = new ConcurrentDictionary<INamedTypeSymbol, string?>(SymbolEqualityComparer.Default);
                start.RegisterOperationAction(ctx => Analyze(ctx, symbols, flow, units), OperationKind.Invocation);
            }
        });
    }

    private static void Analyze(OperationAnalysisContext context, UsageSymbols symbols, ValueFlow flow, ConcurrentDictionary<INamedTypeSymbol, string?> units)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (invocation.TargetMethod.Name is not ("Observe" or "Set" or "Inc" or "Add" or "Dec") || !HasNonConstantAmount(invocation)
            || symbols.MetricTypeOf(invocation.TargetMethod.ContainingType) is not { } metricType)
        {
            return;
        }

        var unit = units.GetOrAdd(metricType, type => UnitOf(type, symbols, context.CancellationToken));
        if (unit is null)
        {
            return;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is not { Type.SpecialType: SpecialType.System_Double } || argument.ArgumentKind != ArgumentKind.Explicit)
            {
                continue;
            }

            var found = unit == "seconds" ? DescribeTime(argument.Value, symbols, flow, context, 0) : DescribeSize(argument.Value, flow, context, 0);
            if (found is { } mismatch)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.UnitMismatch, argument.Value.Syntax.GetLocation(),
                    symbols.DeclaredName(metricType, context.CancellationToken) ?? metricType.Name, unit, mismatch.What, mismatch.Fix));
            }
        }
    }

    // Inc() and Observe(1.5): nothing to check, and the common case at 10,000 call sites.
    private static bool HasNonConstantAmount(IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is { Type.SpecialType: SpecialType.System_Double } && !argument.Value.ConstantValue.HasValue)
            {
                return true;
            }
        }

        return false;
    }

    // "seconds" or "bytes" when the declaration says so, by Unit or by the name's suffix; other units are not checked.
    private static string? UnitOf(INamedTypeSymbol metricType, UsageSymbols symbols, System.Threading.CancellationToken cancellationToken)
    {
        var unit = symbols.DeclaredUnit(metricType, cancellationToken);
        var name = symbols.DeclaredName(metricType, cancellationToken) ?? string.Empty;
        if (unit == "seconds" || name.EndsWith("_seconds", StringComparison.Ordinal) || name.IndexOf("_seconds_", StringComparison.Ordinal) >= 0)
        {
            return "seconds";
        }

        return unit == "bytes" || name.EndsWith("_bytes", StringComparison.Ordinal) || name.IndexOf("_bytes_", StringComparison.Ordinal) >= 0 ? "bytes" : null;
    }

    private static IOperation Unwrap(IOperation value)
    {
        while (value is IConversionOperation or IParenthesizedOperation)
        {
            value = value is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)value).Operand;
        }

        return value;
    }

    private static (string What, string Fix)? DescribeTime(IOperation value, UsageSymbols symbols, ValueFlow flow, OperationAnalysisContext context, int hops)
    {
        value = Unwrap(value);
        switch (value)
        {
            case IPropertyReferenceOperation { Property: var property } when SymbolEqualityComparer.Default.Equals(property.ContainingType, symbols.Stopwatch):
                return property.Name switch
                {
                    "ElapsedMilliseconds" => ("milliseconds (Stopwatch.ElapsedMilliseconds)", "record stopwatch.Elapsed.TotalSeconds"),
                    "ElapsedTicks" => ("Stopwatch ticks (Stopwatch.ElapsedTicks)", "record stopwatch.Elapsed.TotalSeconds"),
                    _ => null,
                };
            case IPropertyReferenceOperation { Property: var property } when SymbolEqualityComparer.Default.Equals(property.ContainingType, symbols.TimeSpan):
                return property.Name switch
                {
                    "TotalMilliseconds" or "Milliseconds" => ("milliseconds (TimeSpan." + property.Name + ")", "record TimeSpan.TotalSeconds"),
                    "TotalMicroseconds" or "Microseconds" => ("microseconds (TimeSpan." + property.Name + ")", "record TimeSpan.TotalSeconds"),
                    "TotalNanoseconds" or "Nanoseconds" => ("nanoseconds (TimeSpan." + property.Name + ")", "record TimeSpan.TotalSeconds"),
                    "Ticks" => ("100-nanosecond ticks (TimeSpan.Ticks)", "record TimeSpan.TotalSeconds"),
                    _ => null,
                };
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Subtract } difference:
                var clock = Clock(difference.LeftOperand, symbols, flow, context, hops) ?? Clock(difference.RightOperand, symbols, flow, context, hops);
                return clock switch
                {
                    "TickCount" => ("a difference of Environment.TickCount values (milliseconds)", "divide it by 1000.0"),
                    "GetTimestamp" => ("a difference of Stopwatch.GetTimestamp() values (Stopwatch ticks)", "record Stopwatch.GetElapsedTime(start).TotalSeconds or divide by Stopwatch.Frequency"),
                    _ => null,
                };
            case ILocalReferenceOperation or IFieldReferenceOperation or IParameterReferenceOperation:
                if (NameOf(value) is { } name && SaysMilliseconds(name))
                {
                    return ("named in milliseconds ('" + name + "')", "divide it by 1000.0");
                }

                return value is ILocalReferenceOperation && hops < ValueFlow.MaxHops && Single(flow.ValuesOf(value, context.CancellationToken)) is { } assigned
                    ? DescribeTime(assigned, symbols, flow, context, hops + 1)
                    : null;
            case IPropertyReferenceOperation or IInvocationOperation when NameOf(value) is { } member && SaysMilliseconds(member):
                return ("named in milliseconds ('" + member + "')", "divide it by 1000.0");
            default:
                return null;
        }
    }

    // Which raw clock a subtraction's operand reads: Environment.TickCount(64) or Stopwatch.GetTimestamp(), directly or through a local.
    private static string? Clock(IOperation operand, UsageSymbols symbols, ValueFlow flow, OperationAnalysisContext context, int hops)
    {
        operand = Unwrap(operand);
        switch (operand)
        {
            case IPropertyReferenceOperation { Property.Name: "TickCount" or "TickCount64" } tick when SymbolEqualityComparer.Default.Equals(tick.Property.ContainingType, symbols.Environment):
                return "TickCount";
            case IInvocationOperation { TargetMethod.Name: "GetTimestamp" } timestamp when SymbolEqualityComparer.Default.Equals(timestamp.TargetMethod.ContainingType, symbols.Stopwatch):
                return "GetTimestamp";
            case ILocalReferenceOperation when hops < ValueFlow.MaxHops && Single(flow.ValuesOf(operand, context.CancellationToken)) is { } assigned:
                return Clock(assigned, symbols, flow, context, hops + 1);
            default:
                return null;
        }
    }

    private static (string What, string Fix)? DescribeSize(IOperation value, ValueFlow flow, OperationAnalysisContext context, int hops)
    {
        value = Unwrap(value);
        switch (value)
        {
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Divide or BinaryOperatorKind.RightShift } division
                when Unwrap(division.RightOperand).ConstantValue is { HasValue: true, Value: var divisor } && IsKiloDivisor(divisor, division.OperatorKind):
                return ("a byte count divided into kilobytes", "record the bytes themselves; the base unit is bytes");
            case ILocalReferenceOperation or IFieldReferenceOperation or IParameterReferenceOperation or IPropertyReferenceOperation or IInvocationOperation
                when NameOf(value) is { } name && SaysKilobytes(name):
                return ("named in kilobytes ('" + name + "')", "multiply it by 1024 or record the byte count");
            case ILocalReferenceOperation when hops < ValueFlow.MaxHops && Single(flow.ValuesOf(value, context.CancellationToken)) is { } assigned:
                return DescribeSize(assigned, flow, context, hops + 1);
            default:
                return null;
        }
    }

    private static IOperation? Single(ImmutableArray<IOperation> values) => values.Length == 1 ? values[0] : null;

    private static bool IsKiloDivisor(object? divisor, BinaryOperatorKind kind)
    {
        var number = divisor switch
        {
            int i => (double)i,
            long l => l,
            double d => d,
            float f => f,
            decimal m => (double)m,
            _ => double.NaN,
        };
        return kind == BinaryOperatorKind.RightShift ? number is 10 or 20 : number is 1024 or 1000 or 1048576 or 1000000;
    }

    private static string? NameOf(IOperation value) => value switch
    {
        ILocalReferenceOperation local => local.Local.Name,
        IFieldReferenceOperation field => field.Field.Name,
        IParameterReferenceOperation parameter => parameter.Parameter.Name,
        IPropertyReferenceOperation property => property.Property.Name,
        IInvocationOperation invocation => invocation.TargetMethod.Name,
        _ => null,
    };

    // elapsedMs, durationMillis, TimeoutMilliseconds: a capital M so 'items' or 'rooms' do not match.
    private static bool SaysMilliseconds(string name)
        => name.EndsWith("Ms", StringComparison.Ordinal) || name.EndsWith("_ms", StringComparison.Ordinal) || name == "ms"
           || name.IndexOf("Millis", StringComparison.Ordinal) >= 0 || name.IndexOf("millis", StringComparison.Ordinal) >= 0;

    private static bool SaysKilobytes(string name)
        => name.IndexOf("Kb", StringComparison.Ordinal) >= 0 || name.IndexOf("KB", StringComparison.Ordinal) >= 0
           || name.IndexOf("KiB", StringComparison.Ordinal) >= 0 || name.IndexOf("Kilobytes", StringComparison.OrdinalIgnoreCase) >= 0
           || name.StartsWith("kb", StringComparison.Ordinal) || name.EndsWith("_kb", StringComparison.Ordinal);
}
