namespace Metrics.Generators;

/// <summary>
/// CounterValue is a counter's value as read for an exposition: the exact integer while the counter holds only
/// whole increments that fit a <see cref="long"/> (so values past 2^53 print exactly), otherwise the double.
/// </summary>
internal readonly struct CounterValue
{
    private CounterValue(bool isWhole, long whole, double value)
    {
        IsWhole = isWhole;
        Whole = whole;
        Value = value;
    }

    /// <summary>Whether <see cref="Whole"/> is the value.</summary>
    public bool IsWhole { get; }

    /// <summary>The value when <see cref="IsWhole"/>.</summary>
    public long Whole { get; }

    /// <summary>The value when not <see cref="IsWhole"/>.</summary>
    public double Value { get; }

    /// <summary>An exact integer value.</summary>
    public static CounterValue OfWhole(long whole) => new(true, whole, whole);

    /// <summary>A floating-point value (fractional, past the long range, or read from a callback).</summary>
    public static CounterValue Of(double value) => new(false, 0, value);
}
