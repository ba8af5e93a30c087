using System.Text.RegularExpressions;

namespace Tarjama.Text;

/// <summary>Puts a translation's punctuation in the target language's style: into English, « » become “ ” and ، ؛ ؟ ٪
/// become , ; ? % and digits are Western; into Arabic, the reverse (digits stay as they are); in both, no space before
/// closing punctuation or after opening, one after commas.</summary>
public static partial class PunctuationStyle
{
    public static string Apply(string text, string targetLanguage)
    {
        text = Whitespace().Replace(text, " ").Trim();
        return LanguageCodes.IsArabic(targetLanguage) ? ToArabic(text) : ToLatin(text, LanguageCodes.IsEnglish(targetLanguage));
    }

    private static string ToLatin(string text, bool english)
    {
        if (english)
        {
            text = text.Replace('«', '“').Replace('»', '”');
        }
        text = WesternDigits.Apply(text.Replace('،', ',').Replace('؛', ';').Replace('؟', '?').Replace('٪', '%'));
        text = LatinSpaceBeforeClosing().Replace(text, "");
        text = LatinSpaceAfterOpening().Replace(text, "");
        text = LatinMissingSpace().Replace(text, " ");
        return SpaceAroundQuotes().Replace(text, " ");
    }

    private static string ToArabic(string text)
    {
        text = text.Replace('?', '؟').Replace(';', '؛').Replace('“', '«').Replace('”', '»');
        text = LatinComma().Replace(text, "،");
        text = ArabicSpaceBeforeClosing().Replace(text, "");
        text = ArabicSpaceAfterOpening().Replace(text, "");
        return ArabicMissingSpace().Replace(text, " ");
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\s+(?=[,.;:!?%)\]}”’])")]
    private static partial Regex LatinSpaceBeforeClosing();

    [GeneratedRegex(@"(?<=[(\[{“‘])\s+")]
    private static partial Regex LatinSpaceAfterOpening();

    [GeneratedRegex(@"(?<=[,;:!?])(?=[\p{L}“(])")]
    private static partial Regex LatinMissingSpace();

    [GeneratedRegex(@"(?<=”)(?=[\p{L}\p{Nd}])|(?<=[\p{L}\p{Nd}])(?=“)")]
    private static partial Regex SpaceAroundQuotes();

    // A comma is Arabic unless it separates thousands (digits on both sides).
    [GeneratedRegex(@",(?!\p{Nd})|(?<!\p{Nd}),")]
    private static partial Regex LatinComma();

    [GeneratedRegex(@"\s+(?=[،؛؟!.:%)\]}»])")]
    private static partial Regex ArabicSpaceBeforeClosing();

    [GeneratedRegex(@"(?<=[(\[{«])\s+")]
    private static partial Regex ArabicSpaceAfterOpening();

    [GeneratedRegex(@"(?<=[،؛؟!:])(?=[\p{L}«(])")]
    private static partial Regex ArabicMissingSpace();
}
