namespace Tarjama.Server.Jobs;

/// <summary>A loaded model as jobs know it: the name a request may give, and the fingerprint its finished segments are
/// journaled (and queued for workers) under (<see cref="Tarjama.Jobs.SegmentKey.Fingerprint"/>).</summary>
public sealed record JobModel(string Name, string Fingerprint);

/// <summary>Where the server's background jobs live and who translates them.</summary>
public sealed record JobSettings
{
    /// <summary>Folder of the job store and the segment journal, kept across restarts; null for a private temporary
    /// folder removed when the server stops.</summary>
    public string? Folder { get; init; }

    /// <summary>redis://host:port of the queue <c>tarjama worker</c> processes take segment batches from; null to
    /// translate jobs with the server's own models.</summary>
    public string? QueueUrl { get; init; }

    /// <summary>How long a finished job (its result, or why it failed) is kept.</summary>
    public TimeSpan Retention { get; init; } = TimeSpan.FromHours(24);

    /// <summary>The loaded models in the order of the server's translators; empty: named model1, model2... with
    /// fingerprints that hold only while the server runs (enough for a temporary folder).</summary>
    public IReadOnlyList<JobModel> Models { get; init; } = [];

    /// <summary>Most jobs queued or running at once; past it submissions get 429.</summary>
    public int MaxUnfinished { get; init; } = 256;

    /// <summary>Jobs translated at the same time (their segments share the engine's batches); the rest wait queued.</summary>
    public int Concurrency { get; init; } = 2;

    internal void Validate(int translators)
    {
        if (Retention < TimeSpan.FromSeconds(1) || Retention > TimeSpan.FromDays(366))
        {
            throw new TarjamaException($"the job retention must be between 1 second and 366 days (got {Retention})");
        }
        if (MaxUnfinished is < 1 or > 100_000)
        {
            throw new TarjamaException($"the most unfinished jobs must be between 1 and 100000 (got {MaxUnfinished})");
        }
        if (Concurrency is < 1 or > 64)
        {
            throw new TarjamaException($"the jobs translated at once must be between 1 and 64 (got {Concurrency})");
        }
        if (Models.Count != 0 && Models.Count != translators)
        {
            throw new TarjamaException($"{Models.Count} job models named for {translators} translators");
        }
        if ((Folder is not null || QueueUrl is not null) && Models.Count == 0)
        {
            throw new TarjamaException("jobs kept in a folder or queued for workers need the models' fingerprints");
        }
    }
}
