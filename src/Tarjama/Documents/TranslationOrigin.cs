namespace Tarjama.Documents;

/// <summary>Where a segment's translation came from.</summary>
public enum TranslationSource
{
    /// <summary>The translation model.</summary>
    Machine,

    /// <summary>A translation memory entry with the same source (after normalisation, numbers as placeholders).</summary>
    MemoryExact,

    /// <summary>A translation memory entry with a similar source, used as is.</summary>
    MemoryFuzzy,

    /// <summary>An editor (a merged XLIFF target).</summary>
    Editor,

    /// <summary>Nothing: the source is kept (nothing to translate in it, or an empty translation).</summary>
    Kept,
}

/// <summary>Where a segment's translation came from, and for memory matches how close the match was (0 to 1).</summary>
public sealed record TranslationOrigin(TranslationSource Source, double? Score = null)
{
    public static readonly TranslationOrigin Machine = new(TranslationSource.Machine);

    /// <summary>"machine", "memory", "memory 82%", "editor" or "kept", as bilingual records write it.</summary>
    public override string ToString() => Source switch
    {
        TranslationSource.Machine => "machine",
        TranslationSource.MemoryExact => "memory",
        TranslationSource.MemoryFuzzy => $"memory {Math.Floor((Score ?? 0) * 100):0}%",
        TranslationSource.Editor => "editor",
        _ => "kept",
    };
}
