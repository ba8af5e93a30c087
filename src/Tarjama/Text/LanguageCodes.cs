namespace Tarjama.Text;

/// <summary>What Tarjama needs to know about a language from its code ("ar", "ar-SA", "arb", "en"...).</summary>
public static class LanguageCodes
{
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
}
