namespace Tarjama.Terminology;

/// <summary>The prefixes a reader strips from an Arabic word to find the word: a conjunction (و, ف), then a
/// preposition (ب, ك, ل), then the article ال, each optional ("والشرع", "بحميميم", "للرئيس": ل + ال is written لل).</summary>
internal static class ArabicClitics
{
    public const string Article = "ال";

    /// <summary>Every prefix, longest first, with whether it ends with the article.</summary>
    public static IReadOnlyList<(string Prefix, bool HasArticle)> Prefixes { get; } = Build();

    /// <summary>The word without a leading article, when it has one and something is left that could be a word.</summary>
    public static string WithoutArticle(string folded) =>
        folded.Length > Article.Length + 1 && folded.StartsWith(Article, StringComparison.Ordinal) ? folded[Article.Length..] : folded;

    private static List<(string, bool)> Build()
    {
        var prefixes = new List<(string Prefix, bool HasArticle)>();
        foreach (string conjunction in new[] { "", "و", "ف" })
        {
            foreach (string preposition in new[] { "", "ب", "ك", "ل" })
            {
                prefixes.Add((conjunction + preposition, false));
                prefixes.Add((conjunction + (preposition == "ل" ? "لل" : preposition + Article), true));
            }
        }
        return [.. prefixes.OrderByDescending(p => p.Prefix.Length)];
    }
}
