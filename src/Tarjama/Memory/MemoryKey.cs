using System.Text;
using System.Text.RegularExpressions;
using Tarjama.Documents;
using Tarjama.Text;

namespace Tarjama.Memory;

/// <summary>What a memory is looked up by: a segment's text folded (diacritics, hamza forms of alef, alef maqsura,
/// case and spacing do not count; punctuation marks are words of their own), markup left out, and numbers, URLs and verbatim strings as {1}, {2}... in order, so
/// "٣ قتلى" and "٥ قتلى" share one entry.</summary>
internal static partial class MemoryKey
{
    private static readonly TextNormalizationOptions Folding = new(Enabled: true, StripDiacritics: true);

    /// <summary>The key of a masked segment, and the segment's placeholder index for each {k}, by k - 1.</summary>
    public static (string Key, IReadOnlyList<int> Verbatim) Of(MaskedSegment masked)
    {
        var verbatim = new List<int>();
        var text = Token().Replace(masked.Input, match =>
        {
            int index = int.Parse(match.Groups[1].ValueSpan) - 1;
            if (index < 0 || index >= masked.Kinds.Count || masked.Kinds[index] != PlaceholderKind.Verbatim)
            {
                return index >= 0 && index < masked.Kinds.Count ? " " : match.Value; // markup does not count
            }
            verbatim.Add(index);
            return $"{{{verbatim.Count}}}";
        });
        return (Fold(text), verbatim);
    }

    /// <summary>The key of text whose numbers are part of it (an entry whose numbers differ between source and target).</summary>
    public static string Literal(string text) => Fold(text);

    /// <summary>The words of a key, for edit distance and the full-text index.</summary>
    public static string[] Words(string key) => key.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The distinct words of a key that fuzzy candidates are found by: those with a letter (not punctuation, not {1}).</summary>
    public static IEnumerable<string> IndexedWords(string key) => Words(key).Where(word => word.Any(char.IsLetter)).Distinct();

    private static string Fold(string text)
    {
        var folded = new StringBuilder(text.Length);
        foreach (char c in ArabicNormalizer.Normalize(text, Folding))
        {
            char f = c switch
            {
                'أ' or 'إ' or 'آ' or 'ٱ' => 'ا',
                'ى' => 'ي',
                _ => char.ToLowerInvariant(c),
            };
            bool mark = char.IsPunctuation(f) && f is not ('{' or '}');
            if (char.IsWhiteSpace(f) || mark)
            {
                Space(folded);
            }
            if (!char.IsWhiteSpace(f))
            {
                folded.Append(f);
            }
            if (mark)
            {
                Space(folded);
            }
        }
        return folded.ToString().TrimEnd();
    }

    private static void Space(StringBuilder text)
    {
        if (text.Length > 0 && text[^1] != ' ')
        {
            text.Append(' ');
        }
    }

    [GeneratedRegex(@"\[(\d{1,6})\]")]
    private static partial Regex Token();
}
