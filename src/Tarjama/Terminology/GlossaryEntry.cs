namespace Tarjama.Terminology;

/// <summary>One glossary term: the source text to find, the target text that must come out, an optional note, and
/// where it was read (file and 1-based line) so errors can point at it.</summary>
public sealed record GlossaryEntry(string Source, string Target, string? Comment = null, string File = "", int Line = 0)
{
    /// <summary>A do-not-translate entry: the term comes out as it went in.</summary>
    public bool KeepsSource => string.Equals(Source, Target, StringComparison.Ordinal);

    public string Where => Line > 0 ? $"{File}:{Line}" : File;
}
