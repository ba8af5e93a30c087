namespace Tarjama.Evaluation;

/// <summary>Counts of the word or character n-grams of one order in one segment.</summary>
internal static class NGramCounts
{
    /// <summary>Word n-grams of order <paramref name="n"/>, keyed by their words joined with a space.</summary>
    public static Dictionary<string, int> OfWords(IReadOnlyList<string> words, int n)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i + n <= words.Count; i++)
        {
            string key = n == 1 ? words[i] : string.Join(' ', words.Skip(i).Take(n));
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
        return counts;
    }

    /// <summary>Character n-grams of order <paramref name="n"/>; a character is a Unicode code point, as in Python.</summary>
    public static Dictionary<string, int> OfCharacters(string text, int n)
    {
        var starts = CodePointStarts(text);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i + n < starts.Count; i++)
        {
            string key = text[starts[i]..starts[i + n]];
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
        return counts;
    }

    /// <summary>Sum of the counts of the n-grams the two sides share, each taken at most as often as the reference has it.</summary>
    public static int Matches(Dictionary<string, int> hypothesis, Dictionary<string, int> reference)
    {
        int matches = 0;
        foreach (var (ngram, count) in hypothesis)
        {
            if (reference.TryGetValue(ngram, out int referenceCount))
            {
                matches += Math.Min(count, referenceCount);
            }
        }
        return matches;
    }

    public static int Total(Dictionary<string, int> counts) => counts.Values.Sum();

    // Index of each code point's first UTF-16 unit, then the text's length.
    private static List<int> CodePointStarts(string text)
    {
        var starts = new List<int>(text.Length + 1);
        for (int i = 0; i < text.Length; i++)
        {
            if (!(char.IsLowSurrogate(text[i]) && i > 0 && char.IsHighSurrogate(text[i - 1])))
            {
                starts.Add(i);
            }
        }
        starts.Add(text.Length);
        return starts;
    }
}
