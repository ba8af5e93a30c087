using System.Text;

namespace Tarjama.Documents;

/// <summary>A translated block as plain text: translated segments, and the source where nothing was translated.</summary>
internal static class BlockText
{
    public static string Render(SegmentedBlock block)
    {
        var text = new StringBuilder();
        foreach (var span in block.Spans)
        {
            if (span.Result?.Parts is { } parts)
            {
                text.AppendJoin("", parts.Select(part => part.Text));
            }
            else
            {
                text.AppendJoin("", span.Parts.Select(part => Original(block.Pieces, part)));
            }
        }
        return text.ToString();
    }

    /// <summary>The source text of a part.</summary>
    public static string Original(IReadOnlyList<InlinePiece> pieces, PiecePart part) =>
        pieces[part.Piece].Kind == PieceKind.Text ? pieces[part.Piece].Text.Substring(part.Start, part.Length) : pieces[part.Piece].Text;
}
