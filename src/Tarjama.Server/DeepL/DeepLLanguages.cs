namespace Tarjama.Server.DeepL;

/// <summary>DeepL's language codes (upper case; targets with a variant such as EN-US) over the server's language
/// pairs, which use ISO 639-1 codes.</summary>
internal static class DeepLLanguages
{
    /// <summary>Target variants DeepL clients send; each translates as its base language.</summary>
    private static readonly Dictionary<string, string[]> Variants = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = ["EN-GB", "EN-US"],
        ["pt"] = ["PT-BR", "PT-PT"],
        ["zh"] = ["ZH-HANS", "ZH-HANT"],
    };

    private sealed record Language(string Code, string Name);

    /// <summary>The server's code for a DeepL code ("EN-US" → "en"); null when empty.</summary>
    public static string? ToCode(string? deepL) => string.IsNullOrWhiteSpace(deepL) ? null : deepL.Trim().Split('-')[0].ToLowerInvariant();

    /// <summary>DeepL's code for a detected or source language ("ar" → "AR").</summary>
    public static string ToDeepL(string code) => code.ToUpperInvariant();

    /// <summary>GET /v2/languages: sources as their bare codes, targets with their variants.</summary>
    public static IReadOnlyList<object> List(LanguagePairs pairs, bool targets)
    {
        var codes = pairs.Languages.Where(code => targets ? pairs.Routes.Any(r => r.TargetLanguage == code) : pairs.TargetsOf(code).Count > 0);
        return codes.SelectMany(code => targets && Variants.TryGetValue(code, out var variants)
                ? variants.Select(variant => Entry(variant, $"{LanguageNames.Of(code)} ({variant[(variant.IndexOf('-') + 1)..]})", true))
                : [Entry(ToDeepL(code), LanguageNames.Of(code), targets)])
            .ToList();
    }

    private static object Entry(string code, string name, bool target) => target
        ? new { language = code, name, supports_formality = false }
        : new { language = code, name };
}
