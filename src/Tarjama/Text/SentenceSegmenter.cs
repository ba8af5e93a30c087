using System.Collections.Frozen;
using System.Globalization;

namespace Tarjama.Text;

/// <summary>Splits a paragraph into sentences, for Arabic and English news: at . ! ? ؟ … and line ends, but not inside
/// brackets or short quotations (see <see cref="Enclosures"/>), not in decimals, abbreviations or initials, nor before a
/// lowercase word; sentences over a length limit are cut further.</summary>
/// <remarks>Characters of the private use area are treated like closing quotes, so callers can stand markup in for them.</remarks>
public static class SentenceSegmenter
{
    // Titles and the like that end in a period but never end a sentence.
    private static readonly FrozenSet<string> Abbreviations = FrozenSet.ToFrozenSet(
    [
        "Mr", "Mrs", "Ms", "Dr", "Prof", "Sr", "Jr", "St", "Gen", "Col", "Lt", "Capt", "Sgt", "Maj", "Adm", "Gov", "Sen",
        "Rep", "Reps", "Sens", "Rev", "Hon", "Pres", "Mt", "Ft", "Inc", "Ltd", "Co", "Corp", "vs", "approx", "Dept", "Univ", "Ave", "Blvd",
    ]);

    // Abbreviations that are only abbreviations before a number ("No. 5", "Jan. 20").
    private static readonly FrozenSet<string> BeforeNumber = FrozenSet.ToFrozenSet(
    [
        "No", "Nos", "Art", "Vol", "pp", "Fig", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    ]);

    /// <summary>The sentences of <paramref name="text"/>, trimmed of surrounding whitespace, in order; with a
    /// <paramref name="limit"/>, sentences longer than it are cut at the best points.</summary>
    public static IReadOnlyList<TextRange> Split(string text, SegmentLengthLimit? limit = null)
    {
        var depth = Enclosures.Depth(text);
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
                && !IsAbbreviation(text, i) && !NextWordIsLowercase(text, end);
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

    private static bool IsAbbreviation(string text, int period)
    {
        if (text[period] != '.')
        {
            return false;
        }
        int start = period;
        while (start > 0 && (IsWordCharacter(text[start - 1]) || text[start - 1] == '.'))
        {
            start--;
        }
        var word = text[start..period].TrimStart('.');
        if (word.Length == 0)
        {
            return false;
        }
        var letters = word.Split('.').Select(part => part.Count(char.IsLetter));
        if (letters.All(count => count == 1))
        {
            return true; // an initial ("د.", "J.") or initials ("U.S.", "e.g.")
        }
        return Abbreviations.Contains(word) || (BeforeNumber.Contains(word) && NextNonSpace(text, period + 1) is { } next && char.IsDigit(next));
    }

    /// <summary>Letters and the marks on them: "أبدًا" ends in a tanween, and is a word, not the initial "ا".</summary>
    private static bool IsWordCharacter(char c) => char.IsLetter(c) || char.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark;

    /// <summary>A sentence never starts in lower case: "“Why?” she asked" and "chanted “No!” as they marched" go on.</summary>
    private static bool NextWordIsLowercase(string text, int end) => NextNonSpace(text, end) is { } next && char.IsLower(next);

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
