using Tarjama.Documents;

namespace Tarjama.Memory;

/// <summary>Looks segments up in translation memories, in the order given: an exact match (same key) is the segment's
/// translation; fuzzy matches at or above the threshold are reported for the editor, best first.</summary>
internal sealed class MemoryLookup(IReadOnlyList<TranslationMemory> memories, double fuzzyThreshold, string sourceLanguage, string targetLanguage)
{
    /// <summary>The threshold of a lookup whose fuzzy matches nobody sees: they are not looked for.</summary>
    public const double ExactOnly = double.PositiveInfinity;

    private const int MatchesShown = 3;

    /// <summary>The segment's target from memory, or null; and the fuzzy matches (none when there is an exact one).</summary>
    public (SegmentTarget? Exact, IReadOnlyList<MemoryMatch> Fuzzy) Find(ExtractedSegment segment)
    {
        var (exact, verbatim, fuzzy) = Find(segment.Masked);
        return (exact is null ? null : MemoryPairs.Target(exact, verbatim, new TranslationOrigin(TranslationSource.MemoryExact, 1)), fuzzy);
    }

    /// <summary>The exact entry (with the segment's placeholder for each {k} of it), or else the fuzzy matches.</summary>
    public (MemoryEntry? Exact, IReadOnlyList<int> Verbatim, IReadOnlyList<MemoryMatch> Fuzzy) Find(MaskedSegment masked)
    {
        var (key, verbatim) = MemoryKey.Of(masked);
        var literal = MemoryKey.Literal(masked.Source);
        foreach (var memory in memories)
        {
            if ((memory.Exact(key, sourceLanguage, targetLanguage) ?? memory.Exact(literal, sourceLanguage, targetLanguage)) is { } entry)
            {
                return (entry, verbatim, []);
            }
        }
        if (fuzzyThreshold > 1)
        {
            return (null, verbatim, []);
        }
        var words = MemoryKey.Words(key);
        var fuzzy = memories.SelectMany(memory => memory.Candidates(key, sourceLanguage, targetLanguage))
            .Select(entry => (Entry: entry, Score: TokenSimilarity.Score(words, MemoryKey.Words(entry.Key))))
            .Where(match => match.Score >= fuzzyThreshold)
            .OrderByDescending(match => match.Score)
            .DistinctBy(match => match.Entry.Key)
            .Take(MatchesShown)
            .Select(match => new MemoryMatch(match.Score, match.Entry.Source, MemoryPairs.Written(match.Entry)))
            .ToList();
        return (null, verbatim, fuzzy);
    }
}
