using Tarjama.Terminology;

namespace Tarjama.Quality;

/// <summary>Every glossary target the source called for is in the translation (Latin in any case, so a sentence may
/// start with it; Arabic as term matching compares it).</summary>
public sealed class GlossaryCheck : IQualityCheck
{
    public QualityIssue? Check(QualitySegment segment)
    {
        var missing = segment.TermTargets.Distinct().Where(term => !Contains(segment.Target, term)).ToList();
        return missing.Count == 0 ? null : new QualityIssue("glossary", $"missing {string.Join(", ", missing.Select(t => $"'{t}'"))}");
    }

    private static bool Contains(string text, string term) =>
        text.Contains(term, StringComparison.OrdinalIgnoreCase) || TermFolding.Fold(text).Contains(TermFolding.Fold(term), StringComparison.Ordinal);
}
