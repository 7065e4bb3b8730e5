namespace Metrics.Generators;

/// <summary>
/// InstrumentSlot is where the cells of a histogram or summary family find the instrument they also record into:
/// every cell of the family holds the same slot from its creation, and a publishing registry fills it when the family
/// is registered and empties it when the family leaves.
/// </summary>
/// <remarks>
/// Cells hold the slot rather than the instrument because cells are created before and during registration: a slot
/// set once reaches every cell, including one created at that moment. The recording path reads <see cref="Current"/>
/// (null unless published) and the instrument's <c>Enabled</c>, and does nothing else unless a listener is enabled.
/// </remarks>
internal sealed class InstrumentSlot
{
    private RecordedFamilyInstrument? _current;

    /// <summary>The instrument the family records into, or null when no publishing registry holds the family.</summary>
    public RecordedFamilyInstrument? Current => Volatile.Read(ref _current);

    /// <summary>Fills the slot unless another registry's instrument holds it (the first publishing registry wins).</summary>
    public void Attach(RecordedFamilyInstrument instrument)
        => Interlocked.CompareExchange(ref _current, instrument, null);

    /// <summary>Empties the slot if <paramref name="instrument"/> holds it.</summary>
    public void Detach(RecordedFamilyInstrument instrument)
        => Interlocked.CompareExchange(ref _current, null, instrument);
}
