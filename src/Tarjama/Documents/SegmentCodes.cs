using System.Text;

namespace Tarjama.Documents;

/// <summary>A segment's source as an editor sees it: its text, whitespace runs as one space, and its markup as inline codes
/// numbered from 1 (numbers and verbatim text stay text: they are the editor's to check, not markup).</summary>
internal static class SegmentCodes
{
    public static ExtractedSegment Extract(int paragraph, int index, IReadOnlyList<InlinePiece> pieces, BlockSpan span, MaskedSegment masked, IDocumentBlocks? source)
    {
        var parts = new List<SegmentPart>();
        var codes = new List<InlineCode>();
        var codePieces = new List<int>();
        var text = new StringBuilder();
        foreach (var part in span.Parts)
        {
            var piece = pieces[part.Piece];
            if (piece.Kind == PieceKind.Text)
            {
                AppendCollapsed(text, piece.Text.AsSpan(part.Start, part.Length), parts.Count == 0);
                continue;
            }
            AddText(parts, text);
            var kind = piece.Kind switch { PieceKind.Open => InlineCodeKind.Open, PieceKind.Close => InlineCodeKind.Close, _ => InlineCodeKind.Standalone };
            codes.Add(new InlineCode(codes.Count + 1, kind, source?.CodeText(piece) ?? piece.Text));
            codePieces.Add(part.Piece);
            parts.Add(SegmentPart.OfCode(codes.Count));
        }
        AddText(parts, text);
        if (parts is [.., { Text: { } last }])
        {
            parts[^1] = SegmentPart.OfText(last.TrimEnd());
        }
        parts.RemoveAll(part => part.Text is "");
        return new ExtractedSegment(paragraph, index, span, masked, parts, codes, codePieces);
    }

    private static void AppendCollapsed(StringBuilder text, ReadOnlySpan<char> run, bool atStart)
    {
        foreach (char c in run)
        {
            if (!char.IsWhiteSpace(c))
            {
                text.Append(c);
            }
            else if (text.Length > 0 ? text[^1] != ' ' : !atStart)
            {
                text.Append(' ');
            }
        }
    }

    private static void AddText(List<SegmentPart> parts, StringBuilder text)
    {
        if (text.Length > 0)
        {
            parts.Add(SegmentPart.OfText(text.ToString()));
            text.Clear();
        }
    }
}
