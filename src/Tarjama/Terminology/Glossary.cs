namespace Tarjama.Terminology;

/// <summary>The terms for one direction (source language to target language), each source term once.</summary>
public sealed class Glossary
{
    /// <summary>Most entries one glossary may hold, all files together.</summary>
    public const int MaxEntries = 100_000;

    /// <summary>Longest term, source or target, in characters.</summary>
    public const int MaxTermLength = 200;

    private Glossary(string sourceLanguage, IReadOnlyList<GlossaryEntry> entries)
    {
        SourceLanguage = sourceLanguage;
        Entries = entries;
    }

    /// <summary>The language the source terms are in: how they are matched (Arabic clitics, English plurals).</summary>
    public string SourceLanguage { get; }

    public IReadOnlyList<GlossaryEntry> Entries { get; }

    public static Glossary Empty(string sourceLanguage) => new(sourceLanguage, []);

    /// <summary>Checks the entries: none empty or too long, no source term twice (as matching sees terms: "أحمد" and
    /// "احمد" are the same term), at most <see cref="MaxEntries"/>.</summary>
    /// <exception cref="TarjamaException">An entry is empty, too long or repeated; the message names its line.</exception>
    public static Glossary Create(string sourceLanguage, IEnumerable<GlossaryEntry> entries)
    {
        var kept = new List<GlossaryEntry>();
        var seen = new Dictionary<string, GlossaryEntry>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var trimmed = entry with { Source = entry.Source.Trim(), Target = entry.Target.Trim() };
            if (trimmed.Source.Length == 0 || trimmed.Target.Length == 0)
            {
                throw new TarjamaException($"{entry.Where}: empty glossary entry (needs a source and a target term)");
            }
            if (trimmed.Source.Length > MaxTermLength || trimmed.Target.Length > MaxTermLength)
            {
                throw new TarjamaException($"{entry.Where}: glossary term longer than {MaxTermLength} characters");
            }
            var words = TermWords.Split(trimmed.Source);
            if (!words.Any(w => w.IsWord))
            {
                throw new TarjamaException($"{entry.Where}: glossary source term '{trimmed.Source}' has no letters or digits");
            }
            string key = string.Join(' ', words.Select(w => w.Folded));
            if (seen.TryGetValue(key, out var first))
            {
                throw new TarjamaException($"{entry.Where}: duplicate glossary term '{trimmed.Source}' (first at {first.Where})");
            }
            if (kept.Count == MaxEntries)
            {
                throw new TarjamaException($"{entry.Where}: more than {MaxEntries} glossary entries");
            }
            seen[key] = trimmed;
            kept.Add(trimmed);
        }
        return new Glossary(sourceLanguage, kept);
    }
}
