using Tarjama.Memory;

namespace Tarjama.Documents;

/// <summary>A bilingual record: a segment and its translation, where it stands (the block (paragraph) index and the
/// segment's index in it, from 0), where the translation came from, and what the editor should know.</summary>
public sealed record SegmentPair(int Paragraph, int Segment, string Source, string Target)
{
    /// <summary>The segment's stable id ("p3s1"), as in XLIFF.</summary>
    public string Id => $"p{Paragraph}s{Segment}";

    public TranslationOrigin Origin { get; init; } = TranslationOrigin.Machine;

    /// <summary>Fuzzy translation-memory matches, best first.</summary>
    public IReadOnlyList<MemoryMatch> Matches { get; init; } = [];

    /// <summary>Remarks for the editor that came with the translation.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>What the quality checks found; null when they did not run.</summary>
    public IReadOnlyList<Quality.QualityIssue>? Qa { get; init; }

    /// <summary>The matches and notes as lines of text, for formats that hold free text.</summary>
    public IEnumerable<string> Remarks => Matches.Select(match => $"memory {Math.Floor(match.Score * 100):0}%: {match.Source} => {match.Target}")
        .Concat(Notes).Concat((Qa ?? []).Select(issue => $"qa {issue}"));
}
