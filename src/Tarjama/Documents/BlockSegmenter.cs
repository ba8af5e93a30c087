using System.Text;
using Tarjama.Text;

namespace Tarjama.Documents;

/// <summary>Cuts a block into segments (sentences) and the gaps between them, reading markup as a closing quote
/// and line breaks as line ends, so sentences are found in the block's text whatever markup is inside it.</summary>
internal static class BlockSegmenter
{
    private const string MarkupStandIn = "\uE000";

    public static SegmentedBlock Split(IReadOnlyList<InlinePiece> pieces, SegmentLengthLimit limit)
    {
        var flat = new StringBuilder();
        var starts = new int[pieces.Count + 1]; // where each piece starts in the flat text
        for (int p = 0; p < pieces.Count; p++)
        {
            starts[p] = flat.Length;
            flat.Append(pieces[p].Kind switch
            {
                PieceKind.Text => pieces[p].Text.Replace('\r', ' ').Replace('\n', ' '), // only breaks end lines
                PieceKind.Break => "\n",
                _ => MarkupStandIn,
            });
        }
        starts[pieces.Count] = flat.Length;
        var text = flat.ToString();
        var spans = new List<BlockSpan>();
        int position = 0;
        foreach (var sentence in SentenceSegmenter.Split(text, limit))
        {
            if (sentence.Start > position)
            {
                spans.Add(new BlockSpan(false, Parts(pieces, starts, position, sentence.Start)));
            }
            spans.Add(new BlockSpan(true, Parts(pieces, starts, sentence.Start, sentence.End)));
            position = sentence.End;
        }
        if (position < text.Length)
        {
            spans.Add(new BlockSpan(false, Parts(pieces, starts, position, text.Length)));
        }
        return new SegmentedBlock(pieces, spans);
    }

    private static List<PiecePart> Parts(IReadOnlyList<InlinePiece> pieces, int[] starts, int from, int to)
    {
        var parts = new List<PiecePart>();
        int piece = Array.BinarySearch(starts, from);
        piece = piece >= 0 ? piece : ~piece - 1;
        for (int position = from; position < to; piece++)
        {
            while (starts[piece + 1] == starts[piece] && pieces[piece].Kind == PieceKind.Text)
            {
                piece++; // an empty text piece holds no characters
            }
            int end = Math.Min(to, starts[piece + 1]);
            parts.Add(pieces[piece].Kind == PieceKind.Text ? new PiecePart(piece, position - starts[piece], end - position) : new PiecePart(piece, 0, 0));
            position = end;
        }
        return parts;
    }
}
