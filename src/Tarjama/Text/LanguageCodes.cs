using System.Text.RegularExpressions;

namespace Tarjama.Text;

/// <summary>What Tarjama needs to know about a language from its code ("ar", "ar-SA", "arb", "en"...).</summary>
public static partial class LanguageCodes
{
    /// <summary>True for what can be a language code, in any case: ISO 639-1 or 639-3 (<c>ar</c>, <c>arb</c>), a BCP-47
    /// tag (<c>ar-EG</c>, <c>zh-Hant</c>, <c>sr-Latn-RS</c>) or NLLB's code (<c>arb_Arab</c>). Whether a model knows the
    /// language is the model's to say.</summary>
    public static bool IsWellFormed(string code) => WellFormed().IsMatch(code);

    /// <summary>The code as a BCP-47 tag, as XML's <c>xml:lang</c> and TMX take it: NLLB's <c>arb_Arab</c> is <c>arb-Arab</c>.</summary>
    public static string Tag(string code) => code.Replace('_', '-');

    public static bool IsArabic(string code) => Primary(code) is "ar" or "ara" or "arb";

    public static bool IsEnglish(string code) => Primary(code) is "en" or "eng";

    /// <summary>True for languages written right to left.</summary>
    public static bool IsRightToLeft(string code) =>
        IsArabic(code) || Primary(code) is "fa" or "fas" or "pes" or "he" or "heb" or "ur" or "urd" or "ps" or "pus" or "yi" or "ckb" or "sd";

    public static string Direction(string code) => IsRightToLeft(code) ? "rtl" : "ltr";

    /// <summary>True when two codes name the same language, e.g. "ar" and "ar-EG".</summary>
    public static bool Same(string a, string b) => Primary(a) == Primary(b) || (IsArabic(a) && IsArabic(b)) || (IsEnglish(a) && IsEnglish(b));

    /// <summary>The ISO 639-3 code OPUS-MT target-language tokens use (<c>&gt;&gt;ara&lt;&lt;</c>) for a code people type ("ar").</summary>
    public static string ThreeLetter(string code) => Primary(code) switch
    {
        "ar" => "ara",
        "en" => "eng",
        "fr" => "fra",
        "de" => "deu",
        "es" => "spa",
        var other => other,
    };

    private static string Primary(string code) => code.Split('-', '_')[0].Trim().ToLowerInvariant();

    [GeneratedRegex("^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")]
    private static partial Regex WellFormed();
}
