using Tarjama.Text;

namespace Tarjama.Documents;

/// <summary>Plain text read whole: every line a block, written back with its own line ending, as streaming writes it
/// (this is for extraction; translation streams plain text instead, see <see cref="PlainTextStreamer"/>).</summary>
internal sealed class PlainTextRewriter : IDocumentRewriter
{
    private readonly string[] _lineEnds;

    public PlainTextRewriter(string text)
    {
        var lines = TextLines.Split(text).ToList();
        _lineEnds = [.. lines.Select(line => line.End)];
        Blocks = [.. lines.Select(line => (IReadOnlyList<InlinePiece>)[new InlinePiece(PieceKind.Text, line.Line)])];
    }

    public IReadOnlyList<IReadOnlyList<InlinePiece>> Blocks { get; }

    public string Render(IReadOnlyList<SegmentedBlock> translated) =>
        string.Concat(translated.Select((block, index) => BlockText.Render(block) + _lineEnds[index]));

    public string CodeText(InlinePiece piece) => piece.Text;
}
