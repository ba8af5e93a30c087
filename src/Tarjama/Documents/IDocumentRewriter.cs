namespace Tarjama.Documents;

/// <summary>A whole document read into blocks, written back with the blocks' translations in place of their text.</summary>
internal interface IDocumentRewriter
{
    IReadOnlyList<IReadOnlyList<InlinePiece>> Blocks { get; }

    /// <summary>The document with <paramref name="translated"/> (the blocks, in order, after translation) in it.</summary>
    string Render(IReadOnlyList<SegmentedBlock> translated);

    /// <summary>How a markup piece is written in the source, for an editor to see it as an inline code.</summary>
    string CodeText(InlinePiece piece);
}
