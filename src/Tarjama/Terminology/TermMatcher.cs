using Tarjama.Text;

namespace Tarjama.Terminology;

/// <summary>Finds a glossary's terms in source text on word boundaries, longest match first, left to right, never inside
/// verbatim text (URLs, e-mail addresses, placeholders). Arabic terms match through <see cref="TermFolding"/> and with
/// <see cref="ArabicClitics"/> on their first word; English terms match in any case (all-capital words such as "US"
/// only in capitals) and with a simple plural on their last word.</summary>
public sealed class TermMatcher
{
    private static readonly VerbatimSpans Verbatim = new();
    private readonly Dictionary<string, List<CompiledTerm>> _byFirstWord = new(StringComparer.Ordinal);
    private readonly bool _arabic;

    public TermMatcher(Glossary glossary)
    {
        Glossary = glossary;
        _arabic = LanguageCodes.IsArabic(glossary.SourceLanguage);
        foreach (var entry in glossary.Entries)
        {
            var term = CompiledTerm.From(entry, _arabic);
            if (!_byFirstWord.TryGetValue(term.Key, out var terms))
            {
                _byFirstWord[term.Key] = terms = [];
            }
            terms.Add(term);
        }
    }

    public Glossary Glossary { get; }

    public bool IsEmpty => _byFirstWord.Count == 0;

    /// <summary>The terms in <paramref name="text"/>, in order, not overlapping.</summary>
    public IReadOnlyList<TermMatch> Match(string text)
    {
        if (IsEmpty)
        {
            return [];
        }
        var words = TermWords.Split(text);
        var verbatim = Verbatim.FindInSource(text);
        // Every position's longest term first, then the doc's rule across positions: the longest wins, then the
        // leftmost ("A B" must not hide a longer "B C D" just because it starts earlier).
        var candidates = new List<(TermMatch Match, int At, int Words)>();
        for (int i = 0; i < words.Count; i++)
        {
            if (words[i].IsWord && Longest(text, words, i) is { } match
                && !verbatim.Any(span => span.Start < match.Match.Range.End && match.Match.Range.Start < span.End))
            {
                candidates.Add((match.Match, i, match.Words));
            }
        }
        var taken = new bool[words.Count];
        var found = new List<(TermMatch Match, int At)>();
        foreach (var candidate in candidates.OrderByDescending(c => c.Words).ThenBy(c => c.At))
        {
            if (!taken.AsSpan(candidate.At, candidate.Words).Contains(true))
            {
                taken.AsSpan(candidate.At, candidate.Words).Fill(true);
                found.Add((candidate.Match, candidate.At));
            }
        }
        return [.. found.OrderBy(f => f.At).Select(f => f.Match)];
    }

    private (TermMatch Match, int Words)? Longest(string text, List<TermWord> words, int at)
    {
        (TermMatch Match, int Words)? best = null;
        foreach (var (key, prefixHasArticle) in FirstWordKeys(words[at].Folded))
        {
            if (!_byFirstWord.TryGetValue(key, out var terms))
            {
                continue;
            }
            foreach (var term in terms)
            {
                if (term.Matches(text, words, at, key, prefixHasArticle) && (best is null || term.Words.Length > best.Value.Words))
                {
                    var range = new TextRange(words[at].Range.Start, words[at + term.Words.Length - 1].Range.End - words[at].Range.Start);
                    best = (new TermMatch(range, term.Entry), term.Words.Length);
                }
            }
        }
        return best;
    }

    /// <summary>The keys a text word may be found under: itself; for Arabic, without each clitic prefix it starts with;
    /// for English, without a plural ending.</summary>
    private IEnumerable<(string Key, bool? PrefixHasArticle)> FirstWordKeys(string folded)
    {
        yield return (folded, _arabic ? false : null);
        if (_arabic)
        {
            foreach (var (prefix, hasArticle) in ArabicClitics.Prefixes)
            {
                if (prefix.Length > 0 && folded.Length > prefix.Length + 1 && folded.StartsWith(prefix, StringComparison.Ordinal))
                {
                    yield return (folded[prefix.Length..], hasArticle);
                }
            }
            yield break;
        }
        foreach (var singular in EnglishPlural.Singulars(folded))
        {
            yield return (singular, null);
        }
    }

    /// <summary>A glossary entry ready to match: its words folded; an Arabic term's first word without its article
    /// (the article then required), so clitics can come before it.</summary>
    private sealed record CompiledTerm(GlossaryEntry Entry, string[] Words, string?[] Capitals, string Key, bool NeedsArticle)
    {
        public static CompiledTerm From(GlossaryEntry entry, bool arabic)
        {
            var words = TermWords.Split(entry.Source);
            var folded = words.Select(w => w.Folded).ToArray();
            var capitals = words.Select(w => IsCapitalized(w.Range.Of(entry.Source)) ? w.Range.Of(entry.Source) : null).ToArray();
            string key = arabic ? ArabicClitics.WithoutArticle(folded[0]) : folded[0];
            return new CompiledTerm(entry, folded, capitals, key, arabic && key.Length != folded[0].Length);
        }

        public bool Matches(string text, List<TermWord> words, int at, string key, bool? prefixHasArticle)
        {
            if (at + Words.Length > words.Count || (prefixHasArticle is { } article && NeedsArticle && !article))
            {
                return false;
            }
            bool single = Words.Length == 1;
            if (prefixHasArticle is null && key != words[at].Folded && !single)
            {
                return false; // an English plural ending is only for the last word
            }
            if (!CapitalsMatch(text, words[at], 0, key == words[at].Folded))
            {
                return false;
            }
            for (int k = 1; k < Words.Length; k++)
            {
                var word = words[at + k];
                bool last = k == Words.Length - 1;
                bool same = word.Folded == Words[k];
                if (!same && !(last && prefixHasArticle is null && word.IsWord && EnglishPlural.Singulars(word.Folded).Contains(Words[k])))
                {
                    return false;
                }
                if (!CapitalsMatch(text, word, k, same))
                {
                    return false;
                }
            }
            return true;
        }

        private bool CapitalsMatch(string text, TermWord word, int k, bool exact) =>
            Capitals[k] is not { } capitals || word.Range.Of(text).StartsWith(capitals, StringComparison.Ordinal) && (exact || word.Range.Length > capitals.Length);

        // "US", "UN", "NATO": an acronym, not the word "us".
        private static bool IsCapitalized(string word) => word.Length > 1 && word.All(c => !char.IsLetter(c) || char.IsUpper(c)) && word.Any(char.IsLetter);
    }
}
