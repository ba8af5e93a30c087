namespace Tarjama.Translation;

/// <summary>Cuts a token sequence longer than the model accepts into pieces that fit, at the best places: after
/// sentence-ending punctuation if one is in the later half of the window, else at a word start. Never drops tokens.</summary>
internal static class InputChunker
{
    private static readonly string SentenceEnds = ".!?؟…";

    public static List<List<int>> Split(List<int> pieces, int limit, Func<int, string?> pieceText)
    {
        var chunks = new List<List<int>>();
        int start = 0;
        while (pieces.Count - start > limit)
        {
            int cut = BestCut(pieces, start, limit, pieceText);
            chunks.Add(pieces.GetRange(start, cut - start));
            start = cut;
        }
        chunks.Add(pieces.GetRange(start, pieces.Count - start));
        return chunks;
    }

    private static int BestCut(List<int> pieces, int start, int limit, Func<int, string?> pieceText)
    {
        int end = start + limit;
        int half = start + limit / 2;
        for (int i = end; i > half; i--)
        {
            if (pieceText(pieces[i - 1]) is { Length: > 0 } text && SentenceEnds.Contains(text[^1]))
            {
                return i;
            }
        }
        for (int i = end; i > start + 1; i--)
        {
            if (pieceText(pieces[i]) is { Length: > 0 } text && text[0] == '\u2581')
            {
                return i;
            }
        }
        return end;
    }
}
