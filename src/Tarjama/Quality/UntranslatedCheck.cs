namespace Tarjama.Quality;

/// <summary>No source-script text is left in the translation: for Arabic into English, no Arabic word at all; the
/// other way, where names and brands are often kept in Latin letters, not more than half the letters; and never the
/// source copied whole.</summary>
public sealed class UntranslatedCheck : IQualityCheck
{
    public QualityIssue? Check(QualitySegment segment)
    {
        if (segment.Source.Any(char.IsLetter) && string.Equals(segment.Source.Trim(), segment.Target.Trim(), StringComparison.Ordinal)
            && !segment.TermTargets.Contains(segment.Source.Trim()))
        {
            return new QualityIssue("untranslated", "the source came back as it was");
        }
        if (ScriptLetters.Of(segment.SourceLanguage) is not { } sourceScript || ScriptLetters.Of(segment.TargetLanguage) is null)
        {
            return null;
        }
        string target = segment.TermTargets.Aggregate(segment.Target, (text, term) => text.Replace(term, " ", StringComparison.Ordinal));
        int letters = target.Count(char.IsLetter);
        int left = target.Count(sourceScript);
        bool strict = Text.LanguageCodes.IsArabic(segment.SourceLanguage);
        bool flagged = strict ? Words(target).Any(word => word.Count(sourceScript) >= 2) : letters > 0 && left * 2 > letters;
        return flagged ? new QualityIssue("untranslated", "source-language text left in the translation") : null;
    }

    private static IEnumerable<string> Words(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
}
