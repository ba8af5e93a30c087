using Tarjama.Text;

namespace Tarjama.Quality;

/// <summary>Which letters belong to a language's script, for the checks that look for text left in the source's.</summary>
internal static class ScriptLetters
{
    public static bool IsArabicLetter(char c) => char.IsLetter(c) && c is (>= '\u0600' and <= '\u06FF') or (>= '\u0750' and <= '\u077F') or (>= '\uFB50' and <= '\uFEFF');

    public static bool IsLatinLetter(char c) => char.IsLetter(c) && c < '\u0250';

    /// <summary>The letter test for <paramref name="language"/>'s script; null for a script not told apart.</summary>
    public static Func<char, bool>? Of(string language) =>
        LanguageCodes.IsArabic(language) ? IsArabicLetter : LanguageCodes.IsEnglish(language) ? IsLatinLetter : null;
}
