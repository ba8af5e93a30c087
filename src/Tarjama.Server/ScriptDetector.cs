namespace Tarjama.Server;

/// <summary>Tells Arabic from English by the script of the letters, which is enough for an Arabic↔English service.</summary>
internal static class ScriptDetector
{

    /// <summary>One detected language; confidence from 0 to 100 as LibreTranslate reports it.</summary>
    public sealed record Detection(double Confidence, string Language);

    /// <summary>Candidates among <paramref name="languages"/>, most likely first; LibreTranslate's zero-confidence English when none is seen.</summary>
    public static IReadOnlyList<Detection> Detect(IEnumerable<string> texts, IReadOnlyList<string> languages)
    {
        int arabic = 0, latin = 0;
        foreach (char c in texts.SelectMany(t => t))
        {
            if (IsArabicLetter(c))
            {
                arabic++;
            }
            else if (char.IsLetter(c) && c < '\u0250')
            {
                latin++;
            }
        }
        int letters = arabic + latin;
        var found = new List<Detection>();
        foreach (var (language, count) in new[] { ("ar", arabic), ("en", latin) })
        {
            if (count > 0 && languages.Contains(language))
            {
                found.Add(new Detection(Math.Round(100.0 * count / letters, 2), language));
            }
        }
        return found.Count == 0 ? [new Detection(0.0, "en")] : found.OrderByDescending(d => d.Confidence).ToList();
    }

    /// <summary>Whether the script alone tells every one of <paramref name="languages"/> apart: only Arabic and English.</summary>
    public static bool TellsApart(IReadOnlyList<string> languages) => languages.All(language => language is "ar" or "en");

    private static bool IsArabicLetter(char c) =>
        char.IsLetter(c) && c is (>= '\u0600' and <= '\u06FF') or (>= '\u0750' and <= '\u077F') or (>= '\u08A0' and <= '\u08FF') or (>= '\uFB50' and <= '\uFDFF') or (>= '\uFE70' and <= '\uFEFF');
}
