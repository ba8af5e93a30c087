using Tarjama.Text;

namespace Tarjama.Quality;

/// <summary>The translation is neither far shorter (something left out) nor far longer (something made up) than the
/// source, in letters and digits. Arabic writes fewer letters than English for the same text (NTREX-128 and the
/// example article: English 0.7 to 1.7 times the Arabic), so the bounds depend on the direction; segments under
/// <see cref="MinimumSource"/> characters vary too much to judge.</summary>
public sealed class LengthRatioCheck : IQualityCheck
{
    public const int MinimumSource = 20;

    public QualityIssue? Check(QualitySegment segment)
    {
        int source = segment.Source.Count(char.IsLetterOrDigit);
        if (source < MinimumSource)
        {
            return null;
        }
        double ratio = segment.Target.Count(char.IsLetterOrDigit) / (double)source;
        var (low, high) = Bounds(segment.SourceLanguage, segment.TargetLanguage);
        return ratio < low ? new QualityIssue("length", $"translation {ratio:0.00} times the source's length: something left out?")
            : ratio > high ? new QualityIssue("length", $"translation {ratio:0.00} times the source's length: something added?")
            : null;
    }

    private static (double Low, double High) Bounds(string sourceLanguage, string targetLanguage) =>
        LanguageCodes.IsArabic(sourceLanguage) && !LanguageCodes.IsArabic(targetLanguage) ? (0.45, 3.0)
        : LanguageCodes.IsArabic(targetLanguage) && !LanguageCodes.IsArabic(sourceLanguage) ? (0.33, 2.2)
        : (0.4, 2.5);
}
