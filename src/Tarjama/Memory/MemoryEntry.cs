namespace Tarjama.Memory;

/// <summary>An approved translation as stored: the key it is found by, its source as written, and its target, with
/// {1}, {2}... for the source's numbers when <paramref name="Masked"/> (else the numbers are part of the key).</summary>
internal sealed record MemoryEntry(string Key, string Source, string Target, bool Masked);

/// <summary>A memory entry found for a segment, with its similarity (1 for an exact match; token-level edit distance,
/// as CAT tools score, for a fuzzy one).</summary>
/// <param name="Source">The entry's source as written.</param>
/// <param name="Target">The entry's target as written, its numbers those of the entry's source.</param>
public sealed record MemoryMatch(double Score, string Source, string Target);
