namespace Tarjama.Documents;

/// <summary>A whole text document read into blocks, written back with the blocks' translations in place of their text.</summary>
internal interface IDocumentRewriter : IDocumentBlocks
{
    /// <summary>The document with <paramref name="translated"/> (the blocks, in order, after translation) in it.</summary>
    string Render(IReadOnlyList<SegmentedBlock> translated);
}
