namespace Tarjama.Terminology;

/// <summary>A glossary for other tools: OmegaT's glossary format, UTF-8 <c>source&lt;TAB&gt;target&lt;TAB&gt;comment</c>
/// lines, which OmegaT reads from a project's glossary/ folder as a <c>.txt</c> (or <c>.utf8</c>) file.</summary>
public static class GlossaryExport
{
    /// <summary>Writes every entry, one a line; returns how many.</summary>
    public static int WriteOmegaT(Glossary glossary, TextWriter output)
    {
        foreach (var entry in glossary.Entries)
        {
            output.Write(Field(entry.Source));
            output.Write('\t');
            output.Write(Field(entry.Target));
            if (entry.Comment is { Length: > 0 } comment)
            {
                output.Write('\t');
                output.Write(Field(comment));
            }
            output.Write('\n');
        }
        return glossary.Entries.Count;
    }

    /// <summary>A tab or line break inside a term would cut the line: each is a space.</summary>
    private static string Field(string text) => string.Join(' ', text.Split(['\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
