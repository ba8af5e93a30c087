using System.Text;
using Tarjama.Text;

namespace Tarjama.Terminology;

/// <summary>Tab- or comma-separated glossary lines, as DeepL, Google and OmegaT write them.</summary>
internal static class DelimitedGlossaryReader
{
    /// <param name="format">CSV or TSV as the sender said; null to tell from a <c>.csv</c> name, or no tab on the first
    /// entry line.</param>
    public static IReadOnlyList<GlossaryEntry> Parse(string text, string name, string sourceLanguage, string targetLanguage, GlossaryFormat? format = null)
    {
        var lines = text.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var entryLines = Enumerable.Range(0, lines.Length).Where(i => lines[i].Trim().Length > 0 && !lines[i].TrimStart().StartsWith('#')).ToList();
        if (entryLines.Count == 0)
        {
            return [];
        }
        bool comma = format is { } named ? named == GlossaryFormat.Csv : (name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || !lines[entryLines[0]].Contains('\t'));
        var entries = new List<GlossaryEntry>();
        foreach (int i in entryLines)
        {
            IReadOnlyList<string> fields = comma ? CsvFields(lines[i], name, i + 1) : lines[i].Split('\t');
            if (i == entryLines[0] && IsHeader(fields, sourceLanguage, targetLanguage))
            {
                continue;
            }
            // DeepL's CSV may name the pair on every line: source,target,source_lang,target_lang.
            if (comma && fields.Count == 4 && LanguageCodes.IsWellFormed(fields[2].Trim()) && LanguageCodes.IsWellFormed(fields[3].Trim()))
            {
                if (!LanguageCodes.Same(fields[2].Trim(), sourceLanguage) || !LanguageCodes.Same(fields[3].Trim(), targetLanguage))
                {
                    throw new TarjamaException($"{name}:{i + 1}: this entry is for {fields[2].Trim()}→{fields[3].Trim()}, the glossary for {sourceLanguage}→{targetLanguage}");
                }
                fields = [fields[0], fields[1]];
            }
            if (fields.Count is < 2 or > 3)
            {
                throw new TarjamaException($"{name}:{i + 1}: expected source{(comma ? "," : "<TAB>")}target[{(comma ? "," : "<TAB>")}comment], found {fields.Count} field(s)");
            }
            entries.Add(new GlossaryEntry(fields[0], fields[1], fields.Count == 3 && fields[2].Trim().Length > 0 ? fields[2].Trim() : null, name, i + 1));
        }
        return entries;
    }

    private static bool IsHeader(IReadOnlyList<string> fields, string sourceLanguage, string targetLanguage) =>
        fields.Count >= 2 && ((Is(fields[0], "source") && Is(fields[1], "target")) || (Is(fields[0], sourceLanguage) && Is(fields[1], targetLanguage)));

    private static bool Is(string field, string name) => string.Equals(field.Trim(), name, StringComparison.OrdinalIgnoreCase);

    /// <summary>One CSV record on one line: fields in double quotes may hold commas, and "" for a quote.</summary>
    private static List<string> CsvFields(string line, string name, int lineNumber)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c != '"')
                {
                    field.Append(c);
                }
                else if (i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else
                {
                    quoted = false;
                }
            }
            else if (c == '"' && field.ToString().Trim().Length == 0)
            {
                field.Clear();
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }
        if (quoted)
        {
            throw new TarjamaException($"{name}:{lineNumber}: unclosed quote");
        }
        fields.Add(field.ToString());
        return fields;
    }
}
