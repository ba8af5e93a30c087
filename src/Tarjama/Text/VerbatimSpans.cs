using System.Text.RegularExpressions;

namespace Tarjama.Text;

/// <summary>Finds the text that must come out of translation exactly as it went in: URLs, e-mail addresses,
/// <c>{{...}}</c> markers (kept with their braces, so templates survive), the user's own verbatim strings,
/// text that looks like a placeholder, and numbers written with digits.</summary>
public sealed partial class VerbatimSpans(IReadOnlyList<string>? userStrings = null)
{
    // Each pattern with a cheap test that text may hold a match, to skip the regex on most text.
    private static readonly (Regex Regex, Func<string, bool> MayMatch)[] Patterns =
    [
        (Url(), text => text.Contains("://", StringComparison.Ordinal) || text.Contains("www.", StringComparison.OrdinalIgnoreCase)),
        (Email(), text => text.Contains('@')),
        (Marker(), text => text.Contains("{{", StringComparison.Ordinal)),
        (PlaceholderLike(), text => text.Contains('[')),
    ];

    private readonly string[] _userStrings = [.. (userStrings ?? []).Where(s => s.Length > 0).OrderByDescending(s => s.Length)];

    /// <summary>Spans to keep in <paramref name="text"/> as the user wrote it (before normalisation), in order, not overlapping.</summary>
    public IReadOnlyList<TextRange> FindInSource(string text)
    {
        var found = new List<TextRange>();
        foreach (var (regex, mayMatch) in Patterns)
        {
            if (mayMatch(text))
            {
                found.AddRange(regex.Matches(text).Select(m => TrimUrlEnd(text, new TextRange(m.Index, m.Length))));
            }
        }
        foreach (var verbatim in _userStrings)
        {
            for (int at = text.IndexOf(verbatim, StringComparison.Ordinal); at >= 0; at = text.IndexOf(verbatim, at + verbatim.Length, StringComparison.Ordinal))
            {
                found.Add(new TextRange(at, verbatim.Length));
            }
        }
        return WithoutOverlaps(found);
    }

    /// <summary>Numbers written with digits (with their decimal, thousands, time and date separators) that are not part of a word
    /// such as "G20" or "2020م" (an Arabic letter may come before: "و3" is "and 3"); found after normalisation, so they come
    /// out as the model saw them.</summary>
    public static IReadOnlyList<TextRange> FindNumbers(string text) =>
        [.. Number().Matches(text).Select(m => new TextRange(m.Index, m.Length))];

    private static TextRange TrimUrlEnd(string text, TextRange span)
    {
        int end = span.End;
        while (end > span.Start + 1 && text[end - 1] is '.' or ',' or ';' or ':' or '!' or '?' or '\'' or '"' or ')' or '،' or '؛' or '؟'
            && !(text[end - 1] == ')' && span.Of(text).Contains('(')))
        {
            end--;
        }
        return span with { Length = end - span.Start };
    }

    private static List<TextRange> WithoutOverlaps(List<TextRange> spans)
    {
        var kept = new List<TextRange>();
        foreach (var span in spans.OrderBy(s => s.Start).ThenByDescending(s => s.Length))
        {
            if (kept.Count == 0 || span.Start >= kept[^1].End)
            {
                kept.Add(span);
            }
        }
        return kept;
    }

    [GeneratedRegex(@"\b(?:(?:https?|ftp)://|www\.)[^\s<>""«»“”]+", RegexOptions.IgnoreCase)]
    private static partial Regex Url();

    [GeneratedRegex(@"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")]
    private static partial Regex Email();

    [GeneratedRegex(@"\{\{.*?\}\}")]
    private static partial Regex Marker();

    [GeneratedRegex(@"\[\s*\p{Nd}+\s*\]")]
    private static partial Regex PlaceholderLike();

    [GeneratedRegex(@"(?=\p{Nd})(?<![\p{Nd}\p{L}-[\p{IsArabic}]])\p{Nd}+(?:[.,:/\-٫٬]\p{Nd}+)*(?![\p{L}\p{Nd}])")]
    private static partial Regex Number();
}
