namespace Tarjama.Server;

/// <summary>English names of language codes, for /languages and the web page; unknown codes are their own name.</summary>
internal static class LanguageNames
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ar"] = "Arabic",
        ["en"] = "English",
        ["fr"] = "French",
        ["de"] = "German",
        ["es"] = "Spanish",
        ["it"] = "Italian",
        ["ru"] = "Russian",
        ["tr"] = "Turkish",
        ["fa"] = "Persian",
        ["he"] = "Hebrew",
        ["ur"] = "Urdu",
        ["zh"] = "Chinese",
    };

    public static string Of(string code) => Names.GetValueOrDefault(code, code);
}
