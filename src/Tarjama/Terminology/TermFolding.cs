using System.Globalization;
using System.Text;

namespace Tarjama.Terminology;

/// <summary>The form a word is compared in when terms are matched, as a reader would compare them: Arabic alef and
/// hamza forms as bare alef (and hamza on waw/ya as waw/ya), ta marbuta as ha, alef maqsura and Persian yeh as ya, Persian kaf as kaf, no diacritics or
/// tatweel, Arabic-Indic digits as ASCII, presentation forms as base letters, Latin lower-cased.</summary>
/// <remarks>Stronger than <see cref="Text.ArabicNormalizer"/> (which keeps what can change a model's reading): this
/// form is only for finding terms, never shown to the model.</remarks>
internal static class TermFolding
{
    public static string Fold(ReadOnlySpan<char> word)
    {
        var folded = new StringBuilder(word.Length);
        foreach (char c in word)
        {
            if (Text.ArabicCompatibilityForms.Decompose(c) is { } decomposed)
            {
                foreach (char d in decomposed)
                {
                    AppendFolded(folded, d);
                }
            }
            else
            {
                AppendFolded(folded, c);
            }
        }
        return folded.ToString();
    }

    /// <summary>True for characters that belong to a word without being letters or digits: marks and tatweel.</summary>
    public static bool IsWordMark(char c) => c == '\u0640' || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    private static void AppendFolded(StringBuilder folded, char c)
    {
        if (IsWordMark(c) || c is '\u200C' or '\u200D')
        {
            return;
        }
        folded.Append(c switch
        {
            'أ' or 'إ' or 'آ' or 'ٱ' => 'ا',
            'ؤ' => 'و',
            'ئ' => 'ي',
            'ة' => 'ه',
            'ى' => 'ي',
            'ی' => 'ي', // Persian yeh and kaf: Arabic typed on a Persian keyboard reads the same
            'ک' => 'ك',
            >= '\u0660' and <= '\u0669' => (char)('0' + (c - '\u0660')),
            >= '\u06F0' and <= '\u06F9' => (char)('0' + (c - '\u06F0')),
            _ => char.ToLowerInvariant(c),
        });
    }
}
