namespace Tarjama.Documents;

/// <summary>Part of a piece: characters [Start, Start + Length) of a text piece's text; a whole piece otherwise.</summary>
internal readonly record struct PiecePart(int Piece, int Start, int Length);

/// <summary>What kind of output a translated segment is made of.</summary>
internal enum OutputKind
{
    /// <summary>Text the model wrote.</summary>
    Translated,

    /// <summary>Source text kept exactly (a URL, a number, a verbatim string).</summary>
    Verbatim,

    /// <summary>A piece of the source block, kept (markup, code...).</summary>
    Piece,
}

/// <summary>One part of a translated segment: text, or for <see cref="OutputKind.Piece"/> the index of the kept piece.</summary>
internal readonly record struct OutputPart(OutputKind Kind, string Text, int Piece = -1);

/// <summary>The translation of a segment. <paramref name="Parts"/> is null when the source is kept as it is (nothing to
/// translate in it, or the model gave nothing back); <paramref name="Source"/> and <paramref name="Target"/> are plain text.</summary>
internal sealed record SegmentResult(IReadOnlyList<OutputPart>? Parts, string Source, string Target)
{
    /// <summary>What the quality checks found; null when they did not run.</summary>
    public IReadOnlyList<Quality.QualityIssue>? Qa { get; init; }
}

/// <summary>A stretch of a block: a segment (a sentence, sent to the model) or the gap between segments (kept as is).</summary>
internal sealed class BlockSpan(bool isSegment, IReadOnlyList<PiecePart> parts)
{
    public bool IsSegment { get; } = isSegment;

    public IReadOnlyList<PiecePart> Parts { get; } = parts;

    /// <summary>Set by translation, for segments.</summary>
    public SegmentResult? Result { get; set; }
}

/// <summary>A block cut into segments and gaps that, in order, cover all its pieces.</summary>
internal sealed record SegmentedBlock(IReadOnlyList<InlinePiece> Pieces, IReadOnlyList<BlockSpan> Spans);
