using Tarjama.Text;

namespace Tarjama.Terminology;

/// <summary>Reads glossary files: TBX (basic dialect) by its <c>.tbx</c> extension or an XML start, otherwise
/// delimited text, one entry a line, <c>source&lt;TAB&gt;target[&lt;TAB&gt;comment]</c> or the same comma-separated
/// with CSV quoting (by a <c>.csv</c> extension, or no tab on the first entry line). Blank lines and lines starting
/// with <c>#</c> are skipped; a first line naming the columns ("source", "target", or the two language codes) too.</summary>
public static class GlossaryReader
{
    /// <summary>Largest glossary file read.</summary>
    public const long MaxFileBytes = 64L << 20;

    /// <summary>Reads one glossary for the direction <paramref name="sourceLanguage"/> to <paramref name="targetLanguage"/>
    /// from all <paramref name="paths"/> together (a term in two files is a duplicate).</summary>
    /// <exception cref="TarjamaException">A file is missing, too big or malformed, or an entry is empty or repeated.</exception>
    public static Glossary Load(IEnumerable<string> paths, string sourceLanguage, string targetLanguage) =>
        Glossary.Create(sourceLanguage, paths.SelectMany(path => Read(path, sourceLanguage, targetLanguage)));

    public static IReadOnlyList<GlossaryEntry> Read(string path, string sourceLanguage, string targetLanguage)
    {
        string text;
        try
        {
            if (new FileInfo(path).Length > MaxFileBytes)
            {
                throw new TarjamaException($"{path}: glossary file larger than {MaxFileBytes >> 20} MiB");
            }
            text = Utf8LineReader.DecodeAll(File.ReadAllBytes(path), path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TarjamaException($"{path}: cannot read the glossary ({FileReadError.Reason(path, e)})");
        }
        return Parse(text, path, sourceLanguage, targetLanguage);
    }

    /// <summary>Parses glossary text; <paramref name="name"/> (a file name, or e.g. "request") names it in errors.</summary>
    /// <param name="format">The format the sender named, taken as it is; null to tell it from the name and the content
    /// as for files.</param>
    public static IReadOnlyList<GlossaryEntry> Parse(string text, string name, string sourceLanguage, string targetLanguage, GlossaryFormat? format = null)
    {
        format ??= name.EndsWith(".tbx", StringComparison.OrdinalIgnoreCase) || text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n').StartsWith('<') ? GlossaryFormat.Tbx : null;
        return format == GlossaryFormat.Tbx
            ? TbxGlossaryReader.Parse(text, name, sourceLanguage, targetLanguage)
            : DelimitedGlossaryReader.Parse(text, name, sourceLanguage, targetLanguage, format);
    }
}
