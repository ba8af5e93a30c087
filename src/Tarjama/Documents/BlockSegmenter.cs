using System.Text;
using Tarjama.Text;

namespace Tarjama.Documents;

/// <summary>Cuts a block into segments (sentences) and the gaps between them, reading markup as a closing quote
/// and line breaks as line ends, so sentences are found in the block's text whatever markup is inside it.</summary>
internal static class BlockSegmenter
{
    private const char MarkupStandIn = '\uE000';

    public static SegmentedBlock Split(IReadOnlyList<InlinePiece> pieces, SegmentLengthLimit limit)
    {
        var flat = new StringBuilder();
        var pieceOf = new List<int>();
        var offsetOf = new List<int>();
        for (int p = 0; p < pieces.Count; p++)
        {
            var piece = pieces[p];
            if (piece.Kind == PieceKind.Text)
            {
                for (int i = 0; i < piece.Text.Length; i++)
                {
                    flat.Append(piece.Text[i] is '\n' or '\r' ? ' ' : piece.Text[i]);
                    pieceOf.Add(p);
                    offsetOf.Add(i);
                }
            }
            else
            {
                flat.Append(piece.Kind == PieceKind.Break ? '\n' : MarkupStandIn);
                pieceOf.Add(p);
                offsetOf.Add(0);
            }
        }
        var spans = new List<BlockSpan>();
        int position = 0;
        foreach (var sentence in SentenceSegmenter.Split(flat.ToString(), limit))
        {
            if (sentence.Start > position)
            {
                spans.Add(new BlockSpan(false, Parts(pieces, pieceOf, offsetOf, position, sentence.Start)));
            }
            spans.Add(new BlockSpan(true, Parts(pieces, pieceOf, offsetOf, sentence.Start, sentence.End)));
            position = sentence.End;
        }
        if (position < flat.Length)
        {
            spans.Add(new BlockSpan(false, Parts(pieces, pieceOf, offsetOf, position, flat.Length)));
        }
        return new SegmentedBlock(pieces, spans);
    }

    private static List<PiecePart> Parts(IReadOnlyList<InlinePiece> pieces, List<int> pieceOf, List<int> offsetOf, int from, int to)
    {
        var parts = new List<PiecePart>();
        for (int i = from; i < to;)
        {
            int piece = pieceOf[i];
            int end = i + 1;
            while (end < to && pieceOf[end] == piece)
            {
                end++;
            }
            parts.Add(pieces[piece].Kind == PieceKind.Text ? new PiecePart(piece, offsetOf[i], end - i) : new PiecePart(piece, 0, 0));
            i = end;
        }
        return parts;
    }
}
