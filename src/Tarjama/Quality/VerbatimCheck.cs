using Tarjama.Text;

namespace Tarjama.Quality;

/// <summary>URLs, e-mail addresses, <c>{{markers}}</c> and placeholders of the source are in the translation unchanged.</summary>
public sealed class VerbatimCheck : IQualityCheck
{
    private static readonly VerbatimSpans Spans = new();

    public QualityIssue? Check(QualitySegment segment)
    {
        var missing = Spans.FindInSource(segment.Source).Select(span => span.Of(segment.Source))
            .Where(text => !segment.Target.Contains(text, StringComparison.Ordinal)).Distinct().ToList();
        return missing.Count == 0 ? null : new QualityIssue("verbatim", $"missing {string.Join(", ", missing)}");
    }
}
