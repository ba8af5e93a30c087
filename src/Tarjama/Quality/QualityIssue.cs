namespace Tarjama.Quality;

/// <summary>Something a quality check found wrong with a segment's translation: the check's name ("numbers",
/// "glossary", "untranslated", "length", "repetition", "verbatim", "brackets") and what it found, in a short phrase.</summary>
public sealed record QualityIssue(string Check, string Message)
{
    public override string ToString() => $"{Check}: {Message}";
}

/// <summary>A segment as the checks see it: source and translation, their languages, and the glossary targets its
/// source called for.</summary>
public sealed record QualitySegment(string Source, string Target, string SourceLanguage, string TargetLanguage, IReadOnlyList<string> TermTargets);

/// <summary>One check on a translated segment, needing no reference translation.</summary>
public interface IQualityCheck
{
    /// <summary>The issue found, or null when the segment passes.</summary>
    QualityIssue? Check(QualitySegment segment);
}
