namespace Tarjama.Jobs;

/// <summary>What a folder translation did: files written, passed over or failed (each with why), and its segments.</summary>
public sealed record FolderSummary
{
    public int Files { get; set; }

    public List<(string Path, string Reason)> Skipped { get; } = [];

    /// <summary>Each file that failed, with its error: the caller words it (a CLI can name its own options).</summary>
    public List<(string Path, Exception Error)> Failed { get; } = [];

    /// <summary>Segments in the files translated.</summary>
    public long Segments { get; set; }

    /// <summary>Distinct model inputs the engine translated in this run.</summary>
    public long Translated { get; set; }

    /// <summary>Distinct model inputs taken from the journal (finished by an earlier run or an earlier file).</summary>
    public long Reused { get; set; }
}
