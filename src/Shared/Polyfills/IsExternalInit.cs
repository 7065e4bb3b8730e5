#if !NET5_0_OR_GREATER
namespace System.Runtime.CompilerServices;

// netstandard2.0 lacks the marker type that records and init accessors compile against.
// Linked into the generator and the analyzers from here, so neither project may declare its own.
internal static class IsExternalInit
{
}
#endif
