namespace Tarjama.Documents;

/// <summary>Plain text read whole: every line a block, written back with the first line's line end, as streaming writes
/// it (this is for extraction; translation streams plain text instead, see <see cref="PlainTextStreamer"/>).</summary>
internal sealed class PlainTextRewriter : IDocumentRewriter
{
    private readonly string _newLine;
    private readonly bool _endsWithNewLine;

    public PlainTextRewriter(string text)
    {
        int firstEnd = text.IndexOf('\n');
        _newLine = firstEnd > 0 && text[firstEnd - 1] == '\r' ? "\r\n" : "\n";
        _endsWithNewLine = text.EndsWith('\n');
        var lines = text.Split('\n');
        Blocks = [.. lines.Take(_endsWithNewLine ? lines.Length - 1 : lines.Length)
            .Select(line => (IReadOnlyList<InlinePiece>)[new InlinePiece(PieceKind.Text, line.EndsWith('\r') ? line[..^1] : line)])];
    }

    public IReadOnlyList<IReadOnlyList<InlinePiece>> Blocks { get; }

    public string Render(IReadOnlyList<SegmentedBlock> translated) =>
        string.Join(_newLine, translated.Select(BlockText.Render)) + (_endsWithNewLine ? _newLine : "");

    public string CodeText(InlinePiece piece) => piece.Text;
}
