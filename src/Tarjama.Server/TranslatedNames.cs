namespace Tarjama.Server;

/// <summary>What a translated file is called: news.ar.txt translated to English is news.en.txt (the source language's
/// tag gives way to the target's, rather than news.ar.en.txt), and its bilingual view news.ar-en.tmx.</summary>
internal static class TranslatedNames
{
    public static string Document(string name, string sourceLanguage, string targetLanguage) =>
        $"{Stem(name, sourceLanguage)}.{targetLanguage}{Path.GetExtension(name).ToLowerInvariant()}";

    public static string Bilingual(string name, string sourceLanguage, string targetLanguage, string extension) =>
        $"{Stem(name, sourceLanguage)}.{sourceLanguage}-{targetLanguage}.{extension}";

    private static string Stem(string name, string sourceLanguage)
    {
        string stem = Path.GetFileNameWithoutExtension(name);
        return stem.EndsWith($".{sourceLanguage}", StringComparison.OrdinalIgnoreCase) ? stem[..^(sourceLanguage.Length + 1)] : stem;
    }
}
