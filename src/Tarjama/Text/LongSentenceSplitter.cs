namespace Tarjama.Text;

/// <summary>Cuts a sentence that is over the length limit in two at its best point, again and again until every piece fits:
/// after clause punctuation near the middle, else at the space nearest the middle, else in the middle.</summary>
internal static class LongSentenceSplitter
{
    public static IEnumerable<TextRange> Split(string text, TextRange sentence, SegmentLengthLimit limit)
    {
        if (sentence.Length < 2 || limit.Fits(text, sentence))
        {
            return [sentence];
        }
        int cut = BestCut(text, sentence);
        var halves = new List<TextRange>(2);
        SentenceSegmenter.AddTrimmed(halves, text, sentence.Start, cut);
        SentenceSegmenter.AddTrimmed(halves, text, cut, sentence.End);
        return halves.SelectMany(half => Split(text, half, limit));
    }

    private static int BestCut(string text, TextRange sentence)
    {
        int middle = sentence.Start + (sentence.Length / 2);
        int quarter = sentence.Length / 4;
        int? clause = Nearest(sentence.Start + Math.Max(1, quarter), sentence.End - quarter, middle,
            p => IsClausePunctuation(text[p - 1]) && char.IsWhiteSpace(text[p]));
        if ((clause ?? Nearest(sentence.Start + 1, sentence.End, middle, p => char.IsWhiteSpace(text[p]))) is { } cut)
        {
            return cut;
        }
        return char.IsLowSurrogate(text[middle]) ? middle + 1 : middle;
    }

    private static bool IsClausePunctuation(char c) => c is '،' or '؛' or ',' or ';' or ':';

    /// <summary>The position in [from, to) nearest to <paramref name="middle"/> that <paramref name="fits"/>.</summary>
    private static int? Nearest(int from, int to, int middle, Func<int, bool> fits)
    {
        for (int distance = 0; middle - distance >= from || middle + distance < to; distance++)
        {
            if (middle - distance >= from && middle - distance < to && fits(middle - distance))
            {
                return middle - distance;
            }
            if (middle + distance < to && middle + distance >= from && fits(middle + distance))
            {
                return middle + distance;
            }
        }
        return null;
    }
}
