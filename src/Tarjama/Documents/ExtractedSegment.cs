namespace Tarjama.Documents;

/// <summary>A segment (sentence) of an extracted document: where it stands, its text, and what the model reads.</summary>
public sealed class ExtractedSegment
{
    internal ExtractedSegment(int paragraph, int index, BlockSpan span, MaskedSegment masked, IReadOnlyList<SegmentPart> sourceParts,
        IReadOnlyList<InlineCode> codes, IReadOnlyList<int> codePieces)
    {
        (Paragraph, Index, Span, Masked, SourceParts, Codes, CodePieces) = (paragraph, index, span, masked, sourceParts, codes, codePieces);
    }

    /// <summary>Stable for the same document read with the same options: "p{paragraph}s{segment}".</summary>
    public string Id => $"p{Paragraph}s{Index}";

    /// <summary>The block (paragraph, heading, cell, attribute, line) the segment is in, from 0.</summary>
    public int Paragraph { get; }

    /// <summary>The segment's place in its block, from 0.</summary>
    public int Index { get; }

    /// <summary>The segment's plain source text, runs of whitespace as one space.</summary>
    public string Source => Masked.Source;

    /// <summary>The source as text and inline codes.</summary>
    public IReadOnlyList<SegmentPart> SourceParts { get; }

    /// <summary>The segment's inline codes, by id.</summary>
    public IReadOnlyList<InlineCode> Codes { get; }

    /// <summary>What the model is given: normalised text, with placeholders ([1], [2]...) for markup, numbers and verbatim text.</summary>
    public string ModelInput => Masked.Input;

    /// <summary>False when there is nothing in it to translate (no letters outside placeholders): it is kept as it is.</summary>
    public bool Translatable => Masked.HasText;

    internal BlockSpan Span { get; }

    internal MaskedSegment Masked { get; }

    /// <summary>The block piece each code stands for, by code id - 1.</summary>
    internal IReadOnlyList<int> CodePieces { get; }

    internal int CodeOfPiece(int piece)
    {
        for (int i = 0; i < CodePieces.Count; i++)
        {
            if (CodePieces[i] == piece)
            {
                return i + 1;
            }
        }
        throw new ArgumentOutOfRangeException(nameof(piece), piece, "not a piece of this segment");
    }
}
