using System.Text;

namespace Tarjama.Text;

/// <summary>Numbers as English (and the models) write them: Arabic-Indic (٠–٩) and Persian (۰–۹) digits become 0–9, and
/// the Arabic decimal and thousands separators (٫ ٬) between digits become "." and ",".</summary>
public static class WesternDigits
{
    private const char DecimalSeparator = '\u066B';
    private const char ThousandsSeparator = '\u066C';

    public static string Apply(string text)
    {
        if (!NeedsWork(text))
        {
            return text;
        }
        var result = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            result.Append(At(text, i) ?? text[i]);
        }
        return result.ToString();
    }

    /// <summary>What the character at <paramref name="i"/> becomes, or null when it stays.</summary>
    internal static char? At(string text, int i) => text[i] switch
    {
        >= '\u0660' and <= '\u0669' and var c => (char)('0' + (c - '\u0660')),
        >= '\u06F0' and <= '\u06F9' and var c => (char)('0' + (c - '\u06F0')),
        DecimalSeparator when BetweenDigits(text, i) => '.',
        ThousandsSeparator when BetweenDigits(text, i) => ',',
        _ => null,
    };

    /// <summary>True when <paramref name="c"/> may change: an eastern digit or separator.</summary>
    internal static bool MayChange(char c) => c is (>= '\u0660' and <= '\u0669') or DecimalSeparator or ThousandsSeparator or (>= '\u06F0' and <= '\u06F9');

    private static bool NeedsWork(string text)
    {
        foreach (char c in text)
        {
            if (MayChange(c))
            {
                return true;
            }
        }
        return false;
    }

    private static bool BetweenDigits(string text, int i) =>
        i > 0 && i + 1 < text.Length && char.IsDigit(text[i - 1]) && char.IsDigit(text[i + 1]);
}
