namespace Tarjama.Documents;

/// <summary>A whole document read into blocks, and how its markup reads for an editor: what every format's reader
/// gives extraction, whether it writes the document back as text (<see cref="IDocumentRewriter"/>) or as a package.</summary>
internal interface IDocumentBlocks
{
    IReadOnlyList<IReadOnlyList<InlinePiece>> Blocks { get; }

    /// <summary>How a markup piece is written in the source, for an editor to see it as an inline code.</summary>
    string CodeText(InlinePiece piece);
}
