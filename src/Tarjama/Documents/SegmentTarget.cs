using Tarjama.Memory;

namespace Tarjama.Documents;

/// <summary>A translation to merge into a segment: the model's raw output for <see cref="ExtractedSegment.ModelInput"/>
/// (placeholders and all), or an editor's text with the segment's inline codes.</summary>
public sealed record SegmentTarget
{
    private SegmentTarget(string? modelOutput, IReadOnlyList<SegmentPart>? parts) => (ModelOutput, Parts) = (modelOutput, parts);

    /// <summary>The model's output: its punctuation is put in the target style and its placeholders restored.</summary>
    public string? ModelOutput { get; }

    /// <summary>Final text and inline codes (an editor's): merged as written, codes checked against the source's.</summary>
    public IReadOnlyList<SegmentPart>? Parts { get; }

    /// <summary>Where the translation came from, for bilingual outputs and XLIFF states.</summary>
    public TranslationOrigin Origin { get; init; } = TranslationOrigin.Machine;

    /// <summary>Remarks for the editor (memory matches, QA flags), written with the segment in bilingual outputs.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Fuzzy translation-memory matches for the segment, best first, for the editor to see.</summary>
    public IReadOnlyList<MemoryMatch> Matches { get; init; } = [];

    public static SegmentTarget FromModel(string output) => new(output, null);

    public static SegmentTarget FromParts(IReadOnlyList<SegmentPart> parts) => new(null, parts) { Origin = new TranslationOrigin(TranslationSource.Editor) };
}
