using System.Text;

namespace Tarjama.Text;

/// <summary>Cleans Arabic source text the way the models were trained to read it: ASCII digits, no tatweel,
/// base letters instead of presentation forms, no zero-width or bidi controls, optionally no diacritics.</summary>
public static class ArabicNormalizer
{
    private const char Tatweel = '\u0640';

    public static string Normalize(string text, TextNormalizationOptions options)
    {
        if (!options.Enabled || !NeedsWork(text, options))
        {
            return text;
        }
        var result = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (ArabicCompatibilityForms.Decompose(c) is { } decomposed)
            {
                foreach (char d in decomposed)
                {
                    Append(result, d, options);
                }
            }
            else if (WesternDigits.At(text, i) is { } western)
            {
                result.Append(western);
            }
            else
            {
                Append(result, c, options);
            }
        }
        return result.ToString();
    }

    /// <summary>True for zero-width characters, bidi controls and the soft hyphen: invisible, and noise to a model.</summary>
    private static bool IsInvisibleControl(char c) => c is '\u00AD' or '\u061C' or (>= '\u200B' and <= '\u200F')
        or (>= '\u202A' and <= '\u202E') or (>= '\u2060' and <= '\u2064') or (>= '\u2066' and <= '\u2069') or '\uFEFF';

    /// <summary>True for harakat, the superscript alef and Quranic annotation marks.</summary>
    private static bool IsDiacritic(char c) => c is (>= '\u064B' and <= '\u065F') or '\u0670' or (>= '\u06D6' and <= '\u06DC')
        or (>= '\u06DF' and <= '\u06E4') or '\u06E7' or '\u06E8' or (>= '\u06EA' and <= '\u06ED');

    private static void Append(StringBuilder result, char c, TextNormalizationOptions options)
    {
        if (c == Tatweel || IsInvisibleControl(c) || (options.StripDiacritics && IsDiacritic(c)))
        {
            return;
        }
        result.Append(c);
    }

    private static bool NeedsWork(string text, TextNormalizationOptions options)
    {
        foreach (char c in text)
        {
            if (c >= '\u00AD' && (c == Tatweel || WesternDigits.MayChange(c) || IsInvisibleControl(c)
                || ArabicCompatibilityForms.Decompose(c) is not null || (options.StripDiacritics && IsDiacritic(c))))
            {
                return true;
            }
        }
        return false;
    }
}
