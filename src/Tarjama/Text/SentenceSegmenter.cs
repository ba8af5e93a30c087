using System.Buffers;
using System.Collections.Frozen;

namespace Tarjama.Text;

/// <summary>Splits a paragraph into sentences, for Arabic and English news: at . ! ? ؟ … and line ends, but not inside
/// quotes or brackets, not in decimals, abbreviations or initials; sentences over a length limit are cut further.</summary>
/// <remarks>Characters of the private use area are treated like closing quotes, so callers can stand markup in for them.</remarks>
public static class SentenceSegmenter
{
    // Titles and the like that end in a period but never end a sentence.
    private static readonly FrozenSet<string> Abbreviations = FrozenSet.ToFrozenSet(
    [
        "Mr", "Mrs", "Ms", "Dr", "Prof", "Sr", "Jr", "St", "Gen", "Col", "Lt", "Capt", "Sgt", "Maj", "Adm", "Gov", "Sen",
        "Rep", "Rev", "Hon", "Pres", "Mt", "Ft", "Inc", "Ltd", "Co", "Corp", "vs", "approx", "Dept", "Univ", "Ave", "Blvd",
    ]);

    // Abbreviations that are only abbreviations before a number ("No. 5", "Jan. 20").
    private static readonly FrozenSet<string> BeforeNumber = FrozenSet.ToFrozenSet(
    [
        "No", "Nos", "Art", "Vol", "pp", "Fig", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    ]);

    private static readonly SearchValues<char> Enclosers = SearchValues.Create("«»“”()[]{}\"");

    /// <summary>The sentences of <paramref name="text"/>, trimmed of surrounding whitespace, in order; with a
    /// <paramref name="limit"/>, sentences longer than it are cut at the best points.</summary>
    public static IReadOnlyList<TextRange> Split(string text, SegmentLengthLimit? limit = null)
    {
        var depth = EnclosureDepth(text);
        var sentences = new List<TextRange>();
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                AddTrimmed(sentences, text, start, i);
                start = i + 1;
                continue;
            }
            if (!IsTerminator(text[i]))
            {
                continue;
            }
            int end = i + 1;
            while (end < text.Length && (IsTerminator(text[end]) || IsCloser(text[end])))
            {
                end++;
            }
            bool endsSentence = (end == text.Length || char.IsWhiteSpace(text[end])) && (depth is null || depth[end - 1] == 0)
                && !IsAbbreviation(text, i) && !NextWordIsLowercase(text, i, end);
            if (endsSentence)
            {
                AddTrimmed(sentences, text, start, end);
                start = end;
            }
            i = end - 1;
        }
        AddTrimmed(sentences, text, start, text.Length);
        return limit is null || sentences.All(sentence => limit.Fits(text, sentence))
            ? sentences
            : [.. sentences.SelectMany(sentence => LongSentenceSplitter.Split(text, sentence, limit))];
    }

    private static bool IsTerminator(char c) => c is '.' or '!' or '?' or '؟' or '…';

    private static bool IsCloser(char c) => c is ')' or ']' or '}' or '»' or '”' or '’' or '"' or '\'' or '›' or (>= '\uE000' and <= '\uF8FF');

    /// <summary>How many matched quotes and brackets are open after each character; unmatched ones do not count,
    /// so a stray « cannot swallow the rest of the paragraph; null when there are none.</summary>
    private static int[]? EnclosureDepth(string text)
    {
        if (!text.AsSpan().ContainsAny(Enclosers))
        {
            return null;
        }
        var change = new int[text.Length];
        var open = new Stack<int>();
        var openCount = new Dictionary<char, int>();
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            char? opener = c switch { '»' => '«', '”' => '“', ')' => '(', ']' => '[', '}' => '{', '"' => '"', _ => null };
            if (opener is { } wanted && openCount.GetValueOrDefault(wanted) > 0)
            {
                int start;
                do
                {
                    start = open.Pop();
                    openCount[text[start]]--;
                }
                while (text[start] != wanted);
                change[start] = 1;
                change[i] = -1;
            }
            else if (c is '«' or '“' or '(' or '[' or '{' or '"')
            {
                open.Push(i);
                openCount[c] = openCount.GetValueOrDefault(c) + 1;
            }
        }
        var depth = new int[text.Length];
        for (int i = 0, level = 0; i < text.Length; i++)
        {
            level += change[i];
            depth[i] = level;
        }
        return depth;
    }

    private static bool IsAbbreviation(string text, int period)
    {
        if (text[period] != '.')
        {
            return false;
        }
        int start = period;
        while (start > 0 && (char.IsLetter(text[start - 1]) || text[start - 1] == '.'))
        {
            start--;
        }
        var word = text[start..period].TrimStart('.');
        if (word.Length == 0)
        {
            return false;
        }
        var letters = word.Split('.');
        if (letters.All(part => part.Length == 1))
        {
            return true; // an initial ("د.", "J.") or initials ("U.S.", "e.g.")
        }
        return Abbreviations.Contains(word) || (BeforeNumber.Contains(word) && NextNonSpace(text, period + 1) is { } next && char.IsDigit(next));
    }

    private static bool NextWordIsLowercase(string text, int terminator, int end) =>
        text[terminator] is '.' or '…' && NextNonSpace(text, end) is { } next && char.IsLower(next);

    private static char? NextNonSpace(string text, int from)
    {
        while (from < text.Length && char.IsWhiteSpace(text[from]))
        {
            from++;
        }
        return from < text.Length ? text[from] : null;
    }

    internal static void AddTrimmed(List<TextRange> ranges, string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }
        if (end > start)
        {
            ranges.Add(new TextRange(start, end - start));
        }
    }
}
