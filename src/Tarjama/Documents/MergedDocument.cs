using Tarjama.Memory;

namespace Tarjama.Documents;

/// <summary>A merged segment: the extracted segment and the translation now in its place.</summary>
public sealed class MergedSegment
{
    internal MergedSegment(ExtractedSegment segment, SegmentResult result, SegmentTarget? target)
    {
        (Segment, Result) = (segment, result);
        Origin = result.Parts is null ? new TranslationOrigin(TranslationSource.Kept) : target?.Origin ?? TranslationOrigin.Machine;
        Notes = target?.Notes ?? [];
        Matches = target?.Matches ?? [];
    }

    public ExtractedSegment Segment { get; }

    public TranslationOrigin Origin { get; }

    /// <summary>Remarks for the editor that came with the translation.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>Fuzzy translation-memory matches for the segment, best first.</summary>
    public IReadOnlyList<MemoryMatch> Matches { get; }

    /// <summary>What the quality checks found in the translation; null when they did not run.</summary>
    public IReadOnlyList<Quality.QualityIssue>? Qa => Result.Qa;

    /// <summary>The translation as plain text; the source when it was kept.</summary>
    public string Target => Result.Target;

    /// <summary>The translation as text and the segment's inline codes, as it went into the document.</summary>
    public IReadOnlyList<SegmentPart> TargetParts => Result.Parts is { } parts
        ? [.. parts.Select(part => part.Kind == OutputKind.Piece ? SegmentPart.OfCode(Segment.CodeOfPiece(part.Piece)) : SegmentPart.OfText(part.Text))]
        : Segment.SourceParts;

    internal SegmentResult Result { get; }
}

/// <summary>A document with its translations merged in: its segments, the inline-code problems found, and the document itself.</summary>
public sealed class MergedDocument
{
    private readonly Func<string> _render;
    private string? _rendered;

    internal MergedDocument(IReadOnlyList<MergedSegment> segments, IReadOnlyList<InlineCodeIssue> issues, Func<string> render) =>
        (Segments, Issues, _render) = (segments, issues, render);

    public IReadOnlyList<MergedSegment> Segments { get; }

    public IReadOnlyList<InlineCodeIssue> Issues { get; }

    /// <summary>The translated document, in the source's format and shape.</summary>
    public string Render() => _rendered ??= _render();
}
