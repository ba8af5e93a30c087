using Tarjama.Text;

namespace Tarjama.Server.CatTools;

/// <summary>Language codes as CAT-tool connectors send them ("AR", "en-US", "ara", "en_US") read as the server's
/// language codes.</summary>
internal static class CatToolLanguages
{
    /// <summary>The server language <paramref name="code"/> names, or the code's primary subtag when none matches.</summary>
    public static string Resolve(LanguagePairs pairs, string code)
    {
        string primary = code.Split('-', '_', '|')[0].Trim().ToLowerInvariant();
        return pairs.Languages.FirstOrDefault(language => language == primary || LanguageCodes.ThreeLetter(language) == primary) ?? primary;
    }
}
