using System.Buffers;

namespace Metrics.Generators;

/// <summary>
/// ExpositionBuffer is the byte sink of one scrape: it appends to an <see cref="IBufferWriter{T}"/> of bytes, and
/// holds the one text primitive both text formats share, the sample line. It knows no format: what goes where is
/// the format writers' business (<see cref="ExpositionFormatWriter"/>). Everything it writes is either prepared
/// UTF-8 (names, HELP/TYPE lines, <c>le</c> values, a series' label block rendered once per scrape into scratch
/// space) or a number formatted in place, so a scrape allocates nothing per series.
/// </summary>
/// <remarks>
/// It asks the output for a few kilobytes at a time and advances it only when that span is full or on
/// <see cref="Flush"/>, so per-sample cost is a memcpy, not an interface call. Not thread-safe (one per scrape).
/// </remarks>
internal ref struct ExpositionBuffer
{
    private const int ChunkSize = 4096;

    private readonly IBufferWriter<byte> _output;
    private readonly byte[] _constantLabels;
    private Span<byte> _span;
    private int _used;

    /// <summary>Creates a buffer over <paramref name="output"/>; call <see cref="Flush"/> when done.</summary>
    /// <param name="output">Where the bytes go.</param>
    /// <param name="constantLabels">The registry's rendered constant labels, which open every label block (may be empty).</param>
    public ExpositionBuffer(IBufferWriter<byte> output, byte[] constantLabels)
    {
        _output = output;
        _constantLabels = constantLabels;
        _span = default;
        _used = 0;
    }

    /// <summary>Appends raw bytes.</summary>
    public void Write(scoped ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > _span.Length - _used)
        {
            Grow(bytes.Length);
        }

        bytes.CopyTo(_span[_used..]);
        _used += bytes.Length;
    }

    /// <summary>
    /// Appends one sample line: <c>name{constant,labels,extra} value\n</c>. <paramref name="labels"/> is a cell's
    /// rendered label block (may be empty); <paramref name="extraLabel"/> a pre-rendered <c>le="…"</c> or
    /// <c>quantile="…"</c> pair (may be empty).
    /// </summary>
    public void WriteSample(scoped ReadOnlySpan<byte> name, scoped ReadOnlySpan<byte> labels, scoped ReadOnlySpan<byte> extraLabel, double value)
    {
        WriteSeriesName(name, labels, extraLabel);
        Reserve(NumberFormatting.MaxValueLength + 1);
        _used += NumberFormatting.WriteValue(value, _span[_used..]);
        _span[_used++] = (byte)'\n';
    }

    /// <summary>Appends one sample line with an integer value (counts).</summary>
    public void WriteSample(scoped ReadOnlySpan<byte> name, scoped ReadOnlySpan<byte> labels, scoped ReadOnlySpan<byte> extraLabel, long value)
    {
        WriteSeriesName(name, labels, extraLabel);
        Reserve(NumberFormatting.MaxValueLength + 1);
        _used += NumberFormatting.WriteInteger(value, _span[_used..]);
        _span[_used++] = (byte)'\n';
    }

    /// <summary>Advances the output past everything written so far.</summary>
    public void Flush()
    {
        if (_used > 0)
        {
            _output.Advance(_used);
        }

        _span = default;
        _used = 0;
    }

    private void WriteSeriesName(scoped ReadOnlySpan<byte> name, scoped ReadOnlySpan<byte> labels, scoped ReadOnlySpan<byte> extraLabel)
    {
        var constant = _constantLabels.AsSpan();
        Reserve(name.Length + constant.Length + labels.Length + extraLabel.Length + 5);
        var span = _span[_used..];
        name.CopyTo(span);
        var at = name.Length;
        if (constant.Length > 0 || labels.Length > 0 || extraLabel.Length > 0)
        {
            span[at++] = (byte)'{';
            constant.CopyTo(span[at..]);
            at += constant.Length;
            if (constant.Length > 0 && labels.Length > 0)
            {
                span[at++] = (byte)',';
            }

            labels.CopyTo(span[at..]);
            at += labels.Length;
            if ((constant.Length > 0 || labels.Length > 0) && extraLabel.Length > 0)
            {
                span[at++] = (byte)',';
            }

            extraLabel.CopyTo(span[at..]);
            at += extraLabel.Length;
            span[at++] = (byte)'}';
        }

        span[at++] = (byte)' ';
        _used += at;
    }

    private void Reserve(int length)
    {
        if (length > _span.Length - _used)
        {
            Grow(length);
        }
    }

    private void Grow(int length)
    {
        Flush();
        _span = _output.GetSpan(Math.Max(length, ChunkSize));
    }
}
