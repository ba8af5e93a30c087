using Tarjama.Text;

namespace Tarjama.Terminology;

/// <summary>A word (a run of letters, digits and marks) or a single punctuation character, where it stands in its text,
/// with its <see cref="TermFolding"/> form.</summary>
internal readonly record struct TermWord(TextRange Range, string Folded, bool IsWord);

/// <summary>Cuts text into the words terms are matched on; whitespace separates, punctuation stands alone.</summary>
internal static class TermWords
{
    public static List<TermWord> Split(string text)
    {
        var words = new List<TermWord>();
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }
            int start = i;
            if (IsWordCharacter(c))
            {
                while (i < text.Length && IsWordCharacter(text[i]))
                {
                    i++;
                }
                words.Add(new TermWord(new TextRange(start, i - start), TermFolding.Fold(text.AsSpan(start, i - start)), true));
                continue;
            }
            i += char.IsSurrogatePair(text, i) ? 2 : 1;
            words.Add(new TermWord(new TextRange(start, i - start), text.Substring(start, i - start), false));
        }
        return words;
    }

    public static bool IsWordCharacter(char c) => char.IsLetterOrDigit(c) || TermFolding.IsWordMark(c) || c is '\u200C' or '\u200D';
}
